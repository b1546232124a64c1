// Nothing is lost to a full device: with localStorage filled to its last bytes
// a session is finished, History says it is not saved yet, the person leaves
// Finish as usual, a reload keeps it (sessionStorage), and once room returns
// the next write stores it. A stored setting this version cannot read is
// written back exactly as it was until the person changes it.
import { test, expect } from '@playwright/test';
import { open, act, state, tap, until, pastCheck } from './helpers.mjs';

const KEY = 'unfurl:v1';
const NOTICE = '1 session not saved yet: free some space on this device.';
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const unsaved = async (page) => (await state(page)).notices.find((n) => n.id === 'storage.unsaved')?.text;

// Every byte localStorage has left, taken by keys that are not Unfurl's.
const fill = (page) => page.evaluate(() => {
  let chunk = 'x'.repeat(1 << 20), i = 0;
  while (chunk.length) {
    try { localStorage.setItem(`filler-${i}`, chunk); i++; } catch (e) { chunk = chunk.slice(0, chunk.length >> 1); }
  }
  return i;
});
const free = (page) => page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler-')) localStorage.removeItem(k); });

test('a session finished on a full device is kept, survives a reload, and is stored when room returns', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = await open(page, 'test=1&timescale=60');
  expect(await act(page, 'ack', 'intro')).toBe(true);
  await expect.poll(() => stored(page)).toContain('"intro":true');
  const before = await stored(page);
  expect(await fill(page)).toBeGreaterThan(0);

  await pastCheck(page);
  expect(await act(page, 'rate', 5), 'rate').toBe(true);
  await until(page, (s) => s.screen === 'finish', 'finished', 60_000);
  await expect.poll(() => unsaved(page)).toBe(NOTICE);
  await expect(page.locator('#a11y')).toContainText(NOTICE);  // on the Finish screen itself
  expect(await act(page, 'rate', 3)).toBe(true);
  await tap(page, 'finish');
  await until(page, (s) => s.screen === 'home', 'Done leaves Finish');
  expect(await stored(page)).toBe(before);

  await act(page, 'open', 'history');
  await until(page, (s) => s.screen === 'history', 'history');
  await expect(page.locator('#a11y')).toContainText(NOTICE);
  expect((await state(page)).streak).toBe(1);

  // Still full: a reload brings it back from this tab's sessionStorage, and says so again.
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  await expect.poll(() => unsaved(page)).toBe(NOTICE);
  expect((await state(page)).streak).toBe(1);
  expect(await stored(page)).toBe(before);

  // Room again: the next write (a setting) carries the session.
  await free(page);
  expect(await act(page, 'set', { key: 'tones', value: false })).toBe(true);
  await expect.poll(async () => JSON.parse(await stored(page)).sessions.map((s) => [s.outcome, s.before, s.after]))
    .toEqual([['completed', 5, 3]]);
  expect(JSON.parse(await stored(page)).settings.tones).toBe(false);
  await expect.poll(() => unsaved(page)).toBeUndefined();
  expect(await page.evaluate(() => sessionStorage.getItem('unfurl:v1:unsaved'))).toBeNull();
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect((await state(page)).streak).toBe(1);
  expect(await unsaved(page)).toBeUndefined();
  expect(errors).toEqual([]);
});

test('a write refused for another reason is kept and retried the same way', async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (this === window.localStorage && window.refuse) throw new DOMException('no', 'InvalidStateError');
      return set.call(this, k, v);
    };
  });
  await open(page, 'test=1&timescale=60');
  await act(page, 'ack', 'intro');
  await page.evaluate(() => { window.refuse = true; });
  await pastCheck(page);
  expect(await act(page, 'skip'), 'skip').toBe(true);
  await until(page, (s) => s.screen === 'finish', 'finished', 60_000);
  await expect.poll(() => unsaved(page)).toContain('1 session not saved yet: this browser refused to store it.');
  expect(await act(page, 'finish')).toBe(true);
  await page.evaluate(() => { window.refuse = false; });
  expect(await act(page, 'set', { key: 'voice', value: false })).toBe(true);
  await expect.poll(async () => JSON.parse(await stored(page)).sessions.map((s) => s.outcome)).toEqual(['completed']);
  await expect.poll(() => unsaved(page)).toBeUndefined();
});

test('wrong-typed settings survive a save exactly as stored, and the defaults stand in meanwhile', async ({ page }) => {
  const settings = '{"voice_rate":"fast","holds":{"knee_to_chest":"long","figure_four":25},"reps":{"pelvic_tilt":"many"},"soft_mattress":1}';
  const doc = `{"schema":1,"sessions":[],"settings":${settings},"acks":{"intro":true}}`;
  await page.addInitScript(([k, v]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } }, [KEY, doc]);
  await open(page);
  const s = (await state(page)).settings;
  expect([s.voice_rate, s.holds.knee_to_chest, s.holds.figure_four, s.reps.pelvic_tilt, s.soft_mattress]).toEqual([0.9, undefined, 25, undefined, false]);
  expect(await act(page, 'set', { key: 'tones', value: false })).toBe(true);
  await expect.poll(async () => JSON.parse(await stored(page)).settings.tones).toBe(false);
  const raw = await stored(page);
  for (const exact of ['"voice_rate":"fast"', '"knee_to_chest":"long"', '"pelvic_tilt":"many"', '"soft_mattress":1'])
    expect(raw, exact).toContain(exact);
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect(await act(page, 'set', { key: 'volume', value: 0.3 })).toBe(true);
  await expect.poll(async () => JSON.parse(await stored(page)).settings.volume).toBe(0.3);
  expect(await stored(page)).toContain('"voice_rate":"fast"');
  // Changed by the person: now it is theirs.
  expect(await act(page, 'set', { key: 'voice_rate', value: 1.1 })).toBe(true);
  await expect.poll(async () => JSON.parse(await stored(page)).settings.voice_rate).toBe(1.1);
  expect(await stored(page)).toContain('"knee_to_chest":"long"');
});
