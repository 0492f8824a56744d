'use strict';

const reviews = require('./reviews');
const { getRating } = require('./rating');
const { getOrders } = require('./orders');
const { getCustomerEvents } = require('./customer-events');
const customers = require('./customers');
const webhooks = require('./webhooks');
const oauth = require('./oauth');
const platform = require('./platform');
const merchant = require('./merchant');
const media = require('./media');

/**
 * Every Open API route (paths exactly as in trustoo-api.json; UNKNOWN paths use the inferred name).
 * auth: 'shop' = HMAC or Bearer (selection rule), 'bearer' = Bearer only, 'none' = the handler
 * checks client credentials / merchant JWT itself.
 * paginated: answers carry data.page + data.list (used by the emptyPage fault).
 * @type {Record<string, {method:string, auth:'shop'|'bearer'|'none', handler:Function, paginated?:boolean, inferredPath?:boolean}>}
 */
const P = '/api/v1/openapi';
const ROUTES = {
  // OAuth2
  [`${P}/get_oauth_authorize_url`]: { method: 'GET', auth: 'none', handler: oauth.getAuthorizeUrl },
  [`${P}/oauth/authorize`]: { method: 'GET', auth: 'none', handler: merchant.merchantAuthorize },
  [`${P}/oauth/token`]: { method: 'POST', auth: 'none', handler: oauth.token },
  [`${P}/oauth_revoke_token`]: { method: 'POST', auth: 'none', handler: oauth.revokeToken },
  // Platform management
  [`${P}/oauth/disconnect`]: { method: 'POST', auth: 'bearer', handler: platform.disconnect },
  [`${P}/get_shop_authorization_info`]: { method: 'GET', auth: 'none', handler: platform.getShopAuthorizationInfo },
  [`${P}/get_shop_install_status`]: { method: 'GET', auth: 'none', handler: platform.getShopInstallStatus },
  [`${P}/oauth/cancel_authorization`]: { method: 'POST', auth: 'none', handler: platform.cancelAuthorization, inferredPath: true },
  // Webhooks
  [`${P}/create_shop_webhook`]: { method: 'POST', auth: 'shop', handler: webhooks.createWebhook },
  [`${P}/update_shop_webhook`]: { method: 'POST', auth: 'shop', handler: webhooks.updateWebhook },
  [`${P}/delete_shop_webhook`]: { method: 'POST', auth: 'shop', handler: webhooks.deleteWebhook },
  [`${P}/get_shop_webhooks`]: { method: 'GET', auth: 'shop', handler: webhooks.getWebhooks },
  // Reviews
  [`${P}/get_review`]: { method: 'GET', auth: 'shop', handler: reviews.getReview },
  [`${P}/get_reviews`]: { method: 'GET', auth: 'shop', handler: reviews.getReviews, paginated: true },
  [`${P}/create_review`]: { method: 'POST', auth: 'shop', handler: reviews.createReview },
  [`${P}/delete_review`]: { method: 'POST', auth: 'shop', handler: reviews.deleteReview },
  [`${P}/get_rating`]: { method: 'GET', auth: 'shop', handler: getRating },
  // Media
  [`${P}/get_image_upload_policy_token`]: { method: 'GET', auth: 'shop', handler: media.getImageUploadPolicyToken },
  [`${P}/get_video_upload_url`]: { method: 'GET', auth: 'shop', handler: media.getVideoUploadUrl, inferredPath: true },
  // Orders, customer events
  [`${P}/get_orders`]: { method: 'GET', auth: 'shop', handler: getOrders, paginated: true },
  [`${P}/get_customer_events`]: { method: 'GET', auth: 'shop', handler: getCustomerEvents, paginated: true },
  // Customers
  [`${P}/email_unsubscribe`]: { method: 'POST', auth: 'shop', handler: customers.emailUnsubscribe },
  [`${P}/create_customer_exclude`]: { method: 'POST', auth: 'shop', handler: customers.createCustomerExclude },
  [`${P}/delete_customer_exclude`]: { method: 'POST', auth: 'shop', handler: customers.deleteCustomerExclude },
  [`${P}/get_customer_excludes`]: { method: 'GET', auth: 'shop', handler: customers.getCustomerExcludes, paginated: true, inferredPath: true },
  // Merchant session only
  [`${P}/get_open_api_information`]: { method: 'GET', auth: 'none', handler: merchant.openApiInformation },
  [`${P}/get_open_api_private_token`]: { method: 'GET', auth: 'none', handler: merchant.openApiPrivateToken },
};

module.exports = { ROUTES, API_PREFIX: P };
