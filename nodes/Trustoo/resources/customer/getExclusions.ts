import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { listControls, pathOverrideOption } from '../../../shared/descriptions';

const showOnlyForGetExclusions = { resource: ['customer'], operation: ['getManyExclusions'] };

export const getExclusionsDescription: INodeProperties[] = [
	...listControls(showOnlyForGetExclusions),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: showOnlyForGetExclusions },
		// The path is UNKNOWN in every doc version (inferred get_customer_excludes), and so is paging:
		// a paginated answer is walked, a plain array is returned as it is.
		options: [pathOverrideOption('options', PATHS.exclusionList)],
	},
];
