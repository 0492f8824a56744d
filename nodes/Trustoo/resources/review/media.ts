import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import { checks } from '../../../shared/validation';

/** V2/V3 allowed at most 10 images; inferred to hold for the V6 media array. */
const MAX_MEDIA = 10;

/** inferred: media type 1 = image, 2 = video (the V6 schema was not retrievable). */
const MEDIA_TYPES: Record<string, 1 | 2> = { image: 1, '1': 1, video: 2, '2': 2 };

/** The Create Review fields for photos and videos: one entry at a time, or a JSON list. */
export const reviewMediaFields: INodeProperties[] = [
	{
		displayName: 'Media',
		name: 'media',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Photo or Video',
		description: 'Photos or videos already uploaded (Media → Upload Image or Upload Video returns the URL, thumbnail URL and type for these fields)',
		options: [
			{
				displayName: 'Entry',
				name: 'entries',
				values: [
					{ displayName: 'URL', name: 'url', type: 'string', default: '', required: true },
					{ displayName: 'Thumbnail URL', name: 'thumbnailUrl', type: 'string', default: '' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'image',
						options: [
							{ name: 'Image', value: 'image' },
							{ name: 'Video', value: 'video' },
						],
					},
					{ displayName: 'Published', name: 'isPublished', type: 'boolean', default: true, description: 'Whether the photo or video is shown on the store front' },
				],
			},
		],
	},
	{
		displayName: 'Media (JSON)',
		name: 'mediaJson',
		type: 'json',
		default: '[]',
		description:
			'A JSON list of uploaded photos or videos, e.g. the outputs of several Media → Upload Image items gathered with the Aggregate node. Each entry takes the keys Upload Image returns: the URL, optionally thumbnail_url, and type image or video (or 1 or 2). Added after the Media entries.',
	},
];

/**
 * The `media` array of the Create Review body (V5/V6 form: `{url, thumbnail_url, type,
 * is_published}`), from both fields, checked entry by entry so a bad URL is refused before any request.
 */
export function reviewMediaBody(this: IExecuteSingleFunctions, fields: IDataObject): IDataObject[] {
	const entries = ((fields.media as IDataObject | undefined)?.entries ?? []) as IDataObject[];
	const fromList = entries.map((entry) => ({
		url: entry.url,
		thumbnail_url: entry.thumbnailUrl,
		type: entry.type,
		is_published: entry.isPublished,
	}));
	const media = [...fromList, ...parseMediaJson.call(this, fields.mediaJson)].map((entry, index) =>
		toMediaEntry.call(this, entry, `Media entry ${index + 1}`),
	);
	if (media.length > MAX_MEDIA) {
		throw new NodeOperationError(this.getNode(), `Media must have at most ${MAX_MEDIA} entries`, {
			itemIndex: this.getItemIndex(),
			description: `Got ${media.length}.`,
		});
	}
	return media;
}

function parseMediaJson(this: IExecuteSingleFunctions, value: unknown): IDataObject[] {
	if (value === undefined || value === null || value === '') return [];
	const parsed = typeof value === 'string' ? jsonParse<unknown>(value, { fallbackValue: undefined }) : value;
	const list = Array.isArray(parsed) ? parsed : [parsed];
	if (parsed === undefined || list.some((entry) => typeof entry !== 'object' || entry === null || Array.isArray(entry))) {
		throw new NodeOperationError(this.getNode(), 'Media (JSON) must be a list of objects with url and type', {
			itemIndex: this.getItemIndex(),
			description: `Got: ${typeof value === 'string' ? value.slice(0, 200) : JSON.stringify(value).slice(0, 200)}`,
		});
	}
	return list as IDataObject[];
}

function toMediaEntry(this: IExecuteSingleFunctions, entry: IDataObject, label: string): IDataObject {
	const refuse = (problem: string) =>
		new NodeOperationError(this.getNode(), `${label}: ${problem}`, { itemIndex: this.getItemIndex(), description: `Got: ${JSON.stringify(entry)}` });
	const url = String(entry.url ?? '').trim();
	const urlProblem = checks.url(url);
	if (urlProblem) throw refuse(`URL ${urlProblem}`);
	const thumbnail = String(entry.thumbnail_url ?? '').trim();
	const thumbnailProblem = thumbnail ? checks.url(thumbnail) : undefined;
	if (thumbnailProblem) throw refuse(`Thumbnail URL ${thumbnailProblem}`);
	const type = MEDIA_TYPES[String(entry.type ?? 'image').trim().toLowerCase()];
	if (type === undefined) throw refuse('Type must be image or video');
	const published = entry.is_published === false || entry.is_published === 0 || entry.is_published === '0' ? 0 : 1;
	return { url, ...(thumbnail ? { thumbnail_url: thumbnail } : {}), type, is_published: published };
}
