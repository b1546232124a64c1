// The wasm in two (docs/performance.md): the first frame is drawn from
// unfurl.wasm alone, whatever page a person opens; unfurl.deferred.wasm comes
// after it, and `ready` waits for it. A deferred function needed sooner is
// loaded on the spot, so a tap never finds a hole.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect } from '@playwright/test';
import { state, act, tap, until, seed, historyAnsweredToday } from './helpers.mjs';

const DEFERRED = '**/unfurl.deferred.wasm';
const rx = Buffer.from(JSON.stringify({ exercises: [{ id: 'knee_to_chest', reps: 2, hold_s: 5 }] })).toString('base64url');

// Holds the deferred file until release() and counts the requests for it;
// the glue's own message names any deferred function called before it came.
async function holdDeferred(page) {
  const held = { requests: 0, early: [] };
  let release;
  const released = new Promise((r) => { release = r; });
  held.release = release;
  page.on('console', (m) => { if (/placeholder function called/.test(m.text())) held.early.push(m.text()); });
  await page.route(DEFERRED, async (route) => {
    held.requests++;
    await released;
    await route.continue();
  });
  return held;
}

const drawn = (page) => page.waitForFunction(() => document.getElementById('canvas').classList.contains('drawn'));

for (const [name, query, prepare] of [
  ['a first visit', '', null],
  ['a returning visit with a history', '', (page) => seed(page, {
    acks: { intro: true, history: historyAnsweredToday() },
    sessions: [{ id: 'r-1', day: 20000, outcome: 'completed', before: 5, after: 3 }] })],
  ['Spanish', 'lang=es', null],
  ['a prescription link', `rx=${rx}`, null],
  ['a clinic\'s frame', `embed=1&clinic=${encodeURIComponent('Clínica Norte')}`, null],
]) {
  test(`${name}: the first frame is drawn before unfurl.deferred.wasm arrives, and nothing waits on it`, async ({ page }) => {
    if (prepare) await prepare(page);
    const held = await holdDeferred(page);
    await page.goto(`./?test=1${query ? `&${query}` : ''}`);
    await drawn(page);
    expect((await state(page)).screen).not.toBe('loading');
    // Still held: the frame above used nothing from it.
    expect(held.requests).toBe(1);
    const ready = page.evaluate(() => window.unfurl.ready.then(() => 'ready'));
    const early = await Promise.race([ready, page.waitForTimeout(300).then(() => 'waiting')]);
    expect(early, 'ready waits for the rest of the app').toBe('waiting');
    held.release();
    expect(await ready).toBe('ready');
    expect(held.early, 'no deferred function was called before its file arrived').toEqual([]);
    // And the rest of the app is there: Start leads on.
    expect(await act(page, 'start')).toBe(true);
    await until(page, (s) => s.screen === 'check' || s.screen === 'screening', 'the screening or the check');
  });
}

test('when the deferred file\'s first download fails, the first tap loads it and does what it says', async ({ page }) => {
  let requests = 0;
  await page.route(DEFERRED, (route) => (++requests === 1 ? route.abort() : route.continue()));
  const loaded = [];
  page.on('console', (m) => { if (/placeholder function called/.test(m.text())) loaded.push(m.text()); });
  await page.goto('./?test=1');
  await page.evaluate(() => window.unfurl.ready);
  expect(requests).toBe(1);
  await tap(page, 'start');
  await until(page, (s) => s.screen === 'check' || s.screen === 'screening', 'the screening or the check');
  expect(requests, 'fetched again when first needed').toBe(2);
  expect(loaded.length).toBeGreaterThan(0);
});

test('without the deferred file at all, the page says it could not load instead of failing silently', async ({ page }) => {
  await page.route(DEFERRED, (route) => route.abort());
  await page.goto('./?test=1');
  await page.evaluate(() => window.unfurl.ready);
  await tap(page, 'start');
  await expect(page.locator('#unsupported')).toBeVisible();
  const words = await page.evaluate(() => JSON.parse(document.getElementById('words').textContent));
  await expect(page.locator('#unsupported-text')).toHaveText(words['page.load_failed']);
});

// The font the first frame bakes (docs/toolchain.md, item 11): Dear ImGui's
// stb_truetype runs a CFF glyph's program twice, and reads TrueType outlines directly.
test('the font the page bakes has TrueType outlines, and the page is drawn with it', async ({ page }) => {
  const font = readFileSync(resolve('dist/inter.ttf'));
  const tables = new Set();
  for (let i = 0, n = font.readUInt16BE(4); i < n; i++) tables.add(font.toString('latin1', 12 + 16 * i, 16 + 16 * i));
  expect(font.readUInt32BE(0), 'a TrueType-flavoured sfnt').toBe(0x00010000);
  expect(tables.has('glyf') && tables.has('loca'), 'glyf and loca tables').toBe(true);
  expect(tables.has('CFF '), 'no CFF outlines').toBe(false);
  const fonts = [];
  page.on('response', (r) => { if (/\/inter\.ttf$/.test(r.url())) fonts.push(r.status()); });
  await page.goto('./?test=1');
  await drawn(page);
  expect(fonts).toEqual([200]);
  expect((await state(page)).screen).toBe('home');
});
