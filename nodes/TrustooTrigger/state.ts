import type { IDataObject } from 'n8n-workflow';

import type { SeenMap } from './dedupe';
import { ownTopic } from './subscriptions';
import type { Subscription } from './subscriptions';

/**
 * The only code that knows the trigger's keys in the node's workflow static data. Subscriptions are
 * kept with their URL, so the test URL's and the production URL's webhooks never overwrite each
 * other. Every write assigns a fresh top-level value, which is what marks static data as changed
 * for n8n to persist it.
 */
const SUBSCRIPTIONS = 'trustooSubscriptions';
const SEEN = 'trustooSeen';

export class TriggerState {
	constructor(private readonly staticData: IDataObject) {}

	/** Stored subscriptions that belong to this URL (test or production). */
	subscriptions(baseUrl: string): Subscription[] {
		return this.allSubscriptions().filter((entry) => ownTopic(entry.url, baseUrl) !== undefined);
	}

	setSubscriptions(baseUrl: string, list: Subscription[]): void {
		const others = this.allSubscriptions().filter((entry) => ownTopic(entry.url, baseUrl) === undefined);
		this.staticData[SUBSCRIPTIONS] = [...others, ...list].map((entry) => ({ ...entry }));
	}

	/** Topics of every stored subscription, whichever URL: what a delivery without `?topic=` can be. */
	subscribedTopics(): string[] {
		return [...new Set(this.allSubscriptions().map((entry) => entry.topic))];
	}

	seen(): SeenMap {
		const value = this.staticData[SEEN];
		return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as SeenMap) } : {};
	}

	setSeen(seen: SeenMap): void {
		this.staticData[SEEN] = { ...seen };
	}

	private allSubscriptions(): Subscription[] {
		const value = this.staticData[SUBSCRIPTIONS];
		if (!Array.isArray(value)) return [];
		return (value as IDataObject[])
			.filter((entry) => typeof entry?.id === 'string' && typeof entry.url === 'string')
			.map((entry) => ({ id: String(entry.id), topic: String(entry.topic ?? ''), url: String(entry.url) }));
	}
}
