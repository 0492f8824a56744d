import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import { isEnvelope } from '../../../shared/envelope';
import { failureFromResponse, trustooApiError } from '../../../shared/errors';
import { binaryInputCheck, binaryPropertyField, fileNameOption, readMediaFile } from './binaryInput';
import { mediaEntry, multipartBody, safeUniqueFileName, sendToStorage, uploadTarget } from './storage';

const showOnlyForUploadImage = { resource: ['media'], operation: ['uploadImage'] };

export const uploadImagePreSend = [binaryInputCheck('image')];

const REQUIRED_CREDENTIALS = ['host', 'dir', 'policy', 'access_id', 'signature'];

/**
 * Runs after the upload credentials arrived (get_image_upload_policy_token, docs V6) and uploads
 * the item's image as an OSS browser "PostObject" (inferred from the credential fields): a
 * multipart form with key = dir + file name, policy, OSSAccessKeyId, Signature, callback and the
 * file, POSTed to `host`. Outputs the media entry for Review → Create.
 */
export async function uploadImage(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const credentials = (items[0]?.json ?? {}) as IDataObject;
	const missing = REQUIRED_CREDENTIALS.filter((field) => typeof credentials[field] !== 'string' || credentials[field] === '');
	if (missing.length) {
		throw new NodeOperationError(this.getNode(), `Trustoo's image upload credentials lack ${missing.join(', ')}`, {
			itemIndex: this.getItemIndex(),
			description: `Got: ${JSON.stringify(credentials).slice(0, 300)}`,
		});
	}
	const host = uploadTarget.call(this, credentials.host, 'upload host', credentials).replace(/\/+$/, '');
	const file = await readMediaFile.call(this, 'image');
	const name = safeUniqueFileName(file.fileName, file.extension, 'image');
	const key = `${String(credentials.dir)}${name}`;
	const fields: Array<[string, string]> = [
		['key', key],
		['policy', String(credentials.policy)],
		['OSSAccessKeyId', String(credentials.access_id)],
		['Signature', String(credentials.signature)],
	];
	if (credentials.callback) fields.push(['callback', String(credentials.callback)]);
	const form = multipartBody(fields, { name: 'file', fileName: name, contentType: file.mimeType, data: file.data });
	const response = await sendToStorage.call(this, 'image', { method: 'POST', url: host, body: form.body, contentType: form.contentType });
	return [{ json: mediaEntry(imageUrl.call(this, response.body, response.statusCode, host, key), 'image', file, name) }];
}

/**
 * With a callback the storage relays Trustoo's answer to it (inferred); when that answer names the
 * stored URL it wins, otherwise the URL is host + key (docs V6: images are served from the host).
 */
function imageUrl(this: IExecuteSingleFunctions, body: unknown, statusCode: number, host: string, key: string): string {
	const answer = typeof body === 'string' ? jsonParse<unknown>(body, { fallbackValue: undefined }) : body;
	if (isEnvelope(answer)) {
		const failure = failureFromResponse(statusCode, answer);
		if (failure) throw trustooApiError(this.getNode(), failure, this.getItemIndex());
		const url = (answer.data as IDataObject | undefined)?.url;
		if (typeof url === 'string' && url) return url;
	}
	return `${host}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

export const uploadImageDescription: INodeProperties[] = [
	binaryPropertyField(showOnlyForUploadImage, 'image'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForUploadImage },
		options: [fileNameOption('image')],
	},
];
