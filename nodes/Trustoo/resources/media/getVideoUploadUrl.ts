import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { pathOverrideOption } from '../../../shared/descriptions';

const showOnlyForGetVideoUploadUrl = { resource: ['media'], operation: ['getVideoUploadUrl'] };

export const getVideoUploadUrlDescription: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForGetVideoUploadUrl },
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. unboxing.mp4',
				description: 'Name of the video to upload, so the stored file keeps its extension (parameter file_name, inferred)',
				routing: { send: { type: 'query', property: 'file_name', value: '={{ String($value).trim() || undefined }}' } },
			},
			pathOverrideOption('options', PATHS.videoUploadUrl),
		],
	},
];
