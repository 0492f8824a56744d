import type {
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL, MAX_PAGE_SIZE, CREDENTIAL_TYPES } from './constants';
import { readPage } from './envelope';
import type { PageInfo, TrustooEnvelope } from './envelope';
import { failureFromError, failureFromResponse, trustooApiError } from './errors';
import { retryOnRejectedToken } from './rejectedToken';
import { withRetry } from './retry';

export type TrustooContext =
	| IExecuteFunctions
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions
	| IPollFunctions;

export interface RequestInput {
	qs?: IDataObject;
	body?: IDataObject;
}

/** The credential the node's Authentication parameter selects (signed tokens unless OAuth2 is chosen). */
export function credentialType(context: TrustooContext): string {
	const authentication = context.getNodeParameter('authentication', 'apiToken') as string;
	return authentication === 'oAuth2' ? CREDENTIAL_TYPES.platform : CREDENTIAL_TYPES.shop;
}

/**
 * One Trustoo call from code that is not declarative routing (resource lists, triggers, uploads):
 * the same signing, retries and error mapping as the node's operations. Returns the envelope.
 */
export async function trustooRequest(
	this: TrustooContext,
	method: IHttpRequestMethods,
	path: string,
	input: RequestInput = {},
): Promise<TrustooEnvelope> {
	const type = credentialType(this);
	const credentials = await this.getCredentials(type);
	const options: IHttpRequestOptions = {
		method,
		baseURL: String(credentials.baseUrl || DEFAULT_BASE_URL),
		url: path,
		qs: input.qs ?? {},
		body: input.body,
		json: true,
		returnFullResponse: true,
	};
	const send = async (attempt: IHttpRequestOptions): Promise<IN8nHttpFullResponse> => {
		let answer: IN8nHttpFullResponse;
		try {
			answer = (await this.helpers.httpRequestWithAuthentication.call(this, type, { ...attempt })) as IN8nHttpFullResponse;
		} catch (error) {
			throw trustooApiError(this.getNode(), failureFromError(error));
		}
		const failure = failureFromResponse(answer.statusCode, answer.body, answer.headers as IDataObject);
		if (failure) throw trustooApiError(this.getNode(), failure);
		return answer;
	};
	const response = await withRetry(method, async () => await retryOnRejectedToken(this, options, send));
	return (response.body ?? {}) as TrustooEnvelope;
}

/** The `data` of a Trustoo answer. */
export async function trustooData<T = IDataObject>(
	this: TrustooContext,
	method: IHttpRequestMethods,
	path: string,
	input: RequestInput = {},
): Promise<T> {
	const envelope = await trustooRequest.call(this, method, path, input);
	return envelope.data as T;
}

/**
 * Walks a paginated list page by page (each page retried on its own) until `visit` returns false
 * or `total_page` is reached.
 */
export async function forEachPage(
	this: TrustooContext,
	path: string,
	qs: IDataObject,
	visit: (list: IDataObject[], page: PageInfo) => boolean | Promise<boolean>,
	pageSize = MAX_PAGE_SIZE,
): Promise<void> {
	for (let page = 1; ; page++) {
		const envelope = await trustooRequest.call(this, 'GET', path, { qs: { ...qs, page, page_size: pageSize } });
		const result = readPage(envelope.data) ?? { list: [], page: { page, page_size: pageSize, total_page: page, count: 0 } };
		const goOn = await visit(result.list, result.page);
		if (!goOn || page >= result.page.total_page || result.list.length === 0) return;
	}
}
