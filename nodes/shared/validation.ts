import type { IBinaryData, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { toTrustooDateTime } from './dateTime';
import type { RangeEdge } from './dateTime';

/**
 * Checks of user input that run before any request, so a wrong value is refused with the field's
 * name and what is allowed instead of as a Trustoo code 3.
 */
export type Check = (value: unknown) => string | undefined;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Relative to the base URL: an absolute URL would send the credential to another host. */
const API_PATH = /^\/(?!\/)[A-Za-z0-9._~\-/]*$/;
const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i;

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

export const checks = {
	email: ((value) => (EMAIL.test(String(value).trim()) ? undefined : 'must be an email address such as ana@example.com')) as Check,
	rating: ((value) => {
		const n = Number(value);
		return Number.isInteger(n) && n >= 1 && n <= 5 ? undefined : 'must be a whole number from 1 to 5';
	}) as Check,
	dateTime: ((value) =>
		toTrustooDateTime(value) !== undefined
			? undefined
			: 'must be a real date such as 2026-05-01 or 2026-05-01 13:45:00') as Check,
	notEmpty: ((value) => (String(value ?? '').trim() ? undefined : 'must not be empty')) as Check,
	maxLength: (max: number): Check => (value) =>
		String(value ?? '').length <= max ? undefined : `must be at most ${max} characters`,
	url: ((value) =>
		isHttpUrl(String(value).trim()) ? undefined : 'must be a full http(s) URL such as https://example.com/hooks/trustoo') as Check,
	/** Shopify and Trustoo ids are decimal numbers, sent as text. */
	numericId: ((value) => (/^\d+$/.test(String(value).trim()) ? undefined : 'must be a numeric ID (digits only)')) as Check,
	numericIdList: ((value) =>
		String(value)
			.split(',')
			.map((id) => id.trim())
			.filter((id) => id)
			.every((id) => /^\d+$/.test(id))
			? undefined
			: 'must be numeric IDs separated by commas, such as 9200305176832, 9200305176833') as Check,
	apiPath: ((value) =>
		API_PATH.test(String(value).trim()) ? undefined : 'must be a path on the Trustoo API such as /api/v1/openapi/get_video_upload_url') as Check,
	oneOf: (allowed: readonly string[]): Check => (value) =>
		allowed.includes(String(value).trim()) ? undefined : `must be one of ${allowed.join(', ')}`,
	myshopifyDomain: ((value) =>
		MYSHOPIFY_DOMAIN.test(String(value).trim()) ? undefined : 'must be a shop domain such as example.myshopify.com') as Check,
};

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

function refuse(context: IExecuteSingleFunctions, message: string, description: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex(), description });
}

function runChecks(context: IExecuteSingleFunctions, label: string, value: unknown, rules: Check[]): void {
	for (const rule of rules) {
		const problem = rule(value);
		if (problem) throw refuse(context, `${label} ${problem}`, `Got: ${JSON.stringify(value)}`);
	}
}

/** Fails the item with the field's display name when the parameter, if set, does not pass. */
export function validateParameter(parameter: string, label: string, ...rules: Check[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const value = this.getNodeParameter(parameter, '') as unknown;
		if (value === undefined || value === null || value === '') return requestOptions;
		runChecks(this, label, value, rules);
		return requestOptions;
	};
}

/**
 * Like validateParameter, for a field that must have a value: a required field can still arrive
 * empty through an expression or from an AI agent.
 */
export function validateRequired(parameter: string, label: string, ...rules: Check[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const value = this.getNodeParameter(parameter, undefined, { extractValue: true }) as unknown;
		if (isEmpty(value)) throw refuse(this, `${label} is required`, 'The field is empty.');
		runChecks(this, label, value, rules);
		return requestOptions;
	};
}

function presentParameters(context: IExecuteSingleFunctions, parameters: Array<[name: string, label: string]>) {
	return parameters.filter(([name]) => !isEmpty(context.getNodeParameter(name, '')));
}

/** Fails the item unless exactly one of the parameters has a value. */
export function requireExactlyOne(parameters: Array<[name: string, label: string]>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const present = presentParameters(this, parameters);
		if (present.length !== 1) {
			const labels = parameters.map(([, label]) => label).join(' or ');
			throw refuse(this, `Give exactly one of ${labels}`, present.length === 0 ? 'Neither is set.' : 'Both are set; Trustoo accepts only one.');
		}
		return requestOptions;
	};
}

/** Fails the item when more than one of the parameters has a value (they fill the same API field). */
export function requireAtMostOne(parameters: Array<[name: string, label: string]>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const present = presentParameters(this, parameters);
		if (present.length > 1) {
			throw refuse(this, `Give only one of ${present.map(([, label]) => label).join(' or ')}`, 'Both fill the same Trustoo field.');
		}
		return requestOptions;
	};
}

/**
 * The Trustoo form (`YYYY-MM-DD HH:MM:SS`) of a date the user gave, undefined when none was given;
 * refuses the item, naming the field, when it is not a real date.
 */
