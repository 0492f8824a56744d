import type { INodeProperties } from 'n8n-workflow';

/** A review chosen from a searchable list of recent reviews, or typed as an ID. */
export function reviewIdLocator(show: { resource: string[]; operation: string[] }): INodeProperties {
	return {
		displayName: 'Review',
		name: 'reviewId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show },
		description: 'The review to use',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchReviews', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1872366',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[0-9A-Za-z_-]+\\s*$', errorMessage: 'A review ID is made of letters, digits, - and _' },
					},
				],
			},
		],
	};
}
