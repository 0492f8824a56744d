import type { IDataObject } from 'n8n-workflow';

/**
 * Which fields of an object kind are ids (always strings: webhook deliveries send numbers, the API
 * strings, and long Shopify ids lose digits as numbers), numbers (some payloads carry them as
 * strings, rating_value always does) and booleans.
 */
interface Shape {
	ids?: string[];
	numbers?: string[];
	booleans?: string[];
}

export function isPresent(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

/** A store review has no product: product_id 0 or empty, or the explicit flag some payloads carry. */
export function isStoreReview(review: IDataObject): boolean {
	if (isPresent(review.is_store_review)) return Number(review.is_store_review) === 1;
	return !isPresent(review.product_id) || String(review.product_id) === '0';
}

function coerce(object: IDataObject, shape: Shape): IDataObject {
	const out: IDataObject = { ...object };
	for (const field of shape.ids ?? []) {
		if (out[field] !== undefined && out[field] !== null) out[field] = String(out[field]);
	}
	for (const field of shape.numbers ?? []) {
		if (isPresent(out[field])) {
			const value = Number(out[field]);
			if (!Number.isNaN(value)) out[field] = value;
		}
	}
	for (const field of shape.booleans ?? []) {
		if (isPresent(out[field])) out[field] = out[field] === true || out[field] === 1 || out[field] === '1' || out[field] === 'true';
	}
	return out;
}

const REVIEW: Shape = {
	ids: ['id', 'product_id', 'order_id', 'customer_id', 'shop_id', 'shopify_shop_id'],
	numbers: ['rating', 'is_verified', 'is_featured', 'is_published', 'is_top', 'is_store_review'],
};

/** One shape for a review wherever it comes from (API answers and webhook deliveries). */
export function normalizeReview(review: IDataObject): IDataObject {
	return coerce(review, REVIEW);
}

/** The fields a workflow usually needs from a review, flat. */
export function simplifyReview(review: IDataObject): IDataObject {
	const media = Array.isArray(review.media) ? (review.media as IDataObject[]) : [];
	const reply = (review.reply ?? null) as IDataObject | null;
	const productId = isPresent(review.product_id) ? String(review.product_id) : null;
	return {
		id: review.id,
		rating: review.rating,
		title: review.title ?? '',
		content: review.content ?? '',
		author: review.author ?? '',
		author_email: review.author_email ?? '',
		author_country: review.author_country ?? '',
		product_id: productId,
		is_store_review: isStoreReview(review),
		is_verified: review.is_verified,
		source: review.source ?? null,
		commented_at: review.commented_at ?? null,
		media_urls: media.map((entry) => entry.url).filter((url) => typeof url === 'string'),
		reply: reply ? (reply.content ?? null) : null,
	};
}

/** rating_value arrives as a string such as "4.8"; the counts as integers. */
export function normalizeRating(rating: IDataObject): IDataObject {
	return coerce(rating, {
		numbers: ['rating_value', 'review_count', 'star1_count', 'star2_count', 'star3_count', 'star4_count', 'star5_count'],
	});
}

/**
 * The Order schema is UNKNOWN (nine fields per the V1 doc, names not retrievable): the id-like and
 * numeric names below are inferred; anything else passes through untouched.
 */
export function normalizeOrder(order: IDataObject): IDataObject {
	const out = coerce(order, { ids: ['id', 'order_id', 'customer_id', 'shop_id'], numbers: ['type'] });
	if (Array.isArray(out.products)) {
		out.products = (out.products as IDataObject[]).map((product) =>
			typeof product === 'object' && product !== null ? coerce(product, { ids: ['product_id', 'variant_id'] }) : product,
		);
	}
	return out;
}

/** The CustomerEvent schema is UNKNOWN: the id-like names are inferred. */
export function normalizeCustomerEvent(event: IDataObject): IDataObject {
	return coerce(event, { ids: ['id', 'customer_id', 'product_id', 'review_id', 'order_id', 'shop_id'] });
}

export function normalizeExclusion(exclusion: IDataObject): IDataObject {
	return coerce(exclusion, { ids: ['customer_id'] });
}

export function normalizeWebhook(webhook: IDataObject): IDataObject {
	return coerce(webhook, { ids: ['id', 'platform_id', 'shop_id'] });
}

export function normalizeToken(token: IDataObject): IDataObject {
	return coerce(token, { numbers: ['expires_in'] });
}

/** is_authorized is a boolean in the V5 example; is_installed an integer 0/1 in the seed. */
export function normalizeShopStatus(status: IDataObject): IDataObject {
	return coerce(status, { ids: ['shop_id'], numbers: ['is_installed'], booleans: ['is_authorized'] });
}

/** `expire` is Unix seconds sent as a string (docs V6). */
export function normalizeImageUploadCredentials(credentials: IDataObject): IDataObject {
	return coerce(credentials, { numbers: ['expire'] });
}
