'use strict';

const { ApiError } = require('../lib/errors');
const { checkRedirectUri, checkScopes } = require('../api/oauth-rules');
const { withParams } = require('../api/merchant');

/*
 * Stand-in for Trustoo's merchant consent screen. UNKNOWN in the docs: its real host/path
 * (authorize_url's example value is "string"). Reachable via get_oauth_authorize_url or directly
 * with n8n-style OAuth2 parameters (client_id, redirect_uri, response_type=code, state, scope).
 */
const CONSENT_PATH = '/sandbox/oauth/consent';

const SCOPE_TEXT = {
  read_reviews: 'Read reviews and ratings',
  write_reviews: 'Create and delete reviews, upload review media, receive review webhooks',
  read_customer_events: 'Read storefront customer events and receive their webhooks',
  write_customers: 'Unsubscribe customers from emails and manage exclusions',
  read_customers: 'Read the customer exclusion list',
  read_orders: 'Read orders and their review-request status',
  read_shop_install_status: 'See whether the app is installed',
};

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));

function html(res, status, title, inner) {
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d2433}
.card{border:1px solid #d7dbe3;border-radius:12px;padding:1.5rem 2rem}h1{font-size:1.3rem}
li{margin:.3rem 0}code{background:#f2f4f8;padding:0 .3rem;border-radius:4px}.err{color:#a3162b}
button{font-size:1rem;padding:.5rem 1.4rem;border-radius:8px;border:1px solid #1d2433;margin-right:.8rem;cursor:pointer}
button[value=approve]{background:#1d2433;color:#fff}label{display:block;margin:.3rem 0}</style></head>
<body><div class="card">${inner}</div><p><small>Trustoo sandbox — stands in for the merchant's Trustoo admin.</small></p></body></html>`;
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page) });
  res.end(page);
  return status;
}

function redirect(res, location) {
  res.writeHead(302, { Location: location, 'Content-Length': 0 });
  res.end();
  return 302;
}

/**
 * Validates the authorization request. Problems with client_id / redirect_uri are shown on the page
 * (never redirect to an unverified URI); other problems go back to the client as OAuth errors.
 * @returns {{page?:string, redirect?:string, ok?:object}}
 */
function validate(sandbox, p) {
  const platform = sandbox._store.platform;
  if (!p.client_id || p.client_id !== platform.clientId) return { page: 'Unknown client_id.' };
  let redirectUri;
  try {
    redirectUri = checkRedirectUri(platform, p.redirect_uri);
  } catch (e) {
    return { page: e instanceof ApiError ? e.message : 'Invalid redirect_uri.' };
  }
  const back = (error, description) => ({ redirect: withParams(redirectUri, { error, error_description: description, state: p.state }) });
  // inferred: response_type, when given, must be "code".
  if (p.response_type && p.response_type !== 'code') return back('unsupported_response_type', 'response_type must be code');
  try {
    checkScopes(platform, p.scope);
  } catch (e) {
    return back('invalid_scope', e.message);
  }
  return { ok: { platform, redirectUri, scope: p.scope, state: p.state } };
}

function renderConsent(sandbox, res, p, v) {
  const { platform, redirectUri, scope } = v.ok;
  const scopes = scope.split(/[\s,]+/).filter(Boolean);
  const shops = sandbox._store.shops.map((s, i) => `<label><input type="radio" name="shop" value="${i}"${i === 0 ? ' checked' : ''}> ${esc(s.name)} <code>${esc(s.myshopifyDomain)}</code></label>`).join('\n');
  const hidden = ['client_id', 'redirect_uri', 'state', 'scope', 'response_type']
    .filter((k) => p[k] !== undefined)
    .map((k) => `<input type="hidden" name="${k}" value="${esc(p[k])}">`).join('\n');
  return html(res, 200, 'Authorize app', `<h1>${esc(platform.name)} wants access to your Trustoo shop</h1>
<form method="post" action="${CONSENT_PATH}">
${hidden}
<p>Shop:</p>
${shops}
<p>It will be able to:</p>
<ul>${scopes.map((s) => `<li><code>${esc(s)}</code> — ${esc(SCOPE_TEXT[s] || s)}</li>`).join('')}</ul>
<p>After your choice you return to <code>${esc(redirectUri)}</code>.</p>
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`);
}

/**
 * GET renders the page, POST (form-encoded, it is a browser form) records the decision.
 * @returns {number} HTTP status
 */
function handleConsent(sandbox, req, res, { query, rawBody }) {
  const source = req.method === 'POST' ? new URLSearchParams(rawBody.toString('utf8')) : new URLSearchParams(query.pairs);
  const p = {};
  for (const k of ['client_id', 'redirect_uri', 'state', 'scope', 'response_type', 'shop', 'decision']) {
    if (source.has(k)) p[k] = source.get(k);
  }
  if (req.method !== 'GET' && req.method !== 'POST') return html(res, 405, 'Method not allowed', '<p class="err">Use GET or POST.</p>');
  const v = validate(sandbox, p);
  if (v.page) return html(res, 400, 'Authorization error', `<h1>Cannot authorize</h1><p class="err">${esc(v.page)}</p>`);
  if (v.redirect) return redirect(res, v.redirect);
  if (req.method === 'GET') return renderConsent(sandbox, res, p, v);

  if (p.decision !== 'approve') return redirect(res, withParams(v.ok.redirectUri, { error: 'access_denied', state: p.state }));
  const shopIndex = Number(p.shop || 0);
  const shop = sandbox._store.shops[shopIndex];
  if (!Number.isInteger(shopIndex) || !shop) return html(res, 400, 'Authorization error', '<p class="err">Unknown shop.</p>');
  const code = sandbox._createAuthorizationCode({ platform: v.ok.platform, shop, redirectUri: v.ok.redirectUri, scope: v.ok.scope });
  return redirect(res, withParams(v.ok.redirectUri, { code, state: p.state }));
}

module.exports = { handleConsent, CONSENT_PATH, validateConsent: validate };
