import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { outputObjects, readPage } from './envelope';
import type { PageInfo, TrustooEnvelope } from './envelope';
import { failureFromResponse, trustooApiError } from './errors';

/**
 * The page metadata of the last list answer, per item context. The declarative engine runs
 * post-receive actions inside the request it makes for the executor, and passes the executor a
 * context derived from the same item context, so this is how the executor learns `total_page`
 * without re-parsing the response (see executor.ts).
 */
const lastPage = new WeakMap<object, PageInfo>();

export function takePageInfo(context: object): PageInfo | undefined {
	for (let target: object | null = context; target; target = Object.getPrototypeOf(target)) {
		const page = lastPage.get(target);
		if (page) {
			lastPage.delete(target);
			return page;
		}
	}
	return undefined;
}

/**
 * First post-receive action of every operation: fails on any Trustoo error (HTTP status or
 * envelope code ≠ 0) and otherwise outputs the objects themselves, one item each.
 */
export async function unwrapEnvelope(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const failure = failureFromResponse(response.statusCode, response.body, response.headers as IDataObject);
	if (failure) throw trustooApiError(this.getNode(), failure, this.getItemIndex());
	const envelope = (response.body ?? {}) as TrustooEnvelope;
	const page = readPage(envelope.data);
	if (page) lastPage.set(this, page.page);
	return outputObjects(envelope).map((json) => ({ json }));
}
