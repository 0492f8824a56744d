'use strict';
const { API, ERROR_MODES, useSandbox, runNode, wire, bodyOf, expectSigned, expectTrustooError, expectRefused } = require('./support');

const review = (operation, extra) => ({ resource: 'review', operation, ...extra });
const byId = (value) => ({ __rl: true, mode: 'id', value });
const TEXT = 'Wärmt wie ein Ofen 🔥🧥 — 暖かい！ “Quotes” & <tags>';

const ALL_FIELDS = {
	rating: 4,
	author: ' Zoë Ångström 🦊 ',
	source: 'ChatWILL',
	commentedAt: '2026-04-30T21:15:00',
	additionalFields: {
		productId: '9200305176832',
		orderId: '5601234560001',
		title: 'Warm 🔥',
		content: TEXT,
		authorEmail: 'zoe@example.com',
		authorPhone: '+4915550001',
		authorCountry: 'DE',
		itemType: 'Red / XL',
		tag: 'imported',
		isVerified: true,
		isFeatured: false,
		isPublished: true,
		isTop: true,
		media: {
			entries: [
				{ url: 'https://img.trustoo.io/review/1/a.jpg', thumbnailUrl: 'https://img.trustoo.io/review/1/a_t.jpg', type: 'image', isPublished: true },
				{ url: 'https://img.trustoo.io/review/1/b.mp4', thumbnailUrl: '', type: 'video', isPublished: false },
			],
		},
		mediaJson: '[{"url": "https://img.trustoo.io/review/1/c.png", "type": 1}]',
		reply: { value: { content: 'Danke! 🙏', replyAt: '2026-05-01T08:00:00' } },
	},
};

