import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Checks of user input that run before any request, so a wrong value is refused with the field's
 * name and what is allowed instead of as a Trustoo code 3.
 */
export type Check = (value: unknown) => string | undefined;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;

export const checks = {
	email: ((value) => (EMAIL.test(String(value).trim()) ? undefined : 'must be an email address such as ana@example.com')) as Check,
	rating: ((value) => {
		const n = Number(value);
		return Number.isInteger(n) && n >= 1 && n <= 5 ? undefined : 'must be a whole number from 1 to 5';
	}) as Check,
	dateTime: ((value) =>
		DATE_TIME.test(String(value).trim()) || !Number.isNaN(Date.parse(String(value)))
			? undefined
			: 'must be a date such as 2026-05-01 or 2026-05-01 13:45:00') as Check,
	notEmpty: ((value) => (String(value ?? '').trim() ? undefined : 'must not be empty')) as Check,
	maxLength: (max: number): Check => (value) =>
		String(value ?? '').length <= max ? undefined : `must be at most ${max} characters`,
};

/** Fails the item with the field's display name when the parameter, if set, does not pass. */
export function validateParameter(parameter: string, label: string, ...rules: Check[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const value = this.getNodeParameter(parameter, undefined) as unknown;
		if (value === undefined || value === null || value === '') return requestOptions;
		for (const rule of rules) {
			const problem = rule(value);
			if (problem) {
				throw new NodeOperationError(this.getNode(), `${label} ${problem}`, {
					itemIndex: this.getItemIndex(),
					description: `Got: ${JSON.stringify(value)}`,
				});
			}
		}
		return requestOptions;
	};
}

/** Fails the item unless exactly one of the parameters has a value. */
export function requireExactlyOne(parameters: Array<[name: string, label: string]>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const present = parameters.filter(([name]) => String(this.getNodeParameter(name, '') ?? '').trim() !== '');
		if (present.length !== 1) {
			const labels = parameters.map(([, label]) => label).join(' or ');
			throw new NodeOperationError(this.getNode(), `Give exactly one of ${labels}`, {
				itemIndex: this.getItemIndex(),
				description: present.length === 0 ? 'Neither is set.' : 'Both are set; Trustoo accepts only one.',
			});
		}
		return requestOptions;
	};
}
