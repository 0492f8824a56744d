import type { INodeProperties } from 'n8n-workflow';

import { sendShop, shopFields } from './shop';

export const shopAuthorizationInfoDescription: INodeProperties[] = shopFields({
	resource: ['oauth'],
	operation: ['getShopAuthorizationInfo'],
	authentication: ['oAuth2'],
});

export const shopInstallStatusDescription: INodeProperties[] = shopFields({
	resource: ['oauth'],
	operation: ['getShopInstallStatus'],
	authentication: ['oAuth2'],
});

/** Both platform GETs name the shop in the query, next to the client credentials (docs V5/V6). */
export const shopStatusPreSend = [sendShop('qs')];
