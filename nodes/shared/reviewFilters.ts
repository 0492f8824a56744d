import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { REVIEW_TYPE_OPTIONS } from './constants';
import { isPresent, isStoreReview } from './normalize';

export interface ReviewFilters {
	minRating?: number;
	maxRating?: number;
	negativeOnly?: boolean;
	reviewType?: 'product' | 'store';
	withMediaOnly?: boolean;
	verifiedOnly?: boolean;
}

/** Highest rating the "negative reviews" preset lets through. */
export const NEGATIVE_MAX_RATING = 2;

/**
 * The filters both triggers apply before a workflow starts, so that an unwanted review never costs
 * an execution. They read the review's own fields; a field the review lacks counts as not matching.
 */
export const reviewFiltersProperty: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description:
		'Only reviews matching every filter start the workflow; the others are skipped. Filters apply to review events only.',
	options: [
		{
			displayName: 'Maximum Rating',
			name: 'maxRating',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 5 },
			default: 5,
			description: 'Only reviews with at most this many stars',
		},
		{
			displayName: 'Minimum Rating',
			name: 'minRating',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 5 },
			default: 1,
			description: 'Only reviews with at least this many stars',
		},
		{
			displayName: 'Negative Reviews Only (1-2 Stars)',
			name: 'negativeOnly',
			type: 'boolean',
			default: true,
			description: 'Whether to keep only 1- and 2-star reviews, e.g. to alert support',
		},
		{
			displayName: 'Review Type',
			name: 'reviewType',
			type: 'options',
			default: 'product',
			options: REVIEW_TYPE_OPTIONS,
		},
		{
			displayName: 'Verified Buyers Only',
			name: 'verifiedOnly',
			type: 'boolean',
			default: true,
			description: 'Whether to keep only reviews Trustoo marks as from a verified buyer',
		},
		{
			displayName: 'With Media Only',
			name: 'withMediaOnly',
			type: 'boolean',
			default: true,
			description: 'Whether to keep only reviews with at least one photo or video',
		},
	],
};

/** A predicate for the filters the user set (an empty collection lets everything through). */
export function reviewMatcher(filters: ReviewFilters): (review: IDataObject) => boolean {
	const min = filters.minRating ?? 1;
	const max = Math.min(filters.maxRating ?? 5, filters.negativeOnly ? NEGATIVE_MAX_RATING : 5);
	const ratingMatters = min > 1 || max < 5;
	return (review) => {
		if (ratingMatters) {
			const rating = isPresent(review.rating) ? Number(review.rating) : NaN;
			if (Number.isNaN(rating) || rating < min || rating > max) return false;
		}
		if (filters.reviewType !== undefined) {
			if (!isPresent(review.product_id) && !isPresent(review.is_store_review)) return false;
			if ((filters.reviewType === 'store') !== isStoreReview(review)) return false;
		}
		if (filters.withMediaOnly && !(Array.isArray(review.media) && review.media.length > 0)) return false;
		if (filters.verifiedOnly && Number(review.is_verified) !== 1) return false;
		return true;
	};
}
