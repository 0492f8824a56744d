import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { pathOverrideOption } from '../../../shared/descriptions';
import { checks, validateParameter } from '../../../shared/validation';
import { binaryPropertyField, fileNameOption, readMediaFile } from './binaryInput';
import { mediaEntry, safeUniqueFileName, sendToStorage, uploadTarget } from './storage';

const showOnlyForUploadVideo = { resource: ['media'], operation: ['uploadVideo'] };

/**
 * Refuses an item without a usable video, then asks for the upload URL with the (safe) file name
 * so the stored video keeps its extension — file_name is inferred, as is everything about this endpoint.
 */
async function askWithFileName(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const file = await readMediaFile.call(this, 'video');
	requestOptions.qs = { ...(requestOptions.qs ?? {}), file_name: safeUniqueFileName(file.fileName, file.extension, 'video') };
	return requestOptions;
}

export const uploadVideoPreSend = [validateParameter('options.thumbnailUrl', 'Thumbnail URL', checks.url), askWithFileName];

/**
 * Runs after the video upload URL arrived and PUTs the item's video to it. The answer's fields
 * are inferred (upload_url to PUT to, video_url to show); without video_url, the upload URL
 * without its signature query is where the video lives (inferred).
 */
export async function uploadVideo(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const answer = (items[0]?.json ?? {}) as IDataObject;
	const uploadUrl = uploadTarget.call(this, answer.upload_url, 'upload_url', answer);
	const videoUrl = answer.video_url ? uploadTarget.call(this, answer.video_url, 'video_url', answer) : uploadUrl.split('?')[0];
	const file = await readMediaFile.call(this, 'video');
	await sendToStorage.call(this, 'video', { method: 'PUT', url: uploadUrl, body: file.data, contentType: file.mimeType });
	const storedAs = String(new URL(videoUrl).pathname.split('/').pop() ?? '');
	const thumbnailUrl = String(this.getNodeParameter('options.thumbnailUrl', '') ?? '').trim();
	return [{ json: mediaEntry(videoUrl, 'video', file, decodeURIComponent(storedAs), thumbnailUrl || undefined) }];
}

export const uploadVideoDescription: INodeProperties[] = [
	binaryPropertyField(showOnlyForUploadVideo, 'video'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForUploadVideo },
		options: [
			fileNameOption('video'),
			pathOverrideOption('options', PATHS.videoUploadUrl),
			{
				displayName: 'Thumbnail URL',
				name: 'thumbnailUrl',
				type: 'string',
				default: '',
				placeholder: 'https://img.trustoo.io/…/cover.jpg',
				description: 'A still image for the video (upload it first with Upload Image); returned as thumbnail_url for Review → Create',
			},
		],
	},
];
