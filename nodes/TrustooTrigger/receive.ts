import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { CREDENTIAL_TYPES, PATHS } from '../shared/constants';
import type { WebhookTopic } from '../shared/constants';
import { normalizeReview } from '../shared/normalize';
import { reviewMatcher } from '../shared/reviewFilters';
import type { ReviewFilters } from '../shared/reviewFilters';
import { credentialType, trustooData } from '../shared/transport';
import { deliveryKey, hasSeen, itemKey, processSeen, remember, setProcessSeen } from './dedupe';
import type { SeenMap } from './dedupe';
import { ACK_BODY, deliveryEntries, isReviewTopic, normalizeEntry, outputJson, resolveTopic } from './delivery';
import type { DeliveryMeta } from './delivery';
import { DELIVERY_HEADERS, header, verifyDelivery } from './signature';
import type { Headers } from './signature';
import { TriggerState } from './state';

/**
 * Handles one delivery: verify, attribute to a topic, drop what was already seen, acknowledge,
 * then enrich and filter. The answer is written here rather than by n8n, because Trustoo only
 * counts exactly `{"code":0,"message":"success"}` as delivered, and because acknowledging before
 * any review is fetched keeps Trustoo from timing out and retrying.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const headers = this.getHeaderData() as Headers;
	const requestId = header(headers, DELIVERY_HEADERS.requestId);
	const state = new TriggerState(this.getWorkflowStaticData('node'));

	if (this.getNodeParameter('verifySignature', true) as boolean) {
		const verdict = verifyDelivery({
			headers,
			rawBody: this.getRequestObject().rawBody,
			...(await signingSecrets.call(this)),
			nowSeconds: Math.floor(Date.now() / 1000),
		});
		if (!verdict.valid) {
			this.logger.warn(`Trustoo Trigger rejected a delivery: ${verdict.reason}`, logContext(this, requestId));
			return respond(this, 401, { code: 16, message: `Webhook signature rejected: ${verdict.reason}` });
		}
	}

	const resolution = resolveTopic(this.getQueryData(), state.subscribedTopics());
	if ('problem' in resolution) {
		this.logger.warn(`Trustoo Trigger rejected a delivery: ${resolution.problem}`, logContext(this, requestId));
		return respond(this, 400, { code: 3, message: resolution.problem });
	}
	const { topic } = resolution;
	if (!(this.getNodeParameter('events', []) as string[]).includes(topic)) {
		// A subscription left from an earlier selection: acknowledged so Trustoo stops, but not run.
		this.logger.info(`Trustoo Trigger ignored a ${topic} delivery: that event is not selected`, logContext(this, requestId));
		return respond(this, 200, ACK_BODY);
	}
	const entries = deliveryEntries(this.getBodyData());
	if (!entries) {
		this.logger.warn('Trustoo Trigger rejected a delivery: the body has no list of items', logContext(this, requestId));
		return respond(this, 400, { code: 3, message: 'the body has no list of items' });
	}

	const fresh = takeFresh(this, topic, requestId, entries);
	respond(this, 200, ACK_BODY);
	if (fresh.length === 0) {
		const what = entries.length === 0 ? 'an empty' : 'a repeated';
		this.logger.info(`Trustoo Trigger acknowledged ${what} ${topic} delivery without starting the workflow`, logContext(this, requestId));
		return { noWebhookResponse: true };
	}

	const receivedAt = new Date().toISOString();
	const fetchFull = (this.getNodeParameter('fetchFullReview', false) as boolean) && (topic === 'review/created' || topic === 'review/updated');
	const matches = reviewMatcher(this.getNodeParameter('filters', {}) as ReviewFilters);
	const simplify = this.getNodeParameter('simplify', false) as boolean;
	const items: INodeExecutionData[] = [];
	for (const entry of fresh) {
		const meta: DeliveryMeta = { topic, requestId: requestId ?? null, receivedAt };
		let json = normalizeEntry(topic, entry);
		if (fetchFull) {
			const full = await fetchReview.call(this, json);
			json = full.review;
			meta.fetchError = full.error;
		}
		if (isReviewTopic(topic) && !matches(json)) continue;
		items.push({ json: outputJson(json, meta, simplify) });
	}
	if (items.length === 0) {
		this.logger.debug(`Trustoo Trigger: no item of a ${topic} delivery passed the filters`, logContext(this, requestId));
		return { noWebhookResponse: true };
	}
	return { noWebhookResponse: true, workflowData: [items] };
}

/**
 * Entries not seen before, and remembers this delivery and its entries. A retry has the same
 * request id; a second subscription or a re-send has a new one but the same item version.
 */
