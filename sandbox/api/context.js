'use strict';

const { invalidArgument } = require('../lib/errors');
const { requireScope } = require('./auth');

/**
 * Per-request state handed to API handlers.
 */
class ApiContext {
  /**
   * @param {object} p
   * @param {import('../sandbox').Sandbox} p.sandbox
   * @param {import('http').IncomingMessage} p.req
   * @param {Array<[string,string]>} p.pairs
   * @param {import('../lib/raw-query').QueryReader} p.query
   * @param {Buffer} p.rawBody
   * @param {object} p.log the request-log entry being filled
   */
  constructor({ sandbox, req, pairs, query, rawBody, log }) {
    this.sandbox = sandbox;
    this.store = sandbox._store;
    this.opts = sandbox._options;
    this.nowMs = sandbox.now();
    this.req = req;
    this.pairs = pairs;
    this.query = query;
    this.rawBody = rawBody;
    this.log = log;
    this.shop = null;
    this.owner = null;
    this.token = null;
    this._json = undefined;
    this._jsonParsed = false;
  }

  get baseUrl() {
    return this.sandbox.publicUrl;
  }

  requireScope(scope) {
    requireScope(this, scope);
  }

  /** Parsed JSON body, or undefined when the body is empty. Not JSON -> code 3. */
  json() {
    if (!this._jsonParsed) {
      this._jsonParsed = true;
      const text = this.rawBody.toString('utf8');
      if (text.trim() === '') this._json = undefined;
      else {
        try {
          this._json = JSON.parse(text);
        } catch (e) {
          throw invalidArgument('request body is not valid JSON');
        }
      }
    }
    return this._json;
  }

  /** The body as a JSON object (required). */
  jsonObject() {
    const b = this.json();
    if (b === null || typeof b !== 'object' || Array.isArray(b)) throw invalidArgument('request body must be a JSON object');
    return b;
  }
}

module.exports = { ApiContext };
