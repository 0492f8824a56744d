import type { IDataObject } from 'n8n-workflow';

const ID_FIELDS = ['id', 'product_id', 'order_id', 'customer_id', 'shop_id', 'shopify_shop_id'];
const NUMBER_FIELDS = ['rating', 'is_verified', 'is_featured', 'is_published', 'is_top', 'is_store_review'];

/**
 * One shape for a review wherever it comes from: ids as strings (webhook deliveries send numbers,
 * the API strings) and ratings/flags as numbers (some payloads carry them as strings).
 */
export function normalizeReview(review: IDataObject): IDataObject {
	const out: IDataObject = { ...review };
	for (const field of ID_FIELDS) {
		if (out[field] !== undefined && out[field] !== null) out[field] = String(out[field]);
	}
	for (const field of NUMBER_FIELDS) {
		if (out[field] !== undefined && out[field] !== null && out[field] !== '') {
			const value = Number(out[field]);
			if (!Number.isNaN(value)) out[field] = value;
		}
	}
	return out;
}

/** The fields a workflow usually needs from a review, flat. */
export function simplifyReview(review: IDataObject): IDataObject {
	const media = Array.isArray(review.media) ? (review.media as IDataObject[]) : [];
	const reply = (review.reply ?? null) as IDataObject | null;
	const productId = review.product_id === undefined ? null : String(review.product_id);
	return {
		id: review.id,
		rating: review.rating,
		title: review.title ?? '',
		content: review.content ?? '',
		author: review.author ?? '',
		author_email: review.author_email ?? '',
		author_country: review.author_country ?? '',
		product_id: productId,
		is_store_review: productId === null || productId === '0' || productId === '',
		is_verified: review.is_verified,
		source: review.source ?? null,
		commented_at: review.commented_at ?? null,
		media_urls: media.map((entry) => entry.url).filter((url) => typeof url === 'string'),
		reply: reply ? (reply.content ?? null) : null,
	};
}
