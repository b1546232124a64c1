// dist/ on a real web server, the way a clinic's IT team would put it up:
// Debian's nginx, unprivileged, on a loopback port, running exactly
// docs/hosting/nginx.conf (only the port and the clinic's origin changed).
// The app boots and runs a session from it; every response carries the
// headers docs/hosting.md documents; the compressed copies are what is sent;
// the service worker installs and the app then runs offline; a clinic's page on
// another origin may frame it and a third origin may not. And the development
// server (scripts/static-server.mjs) serves nothing outside its folder.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { act, state, until, pastCheck } from './helpers.mjs';

const DIST = resolve('dist');
const CONF = readFileSync('docs/hosting/nginx.conf', 'utf8');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8', '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png', '.ttf': 'font/ttf',
};

const freePort = () => new Promise((done) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => done(port)); });
});

// One raw request, no decompression: the bytes as the server sent them.
const get = (url, headers = {}) => new Promise((done, fail) => {
  httpRequest(url, { headers }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
  }).on('error', fail).end();
});

async function waitFor(url) {
  await expect.poll(() => get(url).then((r) => r.status, () => 0), { message: `${url} up`, timeout: 15_000 }).toBe(200);
}

// The documented headers, on every response of this server.
function expectHeaders(headers, what, clinic) {
  expect(headers['content-security-policy'], what).toBe(`frame-ancestors 'self' ${clinic}`);
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
  expect(headers['cache-control'], what).toBe('no-cache');
}

