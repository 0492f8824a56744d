import type { IDataObject, IHookFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DEFAULT_BASE_URL, PATHS } from '../shared/constants';
import type { WebhookTopic } from '../shared/constants';
import { failureFromError, failureOf, trustooApiError } from '../shared/errors';
import { credentialType, trustooData } from '../shared/transport';
import { TriggerState } from './state';
import { isWebhookTopic, ownTopic, planSubscriptions, readSubscriptions, subscriptionUrl } from './subscriptions';
import type { Subscription } from './subscriptions';

/** Trustoo's "already exists" and "not found" codes (Response Code page). */
const ALREADY_EXISTS = 6;
const NOT_FOUND = 5;

/**
 * True when every selected topic has exactly one subscription at this trigger's URL and nothing
 * else of ours is registered — checked against Trustoo, not only static data, so a webhook deleted
 * on Trustoo's side (or static data lost) leads to create() on the next activation or restart.
 */
export async function subscriptionsExist(this: IHookFunctions): Promise<boolean> {
	const baseUrl = triggerUrl(this);
	const state = new TriggerState(this.getWorkflowStaticData('node'));
	const plan = planSubscriptions(wantedTopics(this), baseUrl, await listSubscriptions.call(this), storedIds(state, baseUrl));
	if (plan.create.length > 0 || plan.remove.length > 0) return false;
	state.setSubscriptions(baseUrl, plan.keep);
	return true;
}

/**
 * Registers exactly the missing subscriptions. Ones already at our URL are adopted, surplus ones
 * (duplicates, topics no longer selected) removed first; if a registration fails, the ones this
 * call created are deleted again before the error is thrown, so nothing is left behind.
 */
export async function createSubscriptions(this: IHookFunctions): Promise<boolean> {
	const baseUrl = triggerUrl(this);
	await rejectUnreachableUrl.call(this, baseUrl);
	const state = new TriggerState(this.getWorkflowStaticData('node'));
	const plan = planSubscriptions(wantedTopics(this), baseUrl, await listSubscriptions.call(this), storedIds(state, baseUrl));
	for (const surplus of plan.remove) {
		this.logger.warn(`Trustoo Trigger: removing surplus webhook ${surplus.id} (${surplus.topic}) at its own URL`);
		await removeSubscription.call(this, surplus.id);
	}
	const kept = [...plan.keep];
	const created: Subscription[] = [];
	try {
		for (const topic of plan.create) {
			const outcome = await registerSubscription.call(this, topic, baseUrl);
			(outcome.adopted ? kept : created).push(outcome.subscription);
		}
	} catch (error) {
		const leftovers = await rollBack.call(this, created);
		state.setSubscriptions(baseUrl, [...kept, ...leftovers]);
		throw withRollbackNote(this.getNode(), error, created.length, leftovers);
	}
	state.setSubscriptions(baseUrl, [...kept, ...created]);
	this.logger.info(
		`Trustoo Trigger: ${created.length} webhook(s) created, ${kept.length} adopted for ${baseUrl} (activation: ${this.getActivationMode()})`,
	);
	return true;
}

/**
 * Deletes every subscription this trigger owns for this URL: the stored ids plus any webhook on
 * Trustoo that points at our URL (a test listener's static data does not always survive until
 * deactivation). Webhooks at other URLs are never touched. Failures are collected and reported
 * after the rest has been deleted.
 */
export async function deleteSubscriptions(this: IHookFunctions): Promise<boolean> {
	const baseUrl = triggerUrl(this);
	const state = new TriggerState(this.getWorkflowStaticData('node'));
	const owned = new Map(state.subscriptions(baseUrl).map((entry) => [entry.id, entry]));
	const problems: string[] = [];
	try {
		for (const webhook of await listSubscriptions.call(this)) {
			if (ownTopic(webhook.url, baseUrl) !== undefined) owned.set(webhook.id, webhook);
		}
	} catch (error) {
		problems.push(`listing webhooks failed: ${(error as Error).message}`);
		this.logger.error(`Trustoo Trigger: could not list webhooks to delete: ${(error as Error).message}`);
	}
	const remaining: Subscription[] = [];
	for (const entry of owned.values()) {
		try {
			await removeSubscription.call(this, entry.id);
		} catch (error) {
			remaining.push(entry);
			problems.push(`webhook ${entry.id} (${entry.topic}): ${(error as Error).message}`);
			this.logger.error(`Trustoo Trigger: could not delete webhook ${entry.id}: ${(error as Error).message}`);
		}
	}
	state.setSubscriptions(baseUrl, remaining);
	if (problems.length > 0) {
		throw new NodeApiError(this.getNode(), { problems }, {
			message: 'Could not remove all of the Trustoo webhooks of this trigger',
			description: `${problems.join(' · ')}. The rest were removed; the next activation or deactivation tries again.`,
		});
	}
	return true;
}

function triggerUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n did not provide a webhook URL for this trigger');
	return url;
}

