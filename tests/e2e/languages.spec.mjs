// Languages load on demand: a first visit downloads only the language the
// page shows (the app carries no words); any other is one file, fetched once
// when chosen, kept by the service worker for offline use, and fetched before
// the first frame when the page will open in it. A language that cannot be
// fetched leaves the page as it was, and says so.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, state, widgets, act, tap, until, toCheck } from './helpers.mjs';

const EN = JSON.parse(readFileSync(new URL('../../assets/i18n/en.json', import.meta.url), 'utf8'));

const labels = async (page) => (await widgets(page)).map((w) => w.label);

// What the page showed on its first frame: the canvas is marked "drawn" then
// (web/app.js), and this observer runs before any later frame.
const watchFirstFrame = (page) => page.addInitScript(() => {
  new MutationObserver((_, observer) => {
    const canvas = document.getElementById('canvas');
    if (!canvas || !canvas.classList.contains('drawn')) return;
    window.firstFrame = { lang: window.unfurl.state().lang, labels: window.unfurl.widgets().map((w) => w.label) };
    observer.disconnect();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['class'] });
});
const firstFrame = (page) => page.evaluate(() => window.unfurl.ready.then(() => window.firstFrame));

// Responses for a language file that crossed the network (not those the service worker answered from its cache).
function downloads(context, file) {
  const seen = [];
  context.on('response', (r) => {
    if (r.url().endsWith(`/i18n/${file}`) && (r.request().serviceWorker() || !r.fromServiceWorker())) seen.push(r.status());
  });
  return seen;
}

test('Spanish chosen on a first visit is fetched once, works offline after a reload, and is there on the first frame', async ({ page, context }) => {
  test.setTimeout(90_000);
  const spanish = downloads(context, 'es.json');
  await watchFirstFrame(page);
  // No test=1: the app registers its own service worker, as for anyone.
  const errors = await open(page);
  expect((await state(page)).lang).toBe('en');
  expect((await state(page)).languages).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'pt']);
  expect(spanish, 'an English visit downloads no other language').toEqual([]);
  await act(page, 'ack', 'intro');
  await tap(page, 'open-settings');
  await until(page, (s) => s.screen === 'settings', 'settings');
  await tap(page, 'lang-es');
  await until(page, (s) => s.lang === 'es', 'Spanish, once its file has arrived');
  // widgets() are those of the last frame drawn; the next frame is in Spanish.
  await expect.poll(() => labels(page), { message: 'Settings redrawn in Spanish' }).toEqual(expect.arrayContaining(['Voz']));
  expect(spanish).toEqual([200]);
  // The worker keeps the file the page fetched, without downloading it again.
  await expect.poll(() => page.evaluate(async () => {
    if (!navigator.serviceWorker.controller) return false;
    for (const name of await caches.keys()) if (await (await caches.open(name)).match('i18n/es.json')) return true;
    return false;
  }), { message: 'es.json in the service worker\'s cache' }).toBe(true);

  await context.setOffline(true);
  await page.reload();
  const shown = await firstFrame(page);
  expect(shown.lang, 'the first frame after the reload is Spanish').toBe('es');
  expect(shown.labels).toEqual(expect.arrayContaining(['Empezar', 'Ajustes']));
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await toCheck(page);
  await expect(page.locator('#a11y h2').first()).toHaveText('Antes de empezar');
  expect(spanish, 'fetched once in all').toEqual([200]);
  await context.setOffline(false);
  expect(errors).toEqual([]);
});

test('a link in Spanish fetches Spanish beside the app, and the first frame is already Spanish', async ({ page, context }) => {
  const spanish = downloads(context, 'es.json');
  await watchFirstFrame(page);
  await open(page, 'lang=es&test=1');
  const shown = await firstFrame(page);
  expect(shown.lang).toBe('es');
  expect(shown.labels).toEqual(expect.arrayContaining(['Entendido', 'Empezar']));
  expect(spanish).toEqual([200]);
});

