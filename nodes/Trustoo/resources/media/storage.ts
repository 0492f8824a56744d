import { randomBytes } from 'crypto';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checks } from '../../../shared/validation';
import type { FileKind } from '../../../shared/validation';
import type { MediaFile } from './binaryInput';

/**
 * A storage key that cannot collide with another upload or climb out of the upload directory:
 * a time and random prefix, then the file's own name reduced to letters, digits, - and _.
 */
export function safeUniqueFileName(fileName: string, extension: string, kind: FileKind): string {
	const base = fileName
		.replace(/\.[A-Za-z0-9]{1,5}$/, '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9_-]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return `${Date.now().toString(36)}-${randomBytes(6).toString('hex')}-${base || kind}.${extension}`;
}

/** A multipart/form-data body, fields first and the file last (storage services ignore fields after the file). */
export function multipartBody(
	fields: Array<[name: string, value: string]>,
	file: { name: string; fileName: string; contentType: string; data: Buffer },
): { body: Buffer; contentType: string } {
	const boundary = `----TrustooN8n${randomBytes(12).toString('hex')}`;
	const quote = (text: string) => text.replace(/["\r\n]/g, '_');
	const parts: Buffer[] = fields.map(([name, value]) =>
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`, 'utf8'),
	);
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.name)}"; filename="${quote(file.fileName)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
			'utf8',
		),
		file.data,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A URL Trustoo handed out for an upload, refused unless it is http(s): the file goes there. */
export function uploadTarget(this: IExecuteSingleFunctions, value: unknown, what: string, answer: IDataObject): string {
	const url = String(value ?? '').trim();
	if (checks.url(url)) {
		throw new NodeOperationError(this.getNode(), `Trustoo's answer has no usable ${what}`, {
			itemIndex: this.getItemIndex(),
			description: `The shape of this answer is partly inferred. Got: ${JSON.stringify(answer).slice(0, 300)}`,
		});
	}
	return url;
}

/** The engine's default for the node's own requests; n8n's plain HTTP helper has none. */
const UPLOAD_TIMEOUT_MS = 300_000;

/**
 * Sends the file to the storage host. That host is not Trustoo's API, so the request carries no
 * Trustoo credential; its errors (OSS-style XML) are reported with the storage's own code.
 */
export async function sendToStorage(
	this: IExecuteSingleFunctions,
	kind: FileKind,
	request: { method: IHttpRequestMethods; url: string; body: Buffer; contentType: string },
): Promise<IN8nHttpFullResponse> {
	const host = new URL(request.url).origin;
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequest({
			method: request.method,
			url: request.url,
			body: request.body,
			headers: { 'Content-Type': request.contentType },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: UPLOAD_TIMEOUT_MS,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Could not upload the ${kind} to ${host}: ${(error as Error).message}`, {
			itemIndex: this.getItemIndex(),
		});
	}
	if (response.statusCode >= 300) {
		const text = Buffer.isBuffer(response.body) ? response.body.toString('utf8') : typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
		const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1];
		const reason = [tag('Code'), tag('Message')].filter(Boolean).join(': ') || text.slice(0, 200);
		throw new NodeOperationError(this.getNode(), `The storage host refused the ${kind}: HTTP ${response.statusCode} ${reason}`, {
			itemIndex: this.getItemIndex(),
			description: [`Host: ${host}`, tag('RequestId') ? `storage request id: ${tag('RequestId')}` : ''].filter(Boolean).join(' · '),
		});
	}
	return response;
}

/** The entry Review → Create takes in its Media field (type as that field names it: image or video). */
export function mediaEntry(url: string, kind: FileKind, file: MediaFile, storedAs: string, thumbnailUrl?: string): IDataObject {
	return {
		url,
		...(thumbnailUrl ? { thumbnail_url: thumbnailUrl } : {}),
		type: kind,
		file_name: storedAs,
		mime_type: file.mimeType,
		file_size: file.data.length,
	};
}
