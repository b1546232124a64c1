// A clinic's page and Unfurl on two real origins (localhost and 127.0.0.1 are
// different origins to the browser): the example page frames the app, a
// session runs by real taps inside the frame, and the page hears exactly the
// documented events — no health data. A third origin hears nothing. Storage
// and service-worker refusal inside the frame raise no error.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pastCheck } from './helpers.mjs';
import { PORT } from './port.mjs';

const APP = `http://127.0.0.1:${PORT}/`;
const EVENT_FIELDS = new Set(['type', 'duration_s', 'exercises_done']);

async function frameOf(page) {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => window.unfurl && window.unfurl.ready);
  await frame.evaluate(() => window.unfurl.ready);
  return { frame, handle };
}

async function tapIn(page, { frame, handle }, id) {
  // The whole frame on screen (it is shorter than the phone), then a real tap at the control.
  await handle.scrollIntoViewIfNeeded();
  const box = await handle.boundingBox();
  await expect.poll(async () => (await frame.evaluate(() => window.unfurl.widgets())).some((w) => w.id === id),
    { message: `${id} in the frame` }).toBe(true);
  const w = (await frame.evaluate(() => window.unfurl.widgets())).find((x) => x.id === id);
  // As tests/e2e/helpers.mjs's tap: a moment's look first at a new control where the last tap landed.
  const x = w.x + w.w / 2, y = w.y + w.h / 2, what = `${w.id} ${w.action}`;
  const last = lastTapIn.get(page);
  if (last && last.what !== what && last.x >= w.x && last.x < w.x + w.w && last.y >= w.y && last.y < w.y + w.h)
    await page.waitForTimeout(700);
  await page.touchscreen.tap(box.x + x, box.y + y);
  lastTapIn.set(page, { x, y, what });
}
const lastTapIn = new WeakMap();

// "None of these…" by real taps in the frame: "See the rest ↓" first where the list is taller than the frame.
async function noneIn(page, f) {
  const from = (await f.frame.evaluate(() => window.unfurl.state())).screen;
  for (let i = 0; i < 12; i++) {
    const w = (await f.frame.evaluate(() => window.unfurl.widgets())).find((x) => x.id === 'none');
    await tapIn(page, f, 'none');
    if (w && w.action === 'answer') return;
    await page.waitForTimeout(150);  // a screenful on
    if ((await f.frame.evaluate(() => window.unfurl.state())).screen !== from) return;
  }
}

const until = (frame, fn, message, timeout = 30_000) =>
  expect.poll(async () => fn(await frame.evaluate(() => window.unfurl.state())), { message, timeout, intervals: [100] }).toBeTruthy();

test('the example page embeds Unfurl from another origin and hears only the documented events', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // Inside the frame, this browser refuses storage and the service worker, as some do for third parties.
  await page.addInitScript(() => {
    if (window === window.top) return;
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    if (navigator.serviceWorker) navigator.serviceWorker.register = () => Promise.reject(new DOMException('denied', 'SecurityError'));
  });
  await page.goto(`/embed-example.html?app=${encodeURIComponent(`${APP}?test=1&timescale=40`)}`);
  const f = await frameOf(page);
  expect(new URL(f.frame.url()).origin).toBe(`http://127.0.0.1:${PORT}`);
  expect(new URL(page.url()).origin).toBe(`http://localhost:${PORT}`);
  const s0 = await f.frame.evaluate(() => window.unfurl.state());
  expect(s0.embed).toBe(true);
  expect(s0.parent).toBe(`http://localhost:${PORT}`);
  expect(s0.notices.length, 'the frame says its storage is refused').toBeGreaterThan(0);

  await tapIn(page, f, 'ack-intro');
  await tapIn(page, f, 'start');
  await until(f.frame, (s) => s.screen === 'screening', 'the one-time history questions');
  await noneIn(page, f);
  await until(f.frame, (s) => s.screen === 'check', 'check');
  await noneIn(page, f);
  await until(f.frame, (s) => s.screen === 'rating-before', 'rating');
  await tapIn(page, f, 'before-6');
  await until(f.frame, (s) => s.screen === 'session', 'session');
  await until(f.frame, (s) => s.screen === 'finish', 'finish', 90_000);
  await tapIn(page, f, 'after-3');
  await tapIn(page, f, 'finish');
  await until(f.frame, (s) => s.screen === 'home', 'home');

  await expect.poll(() => page.evaluate(() => window.received.map((e) => e.type)))
    .toEqual(['unfurl:session-started', 'unfurl:session-completed']);
  for (const e of await page.evaluate(() => window.received))
    for (const k of Object.keys(e)) expect(EVENT_FIELDS.has(k), `field ${k}`).toBe(true);
  expect(errors).toEqual([]);
});

test('a page on a third origin that frames Unfurl naming another parent hears nothing', async ({ page }) => {
  test.setTimeout(90_000);
  // The third origin is a real local server (Chromium does not let a page of
  // unknown address frame a local one); its page names the suite's localhost as parent.
  const dir = mkdtempSync(join(tmpdir(), 'unfurl-third-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
    <iframe src="${APP}?embed=1&test=1&timescale=40&parent=${encodeURIComponent(`http://localhost:${PORT}`)}"
      style="width:400px;height:720px;border:0"></iframe>
    <script>window.received = []; addEventListener('message', (e) => window.received.push(e.data));</script>`);
  const port = 8900 + Math.floor(Math.random() * 90);
  const server = spawn('node', ['scripts/static-server.mjs', dir, String(port)], { stdio: 'ignore' });
  try {
    await expect.poll(() => fetch(`http://localhost:${port}/`).then((r) => r.ok, () => false)).toBe(true);
    await page.goto(`http://localhost:${port}/`);
    const f = await frameOf(page);
    expect(await f.frame.evaluate(() => window.unfurl.act('ack', 'intro'))).toBe(true);
    await pastCheck(f.frame);
    expect(await f.frame.evaluate(() => window.unfurl.act('skip'))).toBe(true);
    await until(f.frame, (s) => s.screen === 'session', 'session started');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.received)).toEqual([]);
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
