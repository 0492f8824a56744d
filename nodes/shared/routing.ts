import type { INodePropertyRouting, PostReceiveAction, PreSendAction } from 'n8n-workflow';

import { unwrapEnvelope } from './responses';

/**
 * The routing of one Trustoo operation: every request opts into the node's executor (retries,
 * errors, paging) and has the envelope unwrapped before any other output action runs.
 */
export function trustooRouting(
	method: 'GET' | 'POST',
	url: string,
	extra: { preSend?: PreSendAction[]; postReceive?: PostReceiveAction[] } = {},
): INodePropertyRouting {
	return {
		request: { method, url },
		send: { paginate: true, ...(extra.preSend ? { preSend: extra.preSend } : {}) },
		output: { postReceive: [unwrapEnvelope, ...(extra.postReceive ?? [])] },
	};
}
