/** Review sources: the enum of the V2/V3 field table plus `ChatWILL`, which the V5/V6 example uses. */
export const REVIEW_SOURCES = [
	'AliExpress',
	'Amazon',
	'Auto',
	'ChatWILL',
	'CSV uploaded',
	'Email request',
	'QR Code',
	'Shop',
	'Shopee',
	'Store front',
	'Store link',
] as const;
