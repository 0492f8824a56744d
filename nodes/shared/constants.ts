/** Production host of the current Open API (docs V2 and later; the legacy api.trustoo.io is out of scope). */
export const DEFAULT_BASE_URL = 'https://rapi.trustoo.io';

/** Largest page the node asks for. The docs give no maximum; one public client claims 100 (inferred). */
export const MAX_PAGE_SIZE = 100;

/** The signed timestamp is accepted for 15 minutes (docs V3b/V6). */
export const SIGNATURE_WINDOW_SECONDS = 15 * 60;

const API = '/api/v1/openapi';

/**
 * Every Open API path in one place, so that the node, the triggers and the credential test agree.
 * Paths marked inferred are not shown in any retrievable doc version (see README, "What is inferred").
 */
export const PATHS = {
	oauthAuthorizeUrl: `${API}/get_oauth_authorize_url`,
	oauthToken: `${API}/oauth/token`,
	oauthRevokeToken: `${API}/oauth_revoke_token`,
	oauthDisconnect: `${API}/oauth/disconnect`,
	/** inferred: V6 lists "Cancel Platform Authorization" without a retrievable path. */
	oauthCancelAuthorization: `${API}/oauth/cancel_authorization`,
	shopAuthorizationInfo: `${API}/get_shop_authorization_info`,
	shopInstallStatus: `${API}/get_shop_install_status`,
	webhookCreate: `${API}/create_shop_webhook`,
	/** inferred from the V1 path and the open_api -> openapi rename. */
	webhookUpdate: `${API}/update_shop_webhook`,
	/** inferred from public client code. */
	webhookDelete: `${API}/delete_shop_webhook`,
	webhookList: `${API}/get_shop_webhooks`,
	reviewGet: `${API}/get_review`,
	reviewList: `${API}/get_reviews`,
	reviewCreate: `${API}/create_review`,
	reviewDelete: `${API}/delete_review`,
	rating: `${API}/get_rating`,
	/** inferred: "Get the video upload url" has no retrievable path. */
	videoUploadUrl: `${API}/get_video_upload_url`,
	imageUploadPolicy: `${API}/get_image_upload_policy_token`,
	orderList: `${API}/get_orders`,
	customerEventList: `${API}/get_customer_events`,
	emailUnsubscribe: `${API}/email_unsubscribe`,
	exclusionCreate: `${API}/create_customer_exclude`,
	exclusionDelete: `${API}/delete_customer_exclude`,
	/** inferred: "Get customer exclusion list" has no retrievable path. */
	exclusionList: `${API}/get_customer_excludes`,
} as const;

export const WEBHOOK_TOPICS = [
	'review/created',
	'review/updated',
	'review/deleted',
	'customer_event/created',
] as const;

export type WebhookTopic = (typeof WEBHOOK_TOPICS)[number];

/**
 * OAuth2 scopes. The first five are named in the docs (V6); the read scopes of orders and
 * customers are inferred names (the docs name no scope for those endpoints).
 */
export const OAUTH_SCOPES = [
	{ value: 'read_reviews', name: 'Read Reviews', description: 'Reviews, review detail and ratings' },
	{ value: 'write_reviews', name: 'Write Reviews', description: 'Create and delete reviews, upload media, review webhooks' },
	{ value: 'read_customer_events', name: 'Read Customer Events', description: 'Customer events and their webhook' },
	{ value: 'write_customers', name: 'Write Customers', description: 'Unsubscribes and customer exclusions' },
	{ value: 'read_shop_install_status', name: 'Read Shop Install Status', description: 'Shop installation status' },
	{ value: 'read_orders', name: 'Read Orders (Inferred Name)', description: 'Order list; the scope name is inferred' },
	{ value: 'read_customers', name: 'Read Customers (Inferred Name)', description: 'Customer exclusion list; the scope name is inferred' },
] as const;

/** Product vs store reviews: one choice used by the Get Many filter and by both triggers. */
export const REVIEW_TYPE_OPTIONS = [
	{ name: 'Product Reviews', value: 'product', description: 'Reviews of a product' },
	{ name: 'Store Reviews', value: 'store', description: 'Reviews of the shop itself' },
];

/** Credential type names: signed tokens for a shop's own workflows, OAuth2 for platforms. */
export const CREDENTIAL_TYPES = { shop: 'trustooApi', platform: 'trustooOAuth2Api' } as const;
