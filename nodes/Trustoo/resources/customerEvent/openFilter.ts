import type { INodeProperties, PreSendAction } from 'n8n-workflow';

import { requireAtMostOne } from '../../../shared/validation';

/**
 * A filter whose documented values end in "etc." (docs, get_customer_events): a list of the known
 * values, plus a free-text twin for one Trustoo may send that the docs do not name. Both fill the
 * same query parameter, so giving both is refused.
 */
export function openFilter(
	label: string,
	name: string,
	property: string,
	values: readonly string[],
	description: string,
): { options: INodeProperties[]; preSend: PreSendAction } {
	const otherName = `${name}Other`;
	const otherLabel = `${label} (Other)`;
	const [firstValue] = values;
	return {
		options: [
			{
				displayName: label,
				name,
				type: 'options',
				default: firstValue,
				description,
				options: values.map((value) => ({ name: value, value })),
				routing: { send: { type: 'query', property } },
			},
			{
				displayName: otherLabel,
				name: otherName,
				type: 'string',
				default: '',
				placeholder: 'e.g. NEW_VALUE',
				description: `A value not in the ${label} list, as Trustoo names it. Use instead of ${label}.`,
				routing: { send: { type: 'query', property, value: '={{ String($value).trim() }}' } },
			},
		],
		preSend: requireAtMostOne([
			[`filters.${name}`, label],
			[`filters.${otherName}`, otherLabel],
		]),
	};
}
