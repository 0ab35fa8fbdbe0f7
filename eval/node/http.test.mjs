// Node's built-in test runner against the loopback stand-in. Each test's true category is in
// EXPECT, written to EVAL_LABELS as `test::<name>` (the id `report` gives a node:test case).
import { test } from 'node:test';
import assert from 'node:assert';
import { appendFileSync } from 'node:fs';

const base = process.env.EVAL_URL;
const closed = process.env.EVAL_CLOSED;
const EXPECT = {
  'orders refused': 'infrastructure',
  'orders 503': 'infrastructure',
  'gateway 502': 'infrastructure',
  'profile 401': 'auth',
  'admin 403': 'auth',
  'v3 route 404': 'routing',
  'slow report times out': 'infrastructure',
  'reset mid-request': 'infrastructure',
  'redirect loop': 'routing',
  'relative base url': 'routing',
  'order total': 'logic',
  'customer name': 'logic',
  'deep equal': 'logic',
};
if (process.env.EVAL_LABELS) {
  for (const [name, category] of Object.entries(EXPECT)) appendFileSync(process.env.EVAL_LABELS, `test::${name}\t${category}\n`);
}

const status = async (path) => (await fetch(base + path)).status;

test('orders refused', async () => { await fetch(closed + '/api/orders'); });
test('orders 503', async () => { assert.strictEqual(await status('/status/503'), 200); });
test('gateway 502', async () => { assert.equal(await status('/status/502'), 200); });
test('profile 401', async () => { assert.strictEqual(await status('/status/401'), 200); });
test('admin 403', async () => {
  const res = await fetch(base + '/status/403');
  assert.ok(res.ok, `GET /status/403 returned ${res.status} ${res.statusText}`);
});
test('v3 route 404', async () => { assert.strictEqual(await status('/api/v3/orders'), 200); });
test('slow report times out', async () => { await fetch(base + '/slow', { signal: AbortSignal.timeout(300) }); });
test('reset mid-request', async () => { await fetch(base + '/reset'); });
test('redirect loop', async () => { await fetch(base + '/loop'); });
test('relative base url', async () => { await fetch(base.replace('http://', '') + '/ok'); });
test('order total', async () => {
  const body = await (await fetch(base + '/ok')).json();
  assert.strictEqual(body.total, 11);
});
test('customer name', async () => {
  const body = await (await fetch(base + '/ok')).json();
  assert.strictEqual(body.customer.name, 'ACME');
});
test('deep equal', async () => {
  const body = await (await fetch(base + '/ok')).json();
  assert.deepStrictEqual(body.items.map((i) => i.id), [1, 2, 3]);
});
