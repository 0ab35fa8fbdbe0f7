// Written for this evaluation set (not third-party): a small inventory API the node:test suite in
// inventory.test.mjs talks to. Listens on 127.0.0.1 only. Plain HTTP, or HTTPS with TLS_CERT/TLS_KEY.
// usage: node server.mjs PORT   (env: API_TOKEN the token it accepts, TLS_CERT, TLS_KEY, SERVER_BUILD)
import http from 'node:http';
import https from 'node:https';
import fs from 'node:fs';

const port = Number(process.argv[2] || 8787);
const token = process.env.API_TOKEN || 'dev-token-123';
const items = new Map([
  ['sku-1', { sku: 'sku-1', name: 'bolt', qty: 40 }],
  ['sku-2', { sku: 'sku-2', name: 'nut', qty: 15 }],
]);

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function handler(req, res) {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  if (p === '/api/v1/health') return send(res, 200, { ok: true });
  if (p === '/api/v1/items' && req.method === 'GET') return send(res, 200, [...items.values()]);
  if (p === '/api/v1/items' && req.method === 'POST') {
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: 'invalid or expired token' });
    let body = '';
    for await (const chunk of req) body += chunk;
    const item = JSON.parse(body);
    items.set(item.sku, item);
    return send(res, 201, item);
  }
  const m = p.match(/^\/api\/v1\/items\/([\w-]+)$/);
  if (m && req.method === 'GET') {
    const it = items.get(m[1]);
    return it ? send(res, 200, it) : send(res, 404, { error: 'no such item' });
  }
  if (m && req.method === 'DELETE') {
    if (req.headers.authorization !== `Bearer ${token}`) return send(res, 401, { error: 'invalid or expired token' });
    return send(res, 403, { error: 'deleting items requires the admin role' });
  }
  if (p === '/api/v1/report') {
    const all = [...items.values()];
    // SERVER_BUILD=next: a newer build with a regression (the total only counts the first item)
    const total = process.env.SERVER_BUILD === 'next' ? all[0].qty : all.reduce((a, i) => a + i.qty, 0);
    return send(res, 200, { total });
  }
  if (p === '/api/v1/stock') {
    // SERVER_BUILD=next moved this endpoint and answers with a redirect
    if (process.env.SERVER_BUILD === 'next') { res.writeHead(301, { location: '/api/v2/stock' }); return res.end(); }
    return send(res, 200, [...items.values()].map((i) => ({ sku: i.sku, qty: i.qty })));
  }
  return send(res, 404, { error: `no route for ${req.method} ${p}` });
}

const server = process.env.TLS_CERT
  ? https.createServer({ cert: fs.readFileSync(process.env.TLS_CERT), key: fs.readFileSync(process.env.TLS_KEY) }, handler)
  : http.createServer(handler);
server.listen(port, '127.0.0.1', () => console.log(`listening on ${port}`));
