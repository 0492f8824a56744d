'use strict';

const { startSandbox } = require('../../sandbox');
const { signedCall, allPages, expectEnvelope, HEX32 } = require('./helpers/client');

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

let sb;
beforeAll(async () => {
  sb = await startSandbox({ reviewCount: 10 });
});
afterAll(() => sb.close());

describe('email_unsubscribe', () => {
  test('answers {code:0, message:"OK", request_id} without data, as documented', async () => {
    const res = await signedCall(sb, { path: 'email_unsubscribe', body: { email: 'buyer@example.com', email_type: 'review_request' } });
    expect(res.json).toEqual({ code: 0, message: 'OK', request_id: expect.stringMatching(HEX32) });
    expect(sb._store.unsubscribes).toEqual([expect.objectContaining({ email: 'buyer@example.com', email_type: 'review_request', shopId: sb.shops[0].id })]);
  });

  test.each([
    [{ email_type: 'all' }, 'email is required'],
    [{ email: 'nope', email_type: 'all' }, 'email must be a valid email address'],
    [{ email: 'a@b.co' }, 'email_type is required'],
    [{ email: 'a@b.co', email_type: 'newsletter' }, 'email_type must be one of all, review_request'],
  ])('%j -> 3', async (body, fragment) => {
    const res = await signedCall(sb, { path: 'email_unsubscribe', body });
    expectEnvelope(res.json, 3);
    expect(res.json.message).toContain(`invalid argument: ${fragment}`);
  });
});

describe('customer exclusions', () => {
  const list = async (shop) => (await allPages(sb, 'get_customer_excludes', {}, 100, shop)).items;

  test('seeded list is paginated CustomerExclusion objects', async () => {
    const items = await list();
    expect(items.length).toBe(3);
    for (const x of items) {
      expect(Object.keys(x)).toEqual(['customer_id', 'first_name', 'last_name', 'email', 'phone', 'created_at', 'updated_at']);
      expect(x.created_at).toMatch(ISO);
    }
  });

  test('create for a known customer fills the names; duplicate -> 6', async () => {
    const known = sb._store.customers[sb.shops[0].id].find((c) => !sb._store.exclusions.some((x) => x.email === c.email));
    const res = await signedCall(sb, { path: 'create_customer_exclude', body: { email: known.email.toUpperCase() } });
    expectEnvelope(res.json, 0);
    expect(res.json.data).toMatchObject({ customer_id: known.customer_id, first_name: known.first_name, email: known.email });
    const dup = await signedCall(sb, { path: 'create_customer_exclude', body: { email: known.email } });
    expectEnvelope(dup.json, 6);
    expect((await list()).map((x) => x.customer_id)).toContain(known.customer_id);
  });

  test('create for an unknown email gets a new customer id; bad email -> 3', async () => {
    const res = await signedCall(sb, { path: 'create_customer_exclude', body: { email: 'stranger@example.org' } });
    expect(res.json.data).toMatchObject({ email: 'stranger@example.org', first_name: '', customer_id: expect.stringMatching(/^\d+$/) });
    expect((await signedCall(sb, { path: 'create_customer_exclude', body: {} })).json.code).toBe(3);
  });

  test('delete by email or customer_id; exactly one required; unknown -> 5', async () => {
    const both = await signedCall(sb, { path: 'delete_customer_exclude', body: { email: 'stranger@example.org', customer_id: '1' } });
    expect(both.json).toMatchObject({ code: 3, message: 'invalid argument: exactly one of customer_id or email is required' });
    expect((await signedCall(sb, { path: 'delete_customer_exclude', body: {} })).json.code).toBe(3);
    expect((await signedCall(sb, { path: 'delete_customer_exclude', body: { email: 'stranger@example.org' } })).json.code).toBe(0);
    expect((await signedCall(sb, { path: 'delete_customer_exclude', body: { email: 'stranger@example.org' } })).json.code).toBe(5);
    const first = (await list())[0];
    expect((await signedCall(sb, { path: 'delete_customer_exclude', body: { customer_id: first.customer_id } })).json.code).toBe(0);
    expect((await list()).map((x) => x.customer_id)).not.toContain(first.customer_id);
    expect((await signedCall(sb, { path: 'delete_customer_exclude', body: { customer_id: '123' } })).json.code).toBe(5);
  });

  test('exclusions are per shop', async () => {
    const other = await list(sb.shops[1]);
    const mine = new Set((await list()).map((x) => x.customer_id));
    expect(other.length).toBeGreaterThan(0);
    expect(other.some((x) => mine.has(x.customer_id))).toBe(false);
    const victim = (await list())[0];
    const res = await signedCall(sb, { path: 'delete_customer_exclude', shop: sb.shops[1], body: { customer_id: victim.customer_id } });
    expect(res.json.code).toBe(5);
  });
});
