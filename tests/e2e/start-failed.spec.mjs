// A start that fails, for any reason, never leaves the page at "Getting
// ready": it says Unfurl could not start, in the page's language, offers the
// stored data as it is, and starts again with it kept aside — never erased.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { state, act, tap, until } from './helpers.mjs';

const KEY = 'unfurl:v1';
const words = (code) => JSON.parse(readFileSync(resolve(`dist/i18n/${code}.json`), 'utf8'));
const DOC = JSON.stringify({ schema: 1, sessions: [{ id: 'kept-1', day: 20000, outcome: 'completed', before: 6, after: 3 }],
  settings: { lang: 'de' }, acks: { intro: true }, mine: 'Ana \ud83d' });
const seed = (page, doc) => page.addInitScript(([k, v]) => {
  if (!sessionStorage.getItem('seeded')) { localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); }
}, [KEY, doc]);
const saved = (download) => download.createReadStream().then((s) => s.toArray()).then((parts) => Buffer.concat(parts).toString('utf8'));
const asides = (page) => page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(`${k}:unreadable:`)).map((x) => localStorage.getItem(x)), KEY);

test('a failed start says so in the page\'s language, gives the stored bytes, and starts again with them kept aside', async ({ page }) => {
  await seed(page, DOC);
  await page.goto('./?test=1&fail=start');
  const de = words('de');
  await expect(page.locator('#unsupported')).toBeVisible();
  await expect(page.locator('#loading')).toBeHidden();
  await expect(page.locator('#unsupported-title')).toHaveText(de['page.start_failed_title']);
  await expect(page.locator('#unsupported-text')).toHaveText(de['page.start_failed_body']);
  await expect(page.locator('#recover-download')).toHaveText(de['page.recover_download']);
  await expect(page.locator('#recover-again')).toHaveText(de['page.recover_again']);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  expect((await state(page)).screen).toBe('failed');
  expect(await page.evaluate(() => window.unfurl.ready.then(() => 'resolved', () => 'rejected'))).toBe('rejected');
  // Nothing was written or moved while the page failed.
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(DOC);

  const [file] = await Promise.all([page.waitForEvent('download'), page.locator('#recover-download').click()]);
  expect(await saved(file)).toBe(DOC);

  await page.locator('#recover-again').click();
  await page.waitForURL((u) => !u.search.includes('fail'));
  await page.evaluate(() => window.unfurl.ready);
  await until(page, (s) => s.screen === 'home', 'Home, after starting again');
  const s = await state(page);
  expect(s.notices.find((n) => n.id === 'history.unreadable').text).toBe(words('en')['notice.history_aside_restart']);
  expect(await asides(page)).toEqual([DOC]);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  // The app's next save is written beside the copy, never over it; History offers the copy.
  expect(await act(page, 'ack', 'intro')).toBe(true);
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), KEY)).not.toBeNull();
  expect(await asides(page)).toEqual([DOC]);
  await act(page, 'open', 'history');
  await until(page, (x) => x.screen === 'history', 'History');
  const [copy] = await Promise.all([page.waitForEvent('download'), tap(page, 'export-aside')]);
  expect(await saved(copy)).toBe(DOC);
});

test('a trap in the wasm while starting ends on the same page, not on the loading screen', async ({ page }) => {
  await seed(page, DOC);
  // The module emcc's glue makes, its start made to trap as a bug in the app would.
  await page.addInitScript(() => {
    let made;
    Object.defineProperty(window, 'createUnfurl', {
      configurable: true,
      get: () => made,
      set: (f) => {
        made = (o) => f(o).then((m) => {
          m._unfurl_start = () => { throw new WebAssembly.RuntimeError('unreachable'); };
          return m;
        });
      },
    });
  });
  await page.goto('./?test=1');
  await expect(page.locator('#unsupported-title')).toHaveText(words('de')['page.start_failed_title']);
  await expect(page.locator('#loading')).toBeHidden();
  await expect(page.locator('#recover-again')).toBeVisible();
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(DOC);
});

test('with nothing stored, a failed start offers only to start again', async ({ page }) => {
  await page.goto('./?test=1&fail=start&lang=fr');
  await expect(page.locator('#unsupported-title')).toHaveText(words('fr')['page.start_failed_title']);
  await expect(page.locator('#recover-download')).toBeHidden();
  await page.locator('#recover-again').click();
  await page.waitForURL((u) => !u.search.includes('fail'));
  await page.evaluate(() => window.unfurl.ready);
  const s = await state(page);
  expect(s.screen).toBe('home');
  expect(s.lang).toBe('fr');
  expect(s.notices).toEqual([]);
  expect(await asides(page)).toEqual([]);
});

// The shell once read the stored language by hand and assumed a string: a
// number, a list or an object there left the page loading for ever.
test('a stored language of any type is only "not set": the app starts in the page\'s language', async ({ page }) => {
  const es = words('es');
  await page.goto('./?test=1&lang=es');
  for (const lang of [7, true, ['de'], { code: 'de' }, 'de-AT', '']) {
    await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); },
      [KEY, JSON.stringify({ schema: 1, sessions: [], settings: { lang } })]);
    await page.reload();
    await page.evaluate(() => window.unfurl.ready);
    const s = await state(page);
    expect(s.screen, JSON.stringify(lang)).toBe('home');
    expect(s.lang, JSON.stringify(lang)).toBe('es');
    await expect(page.locator('#loading-text')).toHaveText(es['page.loading']);
  }
});

// fail=start is for a test's page, and which page is a test's is the app's
// reading of test= (the shell asks it, unfurl_early): test=true is test=1,
// test=0 no test at all.
test('test=true makes fail=start fail the start; test=0 does not', async ({ page }) => {
  await page.goto('./?test=true&fail=start');
  await expect(page.locator('#unsupported')).toBeVisible();
  expect((await state(page)).screen).toBe('failed');
  await page.goto('./?test=0&fail=start');
  await page.evaluate(() => window.unfurl.ready);
  expect((await state(page)).screen).toBe('home');
});