function wantedTopics(context: IHookFunctions): WebhookTopic[] {
	const events = context.getNodeParameter('events', []) as string[];
	const topics = events.filter(isWebhookTopic);
	if (topics.length === 0) throw new NodeOperationError(context.getNode(), 'Select at least one event to listen to');
	return topics;
}

function storedIds(state: TriggerState, baseUrl: string): Set<string> {
	return new Set(state.subscriptions(baseUrl).map((entry) => entry.id));
}

async function listSubscriptions(this: IHookFunctions): Promise<Subscription[]> {
	return readSubscriptions(await trustooData.call(this, 'GET', PATHS.webhookList));
}

async function registerSubscription(
	this: IHookFunctions,
	topic: WebhookTopic,
	baseUrl: string,
): Promise<{ subscription: Subscription; adopted: boolean }> {
	const url = subscriptionUrl(baseUrl, topic);
	try {
		const data = (await trustooData.call(this, 'POST', PATHS.webhookCreate, { body: { topic, url } })) as IDataObject | undefined;
		const [subscription] = readSubscriptions([{ topic, url, ...(data ?? {}) }]);
		if (!subscription) {
			throw new NodeApiError(this.getNode(), { topic, url }, { message: `Trustoo created the ${topic} webhook but returned no id` });
		}
		return { subscription, adopted: false };
	} catch (error) {
		// A shop that refuses duplicates answers 6 when the same topic and URL exist already, e.g.
		// after a concurrent activation or when the list lagged behind: that webhook is ours to adopt.
		if (failureOf(error)?.code !== ALREADY_EXISTS) throw asNodeError(this.getNode(), error);
		const existing = (await listSubscriptions.call(this)).find(
			(webhook) => webhook.topic === topic && ownTopic(webhook.url, baseUrl) === topic,
		);
		if (!existing) throw asNodeError(this.getNode(), error);
		this.logger.info(`Trustoo Trigger: adopted existing webhook ${existing.id} for ${topic}`);
		return { subscription: existing, adopted: true };
	}
}

/** Deletes one webhook; one that Trustoo no longer has (code 5) counts as deleted. */
async function removeSubscription(this: IHookFunctions, id: string): Promise<void> {
	try {
		await trustooData.call(this, 'POST', PATHS.webhookDelete, { body: { id } });
	} catch (error) {
		if (failureOf(error)?.code !== NOT_FOUND) throw asNodeError(this.getNode(), error);
		this.logger.debug(`Trustoo Trigger: webhook ${id} was already gone on Trustoo's side`);
	}
}

/** Deletes what a failed create() made; returns the ones that could not be deleted. */
async function rollBack(this: IHookFunctions, created: Subscription[]): Promise<Subscription[]> {
	const leftovers: Subscription[] = [];
	for (const entry of created) {
		try {
			await removeSubscription.call(this, entry.id);
		} catch (error) {
			leftovers.push(entry);
			this.logger.error(`Trustoo Trigger: rollback could not delete webhook ${entry.id}: ${(error as Error).message}`);
		}
	}
	return leftovers;
}

function withRollbackNote(node: INode, error: unknown, createdCount: number, leftovers: Subscription[]): NodeApiError | NodeOperationError {
	const wrapped = asNodeError(node, error);
	let note = 'No webhook was registered.';
	if (leftovers.length > 0) {
		note = `Could not delete webhook(s) ${leftovers.map((entry) => entry.id).join(', ')} again; deactivating the workflow retries.`;
	} else if (createdCount > 0) {
		note = `Rolled back: the ${createdCount} webhook(s) created before the failure were deleted again.`;
	}
	wrapped.description = [wrapped.description, note].filter(Boolean).join(' · ');
	return wrapped;
}

function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return trustooApiError(node, failureFromError(error));
}

/**
 * Trustoo's servers cannot call an n8n on localhost or a private network; registering such a URL
 * would look fine and never deliver. The sandbox (any other base URL) is local on purpose.
 */
async function rejectUnreachableUrl(this: IHookFunctions, baseUrl: string): Promise<void> {
	const credentials = await this.getCredentials(credentialType(this));
	if (String(credentials.baseUrl || DEFAULT_BASE_URL) !== DEFAULT_BASE_URL) return;
	const host = new URL(baseUrl).hostname.replace(/^\[|\]$/g, '');
	const local =
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host === '::1' ||
		host === '0.0.0.0' ||
		/^(127|10)\./.test(host) ||
		/^192\.168\./.test(host) ||
		/^172\.(1[6-9]|2\d|3[01])\./.test(host);
	if (!local) return;
	throw new NodeOperationError(this.getNode(), `Trustoo cannot reach this n8n at ${baseUrl}`, {
		description:
			'Webhooks need an address Trustoo can call from the internet. Set n8n’s WEBHOOK_URL to a public URL (for example a tunnel), or use the Trustoo Poll Trigger, which needs no inbound connection.',
	});
}