function startNginx(port, clinic) {
  const prefix = mkdtempSync(join(tmpdir(), 'unfurl-nginx-'));
  chmodSync(prefix, 0o755);  // run as root, nginx's workers are "nobody": they must reach dist/
  mkdirSync(join(prefix, 'logs'));
  mkdirSync(join(prefix, 'tmp'));
  symlinkSync(DIST, join(prefix, 'dist'));
  const conf = CONF.replace(/^(\s*)listen 8080;$/m, `$1listen 127.0.0.1:${port};`)
    .replace("frame-ancestors 'self' https://clinic.example", `frame-ancestors 'self' ${clinic}`);
  expect(conf.split('\n').filter((l, i) => l !== CONF.split('\n')[i]).length, 'only the port and the origin differ').toBe(2);
  writeFileSync(join(prefix, 'nginx.conf'), conf);
  const proc = spawn('nginx', ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  proc.stderr.on('data', (d) => { errors += d; });
  return {
    origin: `http://127.0.0.1:${port}`,
    errors: () => errors + (existsSync(join(prefix, 'logs/error.log')) ? readFileSync(join(prefix, 'logs/error.log'), 'utf8') : ''),
    stop: () => { proc.kill('SIGTERM'); rmSync(prefix, { recursive: true, force: true }); },
  };
}

// A page on its own loopback origin (the dev server), holding one iframe.
function startPage(port, html) {
  const dir = mkdtempSync(join(tmpdir(), 'unfurl-page-'));
  writeFileSync(join(dir, 'index.html'), html);
  const proc = spawn('node', ['scripts/static-server.mjs', dir, String(port)], { stdio: 'ignore' });
  return { origin: `http://localhost:${port}`, stop: () => { proc.kill(); rmSync(dir, { recursive: true, force: true }); } };
}

async function runSession(page) {
  await act(page, 'ack', 'intro');
  await pastCheck(page);
  await act(page, 'skip');
  await until(page, (s) => s.screen === 'session', 'session');
  await until(page, (s) => s.screen === 'finish', 'the whole routine', 90_000);
  expect(await act(page, 'finish')).toBe(true);
  await until(page, (s) => s.screen === 'home', 'home');
}

test.describe('served by nginx with docs/hosting/nginx.conf', () => {
  let nginx, clinic, third;
  test.beforeAll(async () => {
    const [p1, p2, p3] = [await freePort(), await freePort(), await freePort()];
    clinic = `http://localhost:${p2}`;
    nginx = startNginx(p1, clinic);
    await waitFor(`${nginx.origin}/`);
    const frame = (note) => `<!doctype html><title>${note}</title>
      <iframe src="${nginx.origin}/?embed=1&test=1" style="width:400px;height:720px;border:0"></iframe>`;
    const c = startPage(p2, frame('clinic'));
    const t = startPage(p3, frame('third'));
    clinic = c.origin;
    third = t;
    nginx.pages = [c, t];
    await waitFor(`${c.origin}/`);
    await waitFor(`${t.origin}/`);
  });
  test.afterAll(() => {
    for (const p of nginx?.pages || []) p.stop();
    nginx?.stop();
  });

  test('every file has its type, the documented headers and its compressed copies', async () => {
    // Every file of dist/, the language files in their folder too.
    const files = readdirSync(DIST, { recursive: true })
      .filter((f) => !f.endsWith('.br') && !f.endsWith('.gz') && statSync(join(DIST, f)).isFile());
    expect(files).toEqual(expect.arrayContaining(['index.html', 'unfurl.wasm', 'unfurl.js', 'sw.js', join('i18n', 'es.json')]));
    for (const f of files) {
      const url = `${nginx.origin}/${f}`;
      const plain = await get(url);
      expect(plain.status, f).toBe(200);
      expect(plain.headers['content-type'], f).toBe(TYPES[extname(f)]);
      expectHeaders(plain.headers, f, clinic);
      expect(plain.headers['content-encoding'], f).toBeUndefined();
      expect(plain.body.equals(readFileSync(join(DIST, f))), f).toBe(true);
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!existsSync(join(DIST, f + ext))) continue;
        const r = await get(url, { 'Accept-Encoding': enc });
        expect(r.headers['content-encoding'], `${f} ${enc}`).toBe(enc);
        expect(r.headers.vary, `${f} ${enc}`).toBe('Accept-Encoding');
        expect(r.headers['content-type'], `${f} ${enc}`).toBe(TYPES[extname(f)]);
        expectHeaders(r.headers, `${f} ${enc}`, clinic);
        expect(r.body.equals(readFileSync(join(DIST, f + ext))), `${f}${ext} as built`).toBe(true);
      }
    }
    expect(existsSync(join(DIST, 'unfurl.wasm.br')), 'the build made a brotli copy of the app').toBe(true);
    const missing = await get(`${nginx.origin}/no-such-file.js`);
    expect(missing.status).toBe(404);
    expectHeaders(missing.headers, '404', clinic);
  });

  test('the app boots and runs a session, the service worker installs, and it then runs offline', async ({ page, context }) => {
    test.setTimeout(240_000);
    const seen = [];
    page.on('response', (r) => { if (r.url().startsWith(nginx.origin)) seen.push(r); });
    await page.goto(`${nginx.origin}/?test=1&timescale=60`);
    await page.evaluate(() => window.unfurl.ready);
    await runSession(page);
    expect((await page.evaluate(() => window.unfurl.history())).sessions.at(-1).outcome).toBe('completed');

    // test=1 keeps the app from registering its worker, so the page registers the very same sw.js.
    await page.evaluate(() => navigator.serviceWorker.register('sw.js').then(() => navigator.serviceWorker.ready));
    await page.reload();
    await page.evaluate(() => window.unfurl.ready);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    const fromNetwork = seen.filter((r) => !r.fromServiceWorker());
    expect(fromNetwork.map((r) => new URL(r.url()).pathname)).toEqual(expect.arrayContaining(['/', '/unfurl.wasm', '/app.js']));
    const delivered = new Set();
    for (const r of fromNetwork) {
      const h = await r.allHeaders();
      expectHeaders(h, r.url(), clinic);
      // The response that brought each wasm's bytes; a later revalidation (the
      // worker's precache asking again) carries no body and so no type.
      if (r.url().endsWith('.wasm') && !delivered.has(r.url())) {
        delivered.add(r.url());
        expect(h['content-type'], r.url()).toBe('application/wasm');
      }
    }
    expect([...delivered].map((u) => new URL(u).pathname).sort()).toEqual(['/unfurl.deferred.wasm', '/unfurl.wasm']);

    await context.setOffline(true);
    try {
      await page.reload();
      await page.evaluate(() => window.unfurl.ready);
      expect((await state(page)).screen).toBe('home');
      await runSession(page);
      expect((await page.evaluate(() => window.unfurl.history())).sessions.filter((s) => s.outcome === 'completed').length).toBe(2);
    } finally {
      await context.setOffline(false);
    }
    expect(nginx.errors()).not.toMatch(/\[(emerg|alert|crit|error)\]/);
  });

  test("the clinic's page may frame it, a page on a third origin may not", async ({ page }) => {
    const refused = [];
    page.on('console', (m) => { if (/frame-ancestors/.test(m.text())) refused.push(m.text()); });
    await page.goto(`${clinic}/`);
    const framed = await (await page.waitForSelector('iframe')).contentFrame();
    await framed.waitForFunction(() => window.unfurl && window.unfurl.ready);
    expect(await framed.evaluate(() => window.unfurl.ready.then(() => window.unfurl.state().embed))).toBe(true);
    expect(refused).toEqual([]);

    await page.goto(`${third.origin}/`);
    const blocked = await (await page.waitForSelector('iframe')).contentFrame();
    await expect.poll(() => refused.length, { message: 'the browser refuses the frame' }).toBeGreaterThan(0);
    expect(await blocked.evaluate(() => typeof window.unfurl).catch(() => 'unreachable')).not.toBe('object');
  });
});

test('the development server serves nothing from a sibling folder whose name starts like its own', async () => {
  const site = mkdtempSync(join(tmpdir(), 'unfurl-prefix-'));
  mkdirSync(join(site, 'dist'));
  mkdirSync(join(site, 'dist-old'));
  writeFileSync(join(site, 'dist', 'index.html'), 'inside');
  writeFileSync(join(site, 'dist-old', 'secret.txt'), 'outside');
  const port = await freePort();
  const proc = spawn('node', ['scripts/static-server.mjs', join(site, 'dist'), String(port)], { stdio: 'ignore' });
  try {
    await waitFor(`http://127.0.0.1:${port}/`);
    expect((await get(`http://127.0.0.1:${port}/`)).body.toString()).toBe('inside');
    for (const path of ['/..%2fdist-old%2fsecret.txt', '/%2e%2e%2fdist-old%2fsecret.txt', '/..%2f..%2fetc%2fpasswd']) {
      const r = await get(`http://127.0.0.1:${port}${path}`);
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.body.toString(), path).not.toContain('outside');
    }
  } finally {
    proc.kill();
    rmSync(site, { recursive: true, force: true });
  }
});
