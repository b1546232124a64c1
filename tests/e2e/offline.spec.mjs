// Installed or not, the routine must work in bed with no signal: after one
// visit the service worker has everything, and a reload offline still boots.
import { test, expect } from '@playwright/test';
import { open, act, state, tap, until, toCheck, answerNone } from './helpers.mjs';

test('after one visit a whole session runs offline, from Start to Done', async ({ page, context }) => {
  test.setTimeout(120_000);
  // test=1 (for the timescale) keeps the app from registering its worker, so
  // the test registers the very same sw.js itself.
  await open(page, 'test=1&timescale=40');
  await page.evaluate(() => navigator.serviceWorker.register('sw.js').then(() => navigator.serviceWorker.ready));
  // The worker controls the page from the next load on.
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect((await state(page)).screen).toBe('home');
  await act(page, 'ack', 'intro');
  await toCheck(page);  // the history questions and the check work offline
  await answerNone(page);
  await until(page, (s) => s.screen === 'rating-before', 'rating');
  await tap(page, 'skip');
  await until(page, (s) => s.screen === 'finish', 'the whole routine, offline', 90_000);
  await tap(page, 'finish');
  await until(page, (s) => s.screen === 'home', 'done');
  const history = await page.evaluate(() => window.unfurl.history());
  expect(history.sessions.at(-1).outcome).toBe('completed');
  await context.setOffline(false);
});

// test=0 is no test, as the app reads it (the shell asks, unfurl_early): the
// page registers its worker as any visitor's does.
test('a page with test=0 registers the service worker, as one without test= does', async ({ page }) => {
  await open(page, 'test=0');
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r)),
    { message: 'the worker registered' }).toBe(true);
});

test('the service worker cache is named by the content it holds', async ({ page }) => {
  const sw = await (await page.request.get('sw.js')).text();
  expect(sw).toMatch(/const CACHE\s*=\s*["']unfurl-[0-9a-f]{12}["']/);
  for (const f of ['index.html', 'unfurl.js', 'unfurl.wasm', 'inter.ttf', 'app.js', 'prescribe.html', 'qrcode.js'])
    expect(sw).toMatch(new RegExp(`["']\\./${f.replace('.', '\\.')}["']`));  // minified or not
  const res = await page.request.get('sw.js');
  expect(res.headers()['cache-control']).toBe('no-cache');
  expect((await page.request.get('unfurl.wasm')).headers()['content-type']).toBe('application/wasm');
});
