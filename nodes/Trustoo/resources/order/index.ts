import type { INodeProperties } from 'n8n-workflow';

import { PATHS } from '../../../shared/constants';
import { normalizeOrder } from '../../../shared/normalize';
import { shapeOutput } from '../../../shared/output';
import { trustooRouting } from '../../../shared/routing';
import { orderGetManyPreSend, orderGetManyDescription } from './getAll';

const showOnlyForOrders = { resource: ['order'] };

export const orderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForOrders },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many orders',
				description:
					'List the shop’s orders with the status of their review request email (waiting, scheduled, sent, opened, reviewed, cancelled), filtered by status, order date or email send date. Order fields are not documented; dates are sent as YYYY-MM-DD HH:MM:SS (inferred).',
				routing: trustooRouting('GET', PATHS.orderList, { preSend: orderGetManyPreSend, postReceive: [shapeOutput(normalizeOrder)] }),
			},
		],
		default: 'getAll',
	},
	...orderGetManyDescription,
];
