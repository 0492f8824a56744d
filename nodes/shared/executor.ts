import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from './constants';
import { failureFromError, failureOf, trustooApiError } from './errors';
import { retryOnRejectedToken } from './rejectedToken';
import { takePageInfo } from './responses';
import { withRetry } from './retry';

/** How often an empty page in the middle of a listing is asked for again before the run fails. */
const EMPTY_PAGE_RETRIES = 2;

/**
 * Every declarative request of the Trustoo node runs through here (it is registered as the node's
 * pagination function and every operation opts in). That gives one place for what the declarative
 * engine cannot express: retries of transient failures per request — per page, never restarting a
 * listing —, Trustoo's error details on HTTP errors, and walking `total_page` for Return All/Limit.
 */
export async function executeTrustooRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const method = String(requestData.options.method ?? 'GET');
	const fetchPage = async (page?: number) => {
		const options = page === undefined ? requestData.options : { ...requestData.options, qs: { ...requestData.options.qs, page } };
		try {
			return await withRetry(method, async () =>
				await retryOnRejectedToken(this, options, async (attempt) => await this.makeRoutingRequest({ ...requestData, options: attempt })),
			);
		} catch (error) {
			throw asTrustooError(this, error);
		}
	};

	const firstItems = await fetchPage();
	const first = takePageInfo(this);
	if (!first) return firstItems;

	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : Number(this.getNodeParameter('limit', MAX_PAGE_SIZE));
	const collected = new Collector();
	collected.add(firstItems);

	let totalPage = first.total_page;
	for (let page = first.page + 1; page <= totalPage && collected.size < limit; page++) {
		let items: INodeExecutionData[] = [];
		for (let attempt = 0; attempt <= EMPTY_PAGE_RETRIES; attempt++) {
			items = await fetchPage(page);
			const info = takePageInfo(this);
			totalPage = info?.total_page ?? totalPage;
			// An empty page past the (possibly shrunk) end is the end; inside it, it is an inconsistency.
			if (items.length > 0 || page > totalPage) break;
			if (attempt === EMPTY_PAGE_RETRIES) {
				throw new NodeApiError(this.getNode(), { page, total_page: totalPage }, {
					message: `Trustoo returned an empty page ${page} of ${totalPage} while listing`,
					description:
						'The listing stopped instead of returning partial results. Run the node again; if it keeps happening, report it to Trustoo.',
					itemIndex: this.getItemIndex(),
				});
			}
		}
		collected.add(items);
	}
	return collected.items;
}

/**
 * Keeps items in order and drops an id already seen: new reviews arriving while a listing runs
 * shift later pages, which would otherwise repeat an item.
 */
class Collector {
	readonly items: INodeExecutionData[] = [];

	private readonly seen = new Set<string>();

	get size(): number {
		return this.items.length;
	}

	add(items: INodeExecutionData[]): void {
		for (const item of items) {
			const id = item.json?.id;
			if (id !== undefined && id !== null) {
				const key = String(id);
				if (this.seen.has(key)) continue;
				this.seen.add(key);
			}
			this.items.push(item);
		}
	}
}

function asTrustooError(context: IExecutePaginationFunctions, error: unknown): Error {
	// Already explained (a Trustoo failure, or an input check that ran inside the request): keep it.
	if (failureOf(error) || error instanceof NodeOperationError) return error as Error;
	return trustooApiError(context.getNode(), failureFromError(error), context.getItemIndex());
}
