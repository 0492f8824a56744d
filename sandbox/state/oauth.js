'use strict';

const crypto = require('crypto');

const CODE_TTL_MS = 10 * 60 * 1000; // inferred: the usual 10-minute authorization-code lifetime

// Opaque base64 of 16 random bytes, like the doc's example values ("6y/ly4b0PVJLCv6fafC2Xg==").
const opaque = () => crypto.randomBytes(16).toString('base64');

/** Splits a scope string; UNKNOWN in the docs: the separator, so both space and comma are accepted. */
function splitScopes(scope) {
  return String(scope || '').split(/[\s,]+/).filter(Boolean);
}

/**
 * Authorization codes, tokens and per-shop authorizations of the OAuth platform(s).
 */
class OAuthState {
  constructor() {
    this.clear();
  }

  clear() {
    /** @type {Map<string, object>} */
    this.codes = new Map();
    /** @type {Map<string, object>} */
    this.tokens = new Map();
    /** key `${platformId}:${shopId}` */
    this.authorizations = new Map();
    /** first install per platform+shop; survives disconnect (install status "does not verify authorization") */
    this.installs = new Map();
    this.nextFamily = 1;
  }

  createCode({ platformId, clientId, shopId, redirectUri, scope, nowMs }) {
    const code = opaque();
    this.codes.set(code, { code, platformId, clientId, shopId, redirectUri, scope, expiresAt: nowMs + CODE_TTL_MS, used: false });
    return code;
  }

  /** Returns the code record or a reason string. Single use: the first look-up consumes it. */
  consumeCode(code, clientId, redirectUri, nowMs) {
    const rec = this.codes.get(code);
    if (!rec || rec.clientId !== clientId) return 'authorization code is invalid';
    if (rec.used) return 'authorization code has already been used';
    rec.used = true;
    if (nowMs > rec.expiresAt) return 'authorization code has expired';
    if (rec.redirectUri !== redirectUri) return 'redirect_uri does not match the authorization request';
    return rec;
  }

  authorize(platformId, shopId, scope, nowMs) {
    const key = `${platformId}:${shopId}`;
    this.authorizations.set(key, { platformId, shopId, scope, authorizedAt: nowMs, active: true });
    if (!this.installs.has(key)) this.installs.set(key, { installedAt: nowMs });
  }

  authorization(platformId, shopId) {
    const a = this.authorizations.get(`${platformId}:${shopId}`);
    return a && a.active ? a : undefined;
  }

  install(platformId, shopId) {
    return this.installs.get(`${platformId}:${shopId}`);
  }

  /** Issues an access + refresh token pair for an (already authorized) shop. */
  issue({ platformId, clientId, shopId, scope, nowMs, ttlSeconds, family }) {
    const fam = family || this.nextFamily++;
    const base = { platformId, clientId, shopId, scope, family: fam, revoked: false, issuedAt: nowMs };
    const access = { ...base, type: 'access', token: opaque(), expiresAt: nowMs + ttlSeconds * 1000 };
    // UNKNOWN in the docs: refresh-token lifetime; inferred unlimited until used (rotate), revoked or disconnected.
    const refresh = { ...base, type: 'refresh', token: opaque(), expiresAt: Infinity, used: false };
    this.tokens.set(access.token, access);
    this.tokens.set(refresh.token, refresh);
    return { access, refresh };
  }

  /** An access token record if it is valid now, else a reason string. */
  checkAccess(token, nowMs) {
    const rec = this.tokens.get(token);
    if (!rec || rec.type !== 'access') return 'access token is invalid';
    if (rec.revoked) return 'access token has been revoked';
    if (nowMs >= rec.expiresAt) return 'access token has expired';
    if (!this.authorization(rec.platformId, rec.shopId)) return 'the shop authorization has been removed';
    return rec;
  }

  /**
   * UNKNOWN in the docs: whether refresh rotates. 'rotate': a new refresh token, the old one is
   * spent; 'keep': the same refresh token is returned and stays usable.
   */
  refresh({ refreshToken, clientId, nowMs, ttlSeconds, rotation }) {
    const rec = this.tokens.get(refreshToken);
    if (!rec || rec.type !== 'refresh' || rec.clientId !== clientId) return 'refresh token is invalid';
    if (rec.revoked) return 'refresh token has been revoked';
    if (rec.used) return 'refresh token has already been used';
    if (!this.authorization(rec.platformId, rec.shopId)) return 'the shop authorization has been removed';
    const pair = this.issue({ platformId: rec.platformId, clientId, shopId: rec.shopId, scope: rec.scope, nowMs, ttlSeconds, family: rec.family });
    if (rotation === 'keep') {
      this.tokens.delete(pair.refresh.token);
      return { access: pair.access, refresh: rec };
    }
    // inferred: the access token issued before the refresh stays valid until it expires.
    rec.used = true;
    return pair;
  }

  /**
   * inferred (RFC 7009): unknown tokens are not an error; revoking a refresh token also revokes
   * every token of its grant, revoking an access token only that token.
   */
  revoke(token, clientId) {
    const rec = this.tokens.get(token);
    if (!rec || rec.clientId !== clientId) return false;
    if (rec.type === 'refresh') {
      for (const t of this.tokens.values()) if (t.family === rec.family) t.revoked = true;
    } else {
      rec.revoked = true;
    }
    return true;
  }

  /** Removes the authorization and every token of that platform for that shop. */
  disconnect(platformId, shopId) {
    const had = this.authorization(platformId, shopId);
    if (had) had.active = false;
    for (const t of this.tokens.values()) if (t.platformId === platformId && t.shopId === shopId) t.revoked = true;
    return Boolean(had);
  }
}

module.exports = { OAuthState, splitScopes, CODE_TTL_MS };