export function readDateTime(context: IExecuteSingleFunctions, value: unknown, label: string, edge: RangeEdge = 'start'): string | undefined {
	if (isEmpty(value)) return undefined;
	const formatted = toTrustooDateTime(value, edge);
	if (formatted === undefined) throw refuse(context, `${label} ${checks.dateTime(value)}`, `Got: ${JSON.stringify(value)}`);
	return formatted;
}

export interface DateBound {
	parameter: string;
	label: string;
	/** The query parameter Trustoo reads. */
	property: string;
}

/**
 * Sends a date range as two query parameters in Trustoo's format, refusing a malformed date or a
 * start after the end. A bare date as the end covers that whole day.
 */
export function sendDateRange(start: DateBound, end: DateBound): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const from = readDateTime(this, this.getNodeParameter(start.parameter, ''), start.label, 'start');
		const to = readDateTime(this, this.getNodeParameter(end.parameter, ''), end.label, 'end');
		if (from !== undefined && to !== undefined && from > to) {
			throw refuse(this, `${start.label} must not be after ${end.label}`, `Got ${from} and ${to}.`);
		}
		const qs = { ...(requestOptions.qs ?? {}) };
		if (from !== undefined) qs[start.property] = from;
		if (to !== undefined) qs[end.property] = to;
		requestOptions.qs = qs;
		return requestOptions;
	};
}

export type FileKind = 'image' | 'video';

/**
 * Formats a review can show. SVG is left out on purpose: it can carry scripts and would be
 * served from Trustoo's storefront host.
 */
const MIME_TYPES: Record<FileKind, Record<string, string>> = {
	image: {
		'image/jpeg': 'jpg',
		'image/png': 'png',
		'image/gif': 'gif',
		'image/webp': 'webp',
		'image/heic': 'heic',
		'image/heif': 'heif',
		'image/avif': 'avif',
		'image/bmp': 'bmp',
	},
	video: {
		'video/mp4': 'mp4',
		'video/quicktime': 'mov',
		'video/webm': 'webm',
		'video/x-m4v': 'm4v',
		'video/mpeg': 'mpeg',
		'video/3gpp': '3gp',
		'video/x-msvideo': 'avi',
		'video/x-matroska': 'mkv',
	},
};

const GENERIC_MIME = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/**
 * The MIME type and file extension of a binary file of the given kind, or undefined when it is not
 * one. A generic MIME type (what n8n records for a file it could not identify) is resolved from the
 * file extension.
 */
export function mediaFileType(binary: IBinaryData, kind: FileKind): { mimeType: string; extension: string } | undefined {
	const known = MIME_TYPES[kind];
	const declared = String(binary.mimeType ?? '').toLowerCase().split(';')[0].trim();
	if (known[declared]) return { mimeType: declared, extension: known[declared] };
	if (!GENERIC_MIME.has(declared)) return undefined;
	const extension = /\.([a-z0-9]+)$/i.exec(String(binary.fileName ?? ''))?.[1]?.toLowerCase();
	const match = Object.entries(known).find(([, ext]) => ext === extension || (extension === 'jpeg' && ext === 'jpg'));
	return match ? { mimeType: match[0], extension: match[1] } : undefined;
}

export interface MediaFileInput {
	binary: IBinaryData;
	data: Buffer;
	mimeType: string;
	extension: string;
}

/**
 * The input item's file of the given kind in the binary property named by the parameter; refuses
 * the item, naming the field, when there is none, when it is empty or of another type.
 */
export async function requireMediaFile(
	context: IExecuteSingleFunctions,
	parameter: string,
	label: string,
	kind: FileKind,
): Promise<MediaFileInput> {
	const property = String(context.getNodeParameter(parameter, '') ?? '').trim();
	if (!property) throw refuse(context, `${label} is required`, 'Name the binary property that holds the file, usually "data".');
	const available = Object.keys(context.getInputData().binary ?? {});
	if (!available.includes(property)) {
		throw refuse(
			context,
			`${label}: the input item has no binary property "${property}"`,
			available.length ? `Binary properties on this item: ${available.join(', ')}.` : 'This item carries no binary data at all.',
		);
	}
	const binary = context.helpers.assertBinaryData(property);
	const type = mediaFileType(binary, kind);
	if (!type) {
		throw refuse(
			context,
			`${label}: "${binary.fileName ?? property}" is ${binary.mimeType || 'of an unknown type'}, not a supported ${kind}`,
			`Supported types: ${Object.keys(MIME_TYPES[kind]).join(', ')}.`,
		);
	}
	const data = await context.helpers.getBinaryDataBuffer(property);
	if (data.length === 0) throw refuse(context, `${label}: "${binary.fileName ?? property}" is empty`, 'A file of 0 bytes cannot be uploaded.');
	return { binary, data, ...type };
}

/** requireMediaFile as a preSend: nothing is requested for a file that could not be uploaded. */
export function validateBinaryProperty(parameter: string, label: string, kind: FileKind): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		await requireMediaFile(this, parameter, label, kind);
		return requestOptions;
	};
}