test('a language whose file cannot be fetched keeps the current one, with a notice', async ({ page }) => {
  await page.route('**/i18n/es.json', (route) => route.abort());
  await open(page, 'test=1');
  await act(page, 'ack', 'intro');
  await tap(page, 'open-settings');
  await until(page, (s) => s.screen === 'settings', 'settings');
  await tap(page, 'lang-es');
  await until(page, (s) => s.notices.some((n) => n.id === 'lang.failed'), 'the notice');
  const s = await state(page);
  expect(s.lang).toBe('en');
  expect(s.notices.find((n) => n.id === 'lang.failed').text).toContain('Español could not be downloaded');
  expect(await labels(page)).toEqual(expect.arrayContaining(['Voice']));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a link in a language that cannot be fetched opens in English, with a notice', async ({ page }) => {
  await page.route('**/i18n/es.json', (route) => route.abort());
  await open(page, 'lang=es&test=1');
  await until(page, (s) => s.notices.some((n) => n.id === 'lang.failed'), 'the notice');
  expect((await state(page)).lang).toBe('en');
  expect(await labels(page)).toEqual(expect.arrayContaining(['Start']));
});

test('an unknown lang= keeps English with a notice and fetches nothing but English', async ({ page, context }) => {
  const any = [];
  context.on('request', (r) => { if (r.url().includes('/i18n/')) any.push(new URL(r.url()).pathname); });
  await open(page, 'lang=xx&test=1');
  const s = await state(page);
  expect(s.lang).toBe('en');
  expect(s.notices.map((n) => n.id)).toEqual(['config.lang']);
  expect(any).toEqual(['/i18n/en.json']);
});

// The wasm carries no words: each visitor downloads the one language the page
// shows, before the first frame, and a Spanish visit never downloads English.
test('a first visit fetches only the language the page shows', async ({ browser }) => {
  for (const [query, file, label] of [['lang=es', 'es.json', 'Empezar'], ['', 'en.json', 'Start']]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched = [];
    context.on('request', (r) => { if (r.url().includes('/i18n/')) fetched.push(new URL(r.url()).pathname); });
    await open(page, `${query}&test=1`);
    expect(await labels(page)).toEqual(expect.arrayContaining([label]));
    expect(fetched).toEqual([`/i18n/${file}`]);
    await context.close();
  }
});

test('when the page\'s language cannot be fetched it starts in English and says so; without English too, the page says it cannot load', async ({ page }) => {
  await page.route('**/i18n/de.json', (route) => route.abort());
  await open(page, 'lang=de&test=1');
  await until(page, (s) => s.notices.some((n) => n.id === 'lang.failed'), 'the notice');
  expect((await state(page)).lang).toBe('en');
  await page.route('**/i18n/en.json', (route) => route.fulfill({ status: 200, body: '<html>502 Bad Gateway</html>' }));
  await page.goto('./?lang=de&test=1');
  await expect(page.locator('#unsupported')).toBeVisible();
  await expect(page.locator('#unsupported-text')).toHaveText(EN['page.load_failed']);
});

// After the first visit the worker keeps every language, so one can be chosen
// in bed with no signal; the first visit itself downloaded only its own.
test('from the second visit on, any language can be chosen offline', async ({ page, context }) => {
  test.setTimeout(90_000);
  await open(page);  // no test=1: the app registers its own worker
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  const codes = (await state(page)).languages;
  await expect.poll(() => page.evaluate(async (all) => {
    const c = await caches.open((await caches.keys()).find((k) => k.startsWith('unfurl-')));
    let n = 0;
    for (const code of all) if (await c.match(`i18n/${code}.json`)) n++;
    return n;
  }, codes), { message: 'every language in the worker\'s cache', timeout: 30_000 }).toBe(codes.length);
  await context.setOffline(true);
  await act(page, 'ack', 'intro');
  await tap(page, 'open-settings');
  await until(page, (s) => s.screen === 'settings', 'settings');
  await tap(page, 'lang-pl');
  await until(page, (s) => s.lang === 'pl', 'Polish, offline');
  expect((await state(page)).notices.map((n) => n.id)).not.toContain('lang.failed');
  await context.setOffline(false);
});
