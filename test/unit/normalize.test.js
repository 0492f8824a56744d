'use strict';
const normalize = require('../../dist/nodes/shared/normalize');

describe('normalizers per object kind', () => {
	test('rating: rating_value and counts become numbers', () => {
		expect(normalize.normalizeRating({ rating_value: '4.8', review_count: '12', star5_count: 10, star1_count: '0' })).toEqual({
			rating_value: 4.8,
			review_count: 12,
			star5_count: 10,
			star1_count: 0,
		});
	});

	test('order: ids (also of products) are strings, type a number, unknown fields untouched', () => {
		expect(
			normalize.normalizeOrder({ order_id: 5601234560001, type: '3', products: [{ product_id: 9200305176832, product_title: 'Boots' }], note: 7 }),
		).toEqual({ order_id: '5601234560001', type: 3, products: [{ product_id: '9200305176832', product_title: 'Boots' }], note: 7 });
	});

	test('customer event, exclusion and webhook ids are strings; null stays null', () => {
		expect(normalize.normalizeCustomerEvent({ id: 3300816, customer_id: null, review_id: '', product_id: 0 })).toEqual({
			id: '3300816',
			customer_id: null,
			review_id: '',
			product_id: '0',
		});
		expect(normalize.normalizeExclusion({ customer_id: 7390012345001, email: 'a@b.co' })).toEqual({ customer_id: '7390012345001', email: 'a@b.co' });
		expect(normalize.normalizeWebhook({ id: 19, topic: 'review/created' })).toEqual({ id: '19', topic: 'review/created' });
	});

	test('token, shop status and upload credentials', () => {
		expect(normalize.normalizeToken({ access_token: 'a', expires_in: '3600' })).toEqual({ access_token: 'a', expires_in: 3600 });
		expect(normalize.normalizeShopStatus({ is_authorized: 'true', shop_id: 60123456789, is_installed: '1' })).toEqual({
			is_authorized: true,
			shop_id: '60123456789',
			is_installed: 1,
		});
		expect(normalize.normalizeShopStatus({ is_authorized: 0 })).toEqual({ is_authorized: false });
		expect(normalize.normalizeImageUploadCredentials({ expire: '1796328853', host: 'https://img.trustoo.io' })).toEqual({
			expire: 1796328853,
			host: 'https://img.trustoo.io',
		});
	});

	test('a value that is not a number is left as it came', () => {
		expect(normalize.normalizeRating({ rating_value: 'n/a' })).toEqual({ rating_value: 'n/a' });
	});

	test('store reviews are those without a product', () => {
		expect(normalize.isStoreReview({ product_id: '0' })).toBe(true);
		expect(normalize.isStoreReview({ product_id: '' })).toBe(true);
		expect(normalize.isStoreReview({ product_id: '9200305176832' })).toBe(false);
		expect(normalize.isStoreReview({ product_id: '9200305176832', is_store_review: 1 })).toBe(true);
	});
});
