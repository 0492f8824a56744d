import type { INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from './constants';
import { checks, validateParameter } from './validation';

type Show = { resource: string[]; operation: string[] };

/**
 * Return All / Limit for a paginated list. The node asks for the largest page it may (or just the
 * limit, when smaller); the executor walks `total_page` and the engine cuts the result to Limit.
 */
export function listControls(show: Show): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			routing: {
				send: { type: 'query', property: 'page_size', value: `={{ $value ? ${MAX_PAGE_SIZE} : undefined }}` },
			},
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			routing: {
				send: { type: 'query', property: 'page_size', value: `={{ Math.min($value, ${MAX_PAGE_SIZE}) }}` },
				output: { maxResults: '={{$value}}' },
			},
		},
	];
}

export function sortControl(show: Show): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sortBy',
		type: 'options',
		displayOptions: { show },
		options: [
			{ name: 'Newest First', value: 'created-descending' },
			{ name: 'Oldest First', value: 'created-ascending' },
		],
		default: 'created-descending',
		routing: { send: { type: 'query', property: 'sort_by' } },
	};
}

export function simplifyControl(show: Show, what: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		displayOptions: { show },
		default: false,
		description: `Whether to return a compact version of each ${what} instead of every field Trustoo sends`,
	};
}

/**
 * An option for operations whose path is not in any retrievable doc version: the node calls the
 * inferred path unless the user names the real one, so a wrong guess is fixable without a release.
 * Goes inside the operation's options collection named `collection`.
 */
export function pathOverrideOption(collection: string, inferredPath: string): INodeProperties {
	return {
		displayName: 'Path Override',
		name: 'pathOverride',
		type: 'string',
		default: '',
		placeholder: inferredPath,
		description: `API path to call instead of ${inferredPath}, which is inferred (Trustoo's docs do not show it). Starts with /; the base URL comes from the credential.`,
		routing: {
			request: { url: '={{ String($value).trim() || undefined }}' },
			send: { preSend: [validateParameter(`${collection}.pathOverride`, 'Path Override', checks.apiPath)] },
		},
	};
}
