import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { normalizeCustomerEvent } from '../../../shared/normalize';
import { shapeOutput } from '../../../shared/output';
import { trustooRouting } from '../../../shared/routing';
import { customerEventGetManyDescription, customerEventGetManyPreSend } from './getAll';

const showOnlyForCustomerEvents = { resource: ['customerEvent'] };

export const customerEventDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCustomerEvents },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many customer events',
				description:
					'List what shoppers did with the review widgets (viewed, expanded, clicked or submitted reviews, paginated, filtered, sorted, opened media), filtered by event type, source and operating system. Event fields are not documented.',
				routing: trustooRouting('GET', PATHS.customerEventList, {
					preSend: customerEventGetManyPreSend,
					postReceive: [shapeOutput(normalizeCustomerEvent)],
				}),
			},
		],
		default: 'getAll',
	},
	...customerEventGetManyDescription,
];