describe.each(ERROR_MODES)('Review (errorMode=%s)', (errorMode) => {
	const ctx = useSandbox(errorMode);

	test('Create sends every documented field in the V6 form, and Get returns the same text and media', async () => {
		const created = await runNode({ sandbox: ctx.sandbox, parameters: review('create', ALL_FIELDS) });
		expect(created.error).toBeUndefined();
		expect(created.requests).toHaveLength(1);
		expect(wire(created.requests[0])).toEqual({
			method: 'POST',
			path: `${API}/create_review`,
			query: {},
			body: {
				rating: 4,
				author: 'Zoë Ångström 🦊',
				source: 'ChatWILL',
				commented_at: '2026-04-30 21:15:00',
				product_id: '9200305176832',
				order_id: '5601234560001',
				title: 'Warm 🔥',
				content: TEXT,
				author_email: 'zoe@example.com',
				author_phone: '+4915550001',
				author_country: 'DE',
				item_type: 'Red / XL',
				tag: 'imported',
				is_verified: 1,
				is_featured: 0,
				is_published: 1,
				is_top: 1,
				media: [
					{ url: 'https://img.trustoo.io/review/1/a.jpg', thumbnail_url: 'https://img.trustoo.io/review/1/a_t.jpg', type: 1, is_published: 1 },
					{ url: 'https://img.trustoo.io/review/1/b.mp4', type: 2, is_published: 0 },
					{ url: 'https://img.trustoo.io/review/1/c.png', type: 1, is_published: 1 },
				],
				reply: { content: 'Danke! 🙏', reply_at: '2026-05-01 08:00:00' },
			},
		});
		expectSigned(created.requests[0], ctx.sandbox);
		const [made] = created.items;
		expect(made).toMatchObject({ id: expect.stringMatching(/^\d+$/), rating: 4, content: TEXT, author: 'Zoë Ångström 🦊', product_id: '9200305176832' });

		const fetched = await runNode({ sandbox: ctx.sandbox, parameters: review('get', { reviewId: byId(made.id) }) });
		expect(fetched.error).toBeUndefined();
		expect(fetched.requests[0].query).toEqual({ id: made.id, review_id: made.id });
		expect(fetched.items).toEqual([made]);
		expect(fetched.items[0].media.map((entry) => entry.url)).toEqual([
			'https://img.trustoo.io/review/1/a.jpg',
			'https://img.trustoo.io/review/1/b.mp4',
			'https://img.trustoo.io/review/1/c.png',
		]);
		expect(fetched.items[0].reply).toEqual({ content: 'Danke! 🙏', reply_at: '2026-05-01 08:00:00' });
	});

	test('Create with only the required fields sends them and the time now', async () => {
		const before = Date.now();
		const result = await runNode({ sandbox: ctx.sandbox, parameters: review('create', { rating: 5, author: 'Ana', source: 'Shop', simplify: true }) });
		expect(result.error).toBeUndefined();
		const body = bodyOf(result.requests[0]);
		expect(Object.keys(body).sort()).toEqual(['author', 'commented_at', 'rating', 'source']);
		const sent = Date.parse(`${body.commented_at.replace(' ', 'T')}Z`);
		expect(sent).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(sent).toBeLessThanOrEqual(Date.now());
		expect(result.items).toEqual([expect.objectContaining({ rating: 5, author: 'Ana', is_store_review: true, media_urls: [] })]);
	});

	test('Get Many sends every filter and the sort', async () => {
		const result = await runNode({
			sandbox: ctx.sandbox,
			parameters: review('getAll', {
				limit: 10,
				filters: { keyword: 'warm', productIds: '9200305176832, 9200305209600', ratings: ['4', '5'], reviewType: 'product', sources: ['Shop', 'Amazon'] },
				sortBy: 'created-ascending',
			}),
		});
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({
			method: 'GET',
			path: `${API}/get_reviews`,
			query: {
				page_size: '10',
				keyword: 'warm',
				'product_ids[0]': '9200305176832',
				'product_ids[1]': '9200305209600',
				'ratings[0]': '4',
				'ratings[1]': '5',
				is_store_review: '0',
				'sources[0]': 'Shop',
				'sources[1]': 'Amazon',
				sort_by: 'created-ascending',
			},
			body: undefined,
		});
		for (const item of result.items) {
			expect(['9200305176832', '9200305209600']).toContain(item.product_id);
			expect(item.rating).toBeGreaterThanOrEqual(4);
		}
	});

	test('Delete sends the id and confirms; Get then finds nothing', async () => {
		const [target] = (await runNode({ sandbox: ctx.sandbox, parameters: review('getAll', { limit: 1 }) })).items;
		const result = await runNode({ sandbox: ctx.sandbox, parameters: review('delete', { reviewId: byId(target.id) }) });
		expect(result.error).toBeUndefined();
		expect(wire(result.requests[0])).toEqual({ method: 'POST', path: `${API}/delete_review`, query: {}, body: { id: target.id } });
		expect(result.items).toEqual([{ success: true, deleted: true, id: target.id, request_id: result.requests[0].requestId }]);
		const gone = await runNode({ sandbox: ctx.sandbox, parameters: review('get', { reviewId: byId(target.id) }) });
		expectTrustooError(gone, { code: 5, meaning: 'not found', message: `not found: review ${target.id}` });
	});

	const create = (extra, additionalFields = {}) => review('create', { rating: 5, author: 'Ana', source: 'Shop', ...extra, additionalFields });
	test.each([
		['rating 6', create({ rating: 6 }), 'Rating must be a whole number from 1 to 5'],
		['rating 0', create({ rating: '={{ 0 }}' }), 'Rating must be a whole number from 1 to 5'],
		['rating 4.5', create({ rating: 4.5 }), 'Rating must be a whole number from 1 to 5'],
		['an empty author', create({ author: '={{ "  " }}' }), 'Author is required'],
		['a long author', create({ author: 'x'.repeat(121) }), 'Author must be at most 120 characters'],
		['a malformed date', create({ commentedAt: '2026-13-01' }), 'Commented At must be a real date such as 2026-05-01 or 2026-05-01 13:45:00'],
		['a bad email', create({}, { authorEmail: 'zoe@' }), 'Author Email must be an email address such as ana@example.com'],
		['a bad product ID', create({}, { productId: 'boots' }), 'Product ID must be a numeric ID (digits only)'],
		['a long title', create({}, { title: 't'.repeat(301) }), 'Title must be at most 300 characters'],
		['a bad reply date', create({}, { reply: { value: { content: 'Thanks', replyAt: 'tomorrow' } } }), 'Reply → Replied At must be a real date such as 2026-05-01 or 2026-05-01 13:45:00'],
		['a media URL that is not a URL', create({}, { media: { entries: [{ url: 'a.jpg', type: 'image', isPublished: true }] } }), 'Media entry 1: URL must be a full http(s) URL such as https://example.com/hooks/trustoo'],
		['an unknown media type', create({}, { mediaJson: '[{"url": "https://x.io/a.gif", "type": "gif"}]' }), 'Media entry 1: Type must be image or video'],
		['media JSON that is not a list of objects', create({}, { mediaJson: '[1, 2]' }), 'Media (JSON) must be a list of objects with url and type'],
		['eleven media entries', create({}, { mediaJson: JSON.stringify(Array.from({ length: 11 }, (_, i) => ({ url: `https://x.io/${i}.jpg` }))) }), 'Media must have at most 10 entries'],
	])('Create with %s is refused before any request', async (_name, parameters, message) => {
		expectRefused(await runNode({ sandbox: ctx.sandbox, parameters }), message);
	});

	test('Get Many with a product ID that is not a number is refused before any request', async () => {
		expectRefused(
			await runNode({ sandbox: ctx.sandbox, parameters: review('getAll', { limit: 5, filters: { productIds: '9200305176832, blue-boots' } }) }),
			'Product IDs must be numeric IDs separated by commas, such as 9200305176832, 9200305176833',
		);
	});

	test('Get with an empty ID is refused before any request', async () => {
		expectRefused(await runNode({ sandbox: ctx.sandbox, parameters: review('get', { reviewId: byId('={{ "" }}') }) }), 'Review is required');
	});
});
