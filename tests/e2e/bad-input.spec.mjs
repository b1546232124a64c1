// What real life brings: a corrupt history, a full storage quota, a storage-
// less iframe, a malformed prescription link, an unknown language. Each gets a
// clear message, and nothing is lost.
import { test, expect } from '@playwright/test';
import { open, state, act, tap, until, startSession, toCheck } from './helpers.mjs';

const b64url = (s) => Buffer.from(s).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

test('a corrupt history is moved aside untouched, the user is told, and the app runs', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('unfurl:v1', '{"schema":1,"sessions":[{"outcome":"completed",');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await open(page);
  const s = await state(page);
  expect(s.screen).toBe('home');
  expect(s.notices.map((n) => n.id)).toContain('history.unreadable');
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('unfurl:v1:unreadable:')).map((k) => localStorage.getItem(k)));
  expect(kept).toEqual(['{"schema":1,"sessions":[{"outcome":"completed",']);
  // New history is written beside it, never over it.
  await act(page, 'ack', 'intro');
  expect((await page.evaluate(() => window.unfurl.history())).acks.intro).toBe(true);
  // And the kept bytes are offered for download from History, under the notice.
  await act(page, 'open', 'history');
  const [file] = await Promise.all([page.waitForEvent('download'), tap(page, 'export-aside')]);
  expect((await (await file.createReadStream()).toArray()).join('')).toBe('{"schema":1,"sessions":[{"outcome":"completed",');
});

test('a history from a newer Unfurl is shown read-only and never overwritten', async ({ page }) => {
  const newer = JSON.stringify({ schema: 99, sessions: [], progress: { range: 0.7 }, future: 'yes' });
  await page.addInitScript((doc) => localStorage.setItem('unfurl:v1', doc), newer);
  await open(page);
  expect((await state(page)).storage.read_only).toBe(true);
  await act(page, 'ack', 'intro');
  await act(page, 'set', { key: 'voice', value: false });
  expect(await page.evaluate(() => localStorage.getItem('unfurl:v1'))).toBe(newer);
});

test('a full storage quota is reported, and the session still counts as done', async ({ page }) => {
  test.setTimeout(90_000);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await open(page, 'test=1&timescale=60');
  await act(page, 'ack', 'intro');
  await startSession(page);
  await until(page, (s) => s.screen === 'finish', 'finished', 60_000);
  expect((await state(page)).notices.map((n) => n.id)).toContain('storage.unsaved');
  await tap(page, 'finish');
  await until(page, (s) => s.screen === 'home', 'home');
  expect((await state(page)).streak).toBe(1);
});

test('a page that may not use storage at all still runs, and says nothing will be kept', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await open(page);
  const s = await state(page);
  expect(s.screen).toBe('home');
  expect(s.notices.map((n) => n.id)).toContain('storage.denied');
  await toCheck(page);  // the history questions and the check still work
});

test('a malformed prescription link falls back to the standard routine with a notice', async ({ page }) => {
  await open(page, `rx=${b64url('{"exercises":[{"id":"figure_four","hold_s":300}]}')}`);
  const s = await state(page);
  expect(s.routine.exercises.length).toBe(6);
  const n = s.notices.find((x) => x.id === 'config.rx');
  expect(n.text).toContain('hold_s');
});

test('a prescription link sets the routine, its doses and its note', async ({ page }) => {
  const rx = b64url(JSON.stringify({ exercises: ['knee_to_chest', { id: 'pelvic_tilt', reps: 5, hold_s: 3 }], range_cap: 0.7, note: 'Gently, each morning.' }));
  await open(page, `rx=${rx}&test=1&timescale=40`);
  const s = await state(page);
  expect(s.routine.exercises).toEqual(['knee_to_chest', 'pelvic_tilt']);
  expect(s.routine.note).toBe('Gently, each morning.');
  expect(s.notices).toEqual([]);
  await act(page, 'ack', 'intro');
  await startSession(page);
  await until(page, (x) => x.session.exercise === 'pelvic_tilt', 'pelvic tilts', 30_000);
  expect((await state(page)).session.reps).toBe(5);
});

test('an unknown language gives English and says so; bad values are ignored with a notice', async ({ page }) => {
  await open(page, 'lang=tlh&clinic=%3Cb%3EBad%3C%2Fb%3E&timescale=5&embed=maybe');
  const s = await state(page);
  expect(s.lang).toBe('en');
  expect(s.clinic).toBe('');
  expect(s.notices.map((n) => n.id).sort()).toEqual(['config.clinic', 'config.embed', 'config.lang', 'config.timescale']);
  expect(s.notices.find((n) => n.id === 'config.lang').text).toContain('English');
});
