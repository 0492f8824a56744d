'use strict';
// The review filters both triggers apply before a workflow starts (nodes/shared/reviewFilters.ts).
const { reviewMatcher, reviewFiltersProperty, NEGATIVE_MAX_RATING } = require('../../dist/nodes/shared/reviewFilters');

const review = (fields = {}) => ({ id: '1', rating: 5, product_id: '9200305176832', is_verified: 1, media: [], ...fields });

describe('reviewMatcher', () => {
	test('no filters let every review through, even a sparse one', () => {
		const matches = reviewMatcher({});
		expect(matches(review())).toBe(true);
		expect(matches({ id: '1' })).toBe(true);
	});

	test('rating at least / at most, inclusive', () => {
		const matches = reviewMatcher({ minRating: 2, maxRating: 4 });
		expect([1, 2, 3, 4, 5].map((rating) => matches(review({ rating })))).toEqual([false, true, true, true, false]);
		expect(matches(review({ rating: '3' }))).toBe(true);
	});

	test('the negative preset keeps 1-2 stars and narrows a wider maximum', () => {
		expect(NEGATIVE_MAX_RATING).toBe(2);
		const matches = reviewMatcher({ negativeOnly: true, maxRating: 4 });
		expect([1, 2, 3, 4, 5].map((rating) => matches(review({ rating })))).toEqual([true, true, false, false, false]);
		const withMin = reviewMatcher({ negativeOnly: true, minRating: 2 });
		expect([1, 2, 3].map((rating) => withMin(review({ rating })))).toEqual([false, true, false]);
	});

	test('a rating filter never matches a review without a rating', () => {
		expect(reviewMatcher({ maxRating: 2 })(review({ rating: undefined }))).toBe(false);
		expect(reviewMatcher({ minRating: 1, maxRating: 5 })(review({ rating: undefined }))).toBe(true);
	});

	test('product vs store review: product_id 0 (or empty) or the explicit flag', () => {
		const store = reviewMatcher({ reviewType: 'store' });
		const product = reviewMatcher({ reviewType: 'product' });
		expect(store(review({ product_id: '0' }))).toBe(true);
		expect(store(review({ product_id: 0 }))).toBe(true);
		expect(product(review({ product_id: '0' }))).toBe(false);
		expect(product(review())).toBe(true);
		expect(store(review({ is_store_review: 1 }))).toBe(true);
		expect(product(review({ product_id: undefined, is_store_review: undefined }))).toBe(false);
		expect(store(review({ product_id: undefined, is_store_review: undefined }))).toBe(false);
	});

	test('with media only, verified buyers only', () => {
		expect(reviewMatcher({ withMediaOnly: true })(review())).toBe(false);
		expect(reviewMatcher({ withMediaOnly: true })(review({ media: [{ url: 'u', type: 1 }] }))).toBe(true);
		expect(reviewMatcher({ withMediaOnly: true })(review({ media: undefined }))).toBe(false);
		expect(reviewMatcher({ verifiedOnly: true })(review({ is_verified: 0 }))).toBe(false);
		expect(reviewMatcher({ verifiedOnly: true })(review({ is_verified: '1' }))).toBe(true);
	});

	test('all filters must hold at once', () => {
		const matches = reviewMatcher({ negativeOnly: true, verifiedOnly: true, withMediaOnly: true, reviewType: 'product' });
		const bad = review({ rating: 1, media: [{ url: 'u' }] });
		expect(matches(bad)).toBe(true);
		expect(matches({ ...bad, is_verified: 0 })).toBe(false);
		expect(matches({ ...bad, product_id: '0' })).toBe(false);
		expect(matches({ ...bad, rating: 3 })).toBe(false);
	});

	test('switched-off booleans filter nothing', () => {
		expect(reviewMatcher({ negativeOnly: false, verifiedOnly: false, withMediaOnly: false })(review({ is_verified: 0 }))).toBe(true);
	});
});

test('the filter collection offers exactly the documented options', () => {
	expect(reviewFiltersProperty.options.map((option) => option.name).sort()).toEqual(
		['maxRating', 'minRating', 'negativeOnly', 'reviewType', 'verifiedOnly', 'withMediaOnly'],
	);
});
