'use strict';

/**
 * Trustoo Open API sandbox: a local HTTP server faithful to the documented API, with modes for
 * every behaviour the docs leave UNKNOWN. See README.md.
 */
const { Sandbox } = require('./sandbox');
const { signRequest, signWebhook, canonicalQuery, signingMessage } = require('./lib/signature');
const { DEFAULTS, ENUMS } = require('./lib/options');

/**
 * A sandbox that is not listening yet (call `await sb.listen()`).
 * @param {object} [options]
 * @returns {Sandbox}
 */
function createSandbox(options) {
  return new Sandbox(options);
}

/**
 * Creates and starts a sandbox.
 * @param {object} [options]
 * @returns {Promise<Sandbox>}
 */
async function startSandbox(options) {
  const sb = createSandbox(options);
  await sb.listen();
  return sb;
}

module.exports = {
  startSandbox,
  createSandbox,
  Sandbox,
  DEFAULT_OPTIONS: DEFAULTS,
  MODES: ENUMS,
  signing: { signRequest, signWebhook, canonicalQuery, signingMessage },
};
