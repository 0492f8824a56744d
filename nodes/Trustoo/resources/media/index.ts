import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { normalizeImageUploadCredentials } from '../../../shared/normalize';
import { shapeOutput } from '../../../shared/output';
import { trustooRouting } from '../../../shared/routing';
import { getVideoUploadUrlDescription } from './getVideoUploadUrl';
import { uploadImage, uploadImageDescription, uploadImagePreSend } from './uploadImage';
import { uploadVideo, uploadVideoDescription, uploadVideoPreSend } from './uploadVideo';

const showOnlyForMedia = { resource: ['media'] };

export const mediaDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForMedia },
		options: [
			{
				name: 'Get Image Upload Credentials',
				value: 'getImageUploadCredentials',
				action: 'Get image upload credentials',
				description:
					'Get a short-lived policy to upload an image to Trustoo’s image host yourself (access_id, host, expire as Unix seconds, signature, policy, dir, callback). Upload Image does all of this for you.',
				routing: trustooRouting('GET', PATHS.imageUploadPolicy, { postReceive: [shapeOutput(normalizeImageUploadCredentials)] }),
			},
			{
				name: 'Get Video Upload URL',
				value: 'getVideoUploadUrl',
				action: 'Get a video upload URL',
				description:
					'Get a pre-signed URL to upload a video to yourself, and the URL the video will have. Upload Video does all of this for you. Path and answer are inferred (Trustoo’s docs do not show them); the path can be changed under Options.',
				routing: trustooRouting('GET', PATHS.videoUploadUrl),
			},
			{
				name: 'Upload Image',
				value: 'uploadImage',
				action: 'Upload an image',
				description:
					'Upload a photo from the input item’s binary data to Trustoo’s image host and return its media entry (URL, type image) for Review → Create. The upload flow is inferred from the credential fields.',
				routing: trustooRouting('GET', PATHS.imageUploadPolicy, { preSend: uploadImagePreSend, postReceive: [uploadImage] }),
			},
			{
				name: 'Upload Video',
				value: 'uploadVideo',
				action: 'Upload a video',
				description:
					'Upload a video from the input item’s binary data and return its media entry (URL, thumbnail URL, type video) for Review → Create. The video upload endpoint is inferred; its path can be changed under Options.',
				routing: trustooRouting('GET', PATHS.videoUploadUrl, { preSend: uploadVideoPreSend, postReceive: [uploadVideo] }),
			},
		],
		default: 'uploadImage',
	},
	...getVideoUploadUrlDescription,
	...uploadImageDescription,
	...uploadVideoDescription,
];
