// Installed or not, the routine must work in bed with no signal: after one
// visit the service worker has everything, and a reload offline still boots.
import { test, expect } from '@playwright/test';
import { open, state, tap, until } from './helpers.mjs';

test('after one visit the app starts again offline', async ({ page, context }) => {
  await open(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The worker controls the page from the next load on.
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect((await state(page)).screen).toBe('home');
  await tap(page, 'start');
  await until(page, (s) => s.screen === 'check', 'the check works offline');
  await context.setOffline(false);
});

test('the service worker cache is named by the content it holds', async ({ page }) => {
  const sw = await (await page.request.get('sw.js')).text();
  expect(sw).toMatch(/const CACHE = 'unfurl-[0-9a-f]{12}'/);
  for (const f of ['index.html', 'unfurl.js', 'unfurl.wasm', 'inter.otf', 'app.js']) expect(sw).toContain(`'./${f}'`);
  const res = await page.request.get('sw.js');
  expect(res.headers()['cache-control']).toBe('no-cache');
  expect((await page.request.get('unfurl.wasm')).headers()['content-type']).toBe('application/wasm');
});
