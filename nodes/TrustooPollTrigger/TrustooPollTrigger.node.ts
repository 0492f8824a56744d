import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { authenticationProperty, trustooCredentials } from '../shared/authentication';
import { MAX_PAGE_SIZE, PATHS } from '../shared/constants';
import { readPage } from '../shared/envelope';
import { normalizeReview, simplifyReview } from '../shared/normalize';
import { reviewFiltersProperty, reviewMatcher } from '../shared/reviewFilters';
import type { ReviewFilters } from '../shared/reviewFilters';
import { forEachPage, trustooData } from '../shared/transport';
import { simplifyReviewsProperty } from '../shared/triggerProperties';
import { PollScan, readPollState, writePollState } from './cursor';
import type { PollEvent } from './cursor';

const NEWEST_FIRST = { sort_by: 'created-descending' };
const HOUR_MS = 60 * 60 * 1000;

export class TrustooPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Trustoo Poll Trigger',
		name: 'trustooPollTrigger',
		icon: { light: 'file:../../icons/trustoo.svg', dark: 'file:../../icons/trustoo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] === "createdOrUpdated" ? "New or updated reviews" : "New reviews"}}',
		description: 'Checks Trustoo (TrustWILL) for new reviews on a schedule; for n8n instances Trustoo cannot call',
		defaults: { name: 'Trustoo Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: trustooCredentials,
		properties: [
			{
				displayName:
					'Use this trigger when Trustoo cannot reach this n8n (localhost, a private network); otherwise the Trustoo Trigger reacts instantly and needs no polling.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			authenticationProperty,
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'created',
				options: [
					{ name: 'New Review', value: 'created', description: 'Each new review, once, oldest first' },
					{
						name: 'New or Updated Review',
						value: 'createdOrUpdated',
						description: 'Also reviews whose updated_at changed, among the newest ones (see Pages to Watch for Updates)',
					},
				],
			},
			{
				displayName: 'Pages to Watch for Updates',
				name: 'updatePages',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 20 },
				displayOptions: { show: { event: ['createdOrUpdated'] } },
				default: 1,
				description: `Trustoo cannot list reviews by update time, so each poll re-reads this many pages of the newest reviews (${MAX_PAGE_SIZE} each) and reports those whose updated_at changed. Edits to older reviews are not seen.`,
			},
			{
				displayName: 'Look Back on First Run (Hours)',
				name: 'lookbackHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'On its first run the trigger starts from now. Set this to also get the reviews of the last few hours once.',
			},
			reviewFiltersProperty,
			simplifyReviewsProperty,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const matches = reviewMatcher(this.getNodeParameter('filters', {}) as ReviewFilters);
		const simplify = this.getNodeParameter('simplify', false) as boolean;
		const polledAt = new Date().toISOString();
		const toItem = (event: PollEvent): INodeExecutionData => {
			const review = normalizeReview(event.review);
			return { json: { ...(simplify ? simplifyReview(review) : review), _trustoo: { topic: `review/${event.kind}`, polled_at: polledAt } } };
		};

		if (this.getMode() === 'manual') {
			// Sample data for mapping: the newest review (matching the filters if one on the first page
			// does), without touching the cursor.
			const data = await trustooData.call(this, 'GET', PATHS.reviewList, { qs: { ...NEWEST_FIRST, page: 1, page_size: MAX_PAGE_SIZE } });
			const list = readPage(data)?.list ?? [];
			const sample = list.find((review) => matches(normalizeReview(review))) ?? list[0];
			return sample ? [[toItem({ kind: 'created', review: sample as IDataObject })]] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const watchUpdates = this.getNodeParameter('event', 'created') === 'createdOrUpdated';
		const scan = new PollScan(readPollState(staticData), {
			nowMs: Date.now(),
			lookbackMs: Math.max(0, Number(this.getNodeParameter('lookbackHours', 0))) * HOUR_MS,
			updatePages: watchUpdates ? Math.max(1, Number(this.getNodeParameter('updatePages', 1))) : 0,
		});
		await forEachPage.call(this, PATHS.reviewList, NEWEST_FIRST, (list, page) => scan.visit(list, page.page));
		const { events, next, undated } = scan.result();
		if (undated > 0) this.logger.warn(`Trustoo Poll Trigger skipped ${undated} review(s) without a readable created_at`);
		writePollState(staticData, next);
		const items = events.filter((event) => matches(normalizeReview(event.review))).map(toItem);
		return items.length > 0 ? [items] : null;
	}
}
