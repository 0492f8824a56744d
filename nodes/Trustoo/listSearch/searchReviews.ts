import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { PATHS } from '../../shared/constants';
import { readPage } from '../../shared/envelope';
import { trustooData } from '../../shared/transport';

const PAGE_SIZE = 50;

/** Recent reviews for the Review picker, newest first, searchable by Trustoo's keyword filter. */
export async function searchReviews(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const data = await trustooData.call(this, 'GET', PATHS.reviewList, {
		qs: { page, page_size: PAGE_SIZE, sort_by: 'created-descending', ...(filter ? { keyword: filter } : {}) },
	});
	const result = readPage(data);
	const list = result?.list ?? [];
	return {
		results: list.map((review: IDataObject) => ({
			name: `${'★'.repeat(Number(review.rating) || 0)} ${review.title || String(review.content ?? '').slice(0, 60) || 'Review'} — ${review.author ?? ''}`.trim(),
			value: String(review.id),
		})),
		paginationToken: result && page < result.page.total_page ? String(page + 1) : undefined,
	};
}
