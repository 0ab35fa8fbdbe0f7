// Written for this evaluation set (not third-party): a client-side test suite of the kind a small
// service keeps, using only node built-ins (node:test, node:assert, fetch, fs, child_process).
// It talks to the API at INVENTORY_URL (default http://127.0.0.1:8787/api/v1) with INVENTORY_TOKEN,
// writes exports under EXPORT_DIR, and shells out to git and tar for the release-bundle tests.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';

const BASE = process.env.INVENTORY_URL || 'http://127.0.0.1:8787/api/v1';
const TOKEN = process.env.INVENTORY_TOKEN;
const EXPORT_DIR = process.env.EXPORT_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'inv-'));

async function api(pathname, init = {}) {
  const headers = { 'content-type': 'application/json', ...(init.headers || {}) };
  if (TOKEN) headers.authorization = `Bearer ${TOKEN}`;
  return fetch(`${BASE}${pathname}`, { ...init, headers, redirect: init.redirect || 'manual' });
}

describe('inventory api', () => {
  test('health endpoint answers', async () => {
    const res = await api('/health');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { ok: true });
  });

  test('lists items', async () => {
    const res = await api('/items');
    assert.equal(res.status, 200);
    const items = await res.json();
    assert.ok(items.length >= 2);
    assert.equal(items[0].sku, 'sku-1');
  });

  test('fetches one item', async () => {
    const res = await api('/items/sku-2');
    assert.equal(res.status, 200);
    assert.equal((await res.json()).name, 'nut');
  });

  test('creates an item', async () => {
    const res = await api('/items', { method: 'POST', body: JSON.stringify({ sku: 'sku-9', name: 'washer', qty: 7 }) });
    assert.equal(res.status, 201);
  });

  test('stock report totals quantities', async () => {
    const res = await api('/report');
    assert.equal(res.status, 200);
    const { total } = await res.json();
    assert.ok(total >= 55, `total ${total} below the 55 units seeded`);
  });

  test('stock endpoint is served directly', async () => {
    const res = await api('/stock');
    assert.equal(res.status, 200);
  });
});

describe('exports', () => {
  test('writes a csv export', async () => {
    const res = await api('/items');
    const items = await res.json();
    const file = path.join(EXPORT_DIR, 'items.csv');
    fs.writeFileSync(file, items.map((i) => `${i.sku},${i.qty}`).join('\n'));
    assert.ok(fs.statSync(file).size > 0);
  });

  test('csv export round-trips quantities', () => {
    const file = path.join(EXPORT_DIR, 'roundtrip.csv');
    fs.writeFileSync(file, 'sku-1,40\nsku-2,15\n');
    const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => l.split(','));
    assert.deepEqual(rows.map((r) => Number(r[1])), [40, 15]);
  });
});

describe('release bundle', () => {
  test('records the git version', () => {
    const out = execFileSync('git', ['--version'], { encoding: 'utf8' });
    assert.match(out, /^git version \d+/);
  });

  test('packs the export directory with tar', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{}');
    const out = execFileSync('tar', ['-cf', '-', '-C', dir, 'manifest.json']);
    assert.ok(out.length > 0);
  });
});