function takeFresh(context: IWebhookFunctions, topic: WebhookTopic, requestId: string | undefined, entries: IDataObject[]): IDataObject[] {
	const memory = dedupeMemory(context);
	const now = Date.now();
	const seen = memory.load();
	const request = deliveryKey(requestId);
	const keys = entries.map((entry) => itemKey(topic, entry));
	const fresh: IDataObject[] = [];
	if (!hasSeen(seen, request, now)) {
		const inThisDelivery = new Set<string>();
		entries.forEach((entry, index) => {
			const key = keys[index];
			if (key !== undefined && (hasSeen(seen, key, now) || inThisDelivery.has(key))) return;
			if (key !== undefined) inThisDelivery.add(key);
			fresh.push(entry);
		});
	}
	memory.save(remember(seen, [request, ...keys], now));
	return fresh;
}

/**
 * Active workflows keep the memory in static data, which n8n persists after each delivery, and
 * also in this process, which covers two deliveries arriving at the same moment (each loads static
 * data before the other saved it). A test listener's static data is not persisted, so there only
 * the process memory is used.
 */
function dedupeMemory(context: IWebhookFunctions): { load: () => SeenMap; save: (seen: SeenMap) => void } {
	const manual = context.getMode() === 'manual';
	// Separate for a test listener: its deliveries come through their own subscriptions, and a test
	// event must show up even when the active workflow has just received the same review.
	const scope = `${context.getWorkflow().id ?? ''}:${context.getNode().id}:${manual ? 'test' : 'production'}`;
	const persistent = manual ? undefined : new TriggerState(context.getWorkflowStaticData('node'));
	return {
		load: () => ({ ...(persistent?.seen() ?? {}), ...processSeen(scope) }),
		save: (seen) => {
			setProcessSeen(scope, seen);
			persistent?.setSeen(seen);
		},
	};
}

/**
 * The signing key and the public token deliveries must carry. For the signed-token credential both
 * are the shop's. For OAuth2 platform webhooks the key is UNKNOWN (reference §8): the client secret
 * is the likeliest candidate, a shop's private token the other one; the public token Trustoo sends
 * for a platform is UNKNOWN too, so it is only checked when one is entered.
 */
async function signingSecrets(this: IWebhookFunctions): Promise<{ signingKey: string; publicToken?: string }> {
	const type = credentialType(this);
	const credentials = await this.getCredentials(type);
	if (type === CREDENTIAL_TYPES.shop) {
		return { signingKey: String(credentials.privateToken ?? ''), publicToken: String(credentials.publicToken ?? '') };
	}
	const useShopToken = this.getNodeParameter('platformSigningKey', 'clientSecret') === 'shopPrivateToken';
	const signingKey = useShopToken ? this.getNodeParameter('shopPrivateToken', '') : credentials.clientSecret;
	const publicToken = String(this.getNodeParameter('shopPublicToken', '') ?? '').trim();
	return { signingKey: String(signingKey ?? ''), publicToken: publicToken || undefined };
}

/**
 * The complete review for a delivered entry. A failure never drops the entry: it is returned as
 * delivered with the error, so the workflow still sees the event. The query names both `id` and
 * `review_id` because the docs do not say which one Get Review Detail reads (UNKNOWN), as the
 * action node's Get does.
 */
async function fetchReview(this: IWebhookFunctions, entry: IDataObject): Promise<{ review: IDataObject; error?: IDataObject }> {
	const id = String(entry.id ?? '');
	try {
		const full = (await trustooData.call(this, 'GET', PATHS.reviewGet, { qs: { id, review_id: id } })) as IDataObject;
		return { review: { ...entry, ...normalizeReview(full) } };
	} catch (error) {
		const { message, description } = error as { message?: string; description?: string };
		this.logger.warn(`Trustoo Trigger could not fetch review ${id}: ${message ?? String(error)}`);
		return { review: entry, error: { message: message ?? String(error), description: description ?? null } };
	}
}

function respond(context: IWebhookFunctions, status: number, body: IDataObject): IWebhookResponseData {
	const response = context.getResponseObject();
	response.statusCode = status;
	response.setHeader('Content-Type', 'application/json; charset=utf-8');
	response.end(JSON.stringify(body));
	return { noWebhookResponse: true };
}

function logContext(context: IWebhookFunctions, requestId: string | undefined): IDataObject {
	return { workflowId: context.getWorkflow().id ?? null, node: context.getNode().name, requestId: requestId ?? null };
}
