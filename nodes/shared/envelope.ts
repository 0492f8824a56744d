import type { IDataObject } from 'n8n-workflow';

/** `{code, message, time, request_id, data}` — every Trustoo answer (docs §3). */
export interface TrustooEnvelope {
	code?: number;
	message?: string;
	time?: number;
	request_id?: string;
	data?: unknown;
}

export interface PageInfo {
	page: number;
	page_size: number;
	total_page: number;
	count: number;
}

/** 0 in every current doc version; 2000 ("OK") only in V1 example bodies, accepted defensively. */
const SUCCESS_CODES = new Set([0, 2000]);

export function isEnvelope(body: unknown): body is TrustooEnvelope {
	return typeof body === 'object' && body !== null && !Array.isArray(body) && 'code' in body;
}

export function isSuccessCode(code: unknown): boolean {
	return SUCCESS_CODES.has(Number(code));
}

/** A paginated `data` is `{ page: {page, page_size, total_page, count}, list: [...] }` (docs §5). */
export function readPage(data: unknown): { list: IDataObject[]; page: PageInfo } | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const { list, page } = data as { list?: unknown; page?: unknown };
	if (!Array.isArray(list) || typeof page !== 'object' || page === null) return undefined;
	const meta = page as Record<string, unknown>;
	return {
		list: list as IDataObject[],
		page: {
			page: Number(meta.page ?? 1),
			page_size: Number(meta.page_size ?? list.length),
			total_page: Number(meta.total_page ?? 1),
			count: Number(meta.count ?? list.length),
		},
	};
}

/**
 * The objects an operation outputs: the list of a page, the elements of an array, the data object,
 * or — for answers without data (unsubscribe, revoke) — a confirmation carrying the request id.
 */
export function outputObjects(envelope: TrustooEnvelope): IDataObject[] {
	const { data } = envelope;
	const page = readPage(data);
	if (page) return page.list;
	if (Array.isArray(data)) return data as IDataObject[];
	if (typeof data === 'object' && data !== null) return [data as IDataObject];
	if (data !== undefined && data !== null) return [{ value: data as string }];
	return [{ success: true, message: envelope.message ?? 'success', request_id: envelope.request_id ?? null }];
}
