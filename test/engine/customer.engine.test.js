'use strict';
const { EMAIL_TYPES } = require('../../sandbox/data/catalog');
const { Trustoo } = require('../../dist/nodes/Trustoo/Trustoo.node.js');
const { API, ERROR_MODES, useSandbox, runNode, wire, expectSigned, expectTrustooError, expectRefused, platformCredentials } = require('./support');

const customer = (operation, extra) => ({ resource: 'customer', operation, ...extra });

function exclusionsOf(sandbox) {
	return sandbox._store.exclusions.filter((exclusion) => exclusion._shopId === sandbox.shops[0].id);
}

describe('Customer → Email Unsubscribe options', () => {
	test('offer every documented email type', () => {
		const field = new Trustoo().description.properties.find((p) => p.name === 'emailType');
		expect(field.options.map((option) => option.value).sort()).toEqual([...EMAIL_TYPES].sort());
	});
});

describe.each(ERROR_MODES)('Customer (errorMode=%s)', (errorMode) => {
	const ctx = useSandbox(errorMode);

	describe('Email Unsubscribe', () => {
		test.each(EMAIL_TYPES)('email type %s is sent as documented and confirmed', async (emailType) => {
			const result = await runNode({ sandbox: ctx.sandbox, parameters: customer('emailUnsubscribe', { email: ' ana@example.com ', emailType }) });
			expect(result.error).toBeUndefined();
			expect(result.requests).toHaveLength(1);
			expect(wire(result.requests[0])).toEqual({
				method: 'POST',
				path: `${API}/email_unsubscribe`,
				query: {},
				body: { email: 'ana@example.com', email_type: emailType },
			});
			expectSigned(result.requests[0], ctx.sandbox);
			expect(result.items).toEqual([
				{ success: true, email: 'ana@example.com', email_type: emailType, request_id: result.requests[0].requestId },
			]);
			expect(ctx.sandbox._store.unsubscribes).toEqual([expect.objectContaining({ email: 'ana@example.com', email_type: emailType })]);
		});

		test('a bad email is refused before any request', async () => {
			expectRefused(
				await runNode({ sandbox: ctx.sandbox, parameters: customer('emailUnsubscribe', { email: 'ana.example.com', emailType: 'all' }) }),
				'Email must be an email address such as ana@example.com',
			);
		});

		test('an email type outside the documented list is refused before any request', async () => {
			expectRefused(
				await runNode({ sandbox: ctx.sandbox, parameters: customer('emailUnsubscribe', { email: 'ana@example.com', emailType: '={{ "newsletter" }}' }) }),
				/^Email Type must be one of all, advocate_reward_paid, /,
			);
		});
	});

	describe('Create Exclusion', () => {
		test('sends the email and returns the exclusion', async () => {
			const before = exclusionsOf(ctx.sandbox).length;
			const result = await runNode({ sandbox: ctx.sandbox, parameters: customer('createExclusion', { email: 'new.customer@example.com' }) });
			expect(result.error).toBeUndefined();
			expect(wire(result.requests[0])).toEqual({ method: 'POST', path: `${API}/create_customer_exclude`, query: {}, body: { email: 'new.customer@example.com' } });
			expectSigned(result.requests[0], ctx.sandbox);
			expect(result.items).toHaveLength(1);
			expect(result.items[0]).toEqual({
				customer_id: expect.stringMatching(/^\d+$/),
				first_name: '',
				last_name: '',
				email: 'new.customer@example.com',
				phone: '',
				created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
				updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
			});
			expect(exclusionsOf(ctx.sandbox)).toHaveLength(before + 1);
		});

		test('excluding the same customer twice gives code 6 with the request id', async () => {
			const [existing] = exclusionsOf(ctx.sandbox);
			const result = await runNode({ sandbox: ctx.sandbox, parameters: customer('createExclusion', { email: existing.email }) });
			expectTrustooError(result, { code: 6, meaning: 'already exists', message: `already exists: customer exclusion for ${existing.email}` });
		});

		test('a bad email is refused before any request', async () => {
			expectRefused(
				await runNode({ sandbox: ctx.sandbox, parameters: customer('createExclusion', { email: 'not an email' }) }),
				'Email must be an email address such as ana@example.com',
			);
		});
	});

	describe('Delete Exclusion', () => {
		test('by customer ID sends only customer_id', async () => {
			const [target] = exclusionsOf(ctx.sandbox);
			const result = await runNode({ sandbox: ctx.sandbox, parameters: customer('deleteExclusion', { customerId: target.customer_id }) });
			expect(result.error).toBeUndefined();
			expect(wire(result.requests[0])).toEqual({ method: 'POST', path: `${API}/delete_customer_exclude`, query: {}, body: { customer_id: target.customer_id } });
			expect(result.items).toEqual([{ success: true, deleted: true, customer_id: target.customer_id, request_id: result.requests[0].requestId }]);
			expect(exclusionsOf(ctx.sandbox).some((x) => x.customer_id === target.customer_id)).toBe(false);
		});

		test('by email sends only email', async () => {
			const [, target] = exclusionsOf(ctx.sandbox);
			const result = await runNode({ sandbox: ctx.sandbox, parameters: customer('deleteExclusion', { email: target.email }) });
			expect(result.error).toBeUndefined();
			expect(wire(result.requests[0]).body).toEqual({ email: target.email });
			expect(result.items).toEqual([{ success: true, deleted: true, email: target.email, request_id: result.requests[0].requestId }]);
			expect(exclusionsOf(ctx.sandbox).some((x) => x.email === target.email)).toBe(false);
		});

		test.each([
			[{}, 'Give exactly one of Customer ID or Email'],
			[{ customerId: '7390012345001', email: 'ana@example.com' }, 'Give exactly one of Customer ID or Email'],
			[{ customerId: 'abc' }, 'Customer ID must be a numeric ID (digits only)'],
			[{ email: 'ana@' }, 'Email must be an email address such as ana@example.com'],
		])('%j is refused before any request', async (parameters, message) => {
			expectRefused(await runNode({ sandbox: ctx.sandbox, parameters: customer('deleteExclusion', parameters) }), message);
		});

		test('an exclusion that does not exist gives code 5 with the request id', async () => {
			const result = await runNode({ sandbox: ctx.sandbox, parameters: customer('deleteExclusion', { email: 'nobody@example.com' }) });
			expectTrustooError(result, { code: 5, meaning: 'not found', message: 'not found: customer exclusion for nobody@example.com' });
		});
	});

	describe('Get Many Exclusions', () => {
		test('Return All lists every exclusion at the inferred path', async () => {
			const expected = exclusionsOf(ctx.sandbox);
			const result = await runNode({ sandbox: ctx.sandbox, parameters: customer('getManyExclusions', { returnAll: true }) });
			expect(result.error).toBeUndefined();
			expect(wire(result.requests[0])).toEqual({ method: 'GET', path: `${API}/get_customer_excludes`, query: { page_size: '100' }, body: undefined });
			expectSigned(result.requests[0], ctx.sandbox);
			expect(result.items.map((x) => x.customer_id).sort()).toEqual(expected.map((x) => x.customer_id).sort());
			expect(Object.keys(result.items[0]).sort()).toEqual(['created_at', 'customer_id', 'email', 'first_name', 'last_name', 'phone', 'updated_at']);
		});

		test('Limit returns that many', async () => {
			const result = await runNode({ sandbox: ctx.sandbox, parameters: customer('getManyExclusions', { limit: 2 }) });
			expect(result.items).toHaveLength(2);
			expect(result.requests[0].query).toEqual({ page_size: '2' });
		});

		test('with OAuth2', async () => {
			const result = await runNode({
				sandbox: ctx.sandbox,
				parameters: customer('getManyExclusions', { authentication: 'oAuth2', limit: 2 }),
				credentials: platformCredentials(ctx.sandbox),
			});
			expect(result.error).toBeUndefined();
			expect(result.requests[0].auth).toBe('bearer');
			expect(result.items).toHaveLength(2);
		});

		test('Path Override sends the request to the given path instead', async () => {
			const result = await runNode({
				sandbox: ctx.sandbox,
				parameters: customer('getManyExclusions', { limit: 2, options: { pathOverride: ' /api/v1/openapi/get_customer_exclude_list ' } }),
			});
			expect(result.requests.map((request) => request.path)).toEqual(['/api/v1/openapi/get_customer_exclude_list']);
			expectTrustooError(result, {
				code: 5,
				meaning: 'not found',
				message: 'not found: no Open API route /api/v1/openapi/get_customer_exclude_list',
			});
		});

		test.each(['https://elsewhere.example.com/api', '//elsewhere.example.com/x', 'api/v1/x', '/api/v1/x?y=1'])(
			'a Path Override of %s is refused before any request',
			async (pathOverride) => {
				expectRefused(
					await runNode({ sandbox: ctx.sandbox, parameters: customer('getManyExclusions', { limit: 2, options: { pathOverride } }) }),
					'Path Override must be a path on the Trustoo API such as /api/v1/openapi/get_video_upload_url',
				);
			},
		);
	});
});
