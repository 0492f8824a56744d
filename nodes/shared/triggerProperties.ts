import type { INodeProperties } from 'n8n-workflow';

/** Both triggers' Simplify toggle; the action node's per-operation one is simplifyControl. */
export const simplifyReviewsProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to return a compact version of each review instead of every field Trustoo sends',
};
