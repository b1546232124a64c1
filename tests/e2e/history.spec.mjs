// History that never loses a byte, end to end: what this version cannot read
// survives a saved session, two tabs keep both sessions, sessions and settings
// survive a reload, the CSV and the clinician's report carry the data.
import { test, expect } from '@playwright/test';
import { widget, open, state, act, tap, until, widgets, pastCheck } from './helpers.mjs';

const KEY = 'unfurl:v1';
const FUTURE = '{"id":"f-1","outcome":"completed-with-coach","day":20001,"coach":{"name":"Ana"}}';
const day = () => Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / 86400000);

// A whole session at test speed, rated 5 before and 3 after.
async function finishSession(page) {
  await pastCheck(page);
  expect(await act(page, 'rate', 5)).toBe(true);
  await until(page, (s) => s.screen === 'finish', 'finished', 60_000);
  expect(await act(page, 'rate', 3)).toBe(true);
  expect(await act(page, 'answer', { hurt: false })).toBe(true);
  expect(await act(page, 'finish')).toBe(true);
}

test('a future record and fields this version does not know survive a saved session, byte for byte', async ({ page }) => {
  const known = `{"id":"k-1","day":${day() - 1},"outcome":"completed","before":6,"after":4,"mood":"sleepy"}`;
  const stored = `{"schema":1,"notes":{"from":"v2"},"sessions":[${FUTURE},${known}],"settings":{"voice":true,"theme_hue":12},"acks":{"intro":true}}`;
  await page.addInitScript(([k, v]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } }, [KEY, stored]);
  await open(page, 'test=1&timescale=60');
  const s = await state(page);
  expect(s.notices.map((n) => n.id)).toContain('history.kept');
  await finishSession(page);
  const raw = await page.evaluate((k) => localStorage.getItem(k), KEY);
  expect(raw).toContain(FUTURE);
  expect(raw).toContain(known);  // untouched: written back exactly
  expect(raw).toContain('"notes":{"from":"v2"}');
  expect(raw).toContain('"theme_hue":12');
  expect(JSON.parse(raw).sessions.length).toBe(3);
});

test('two tabs each finishing a session keep both', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  // Both open before either writes: B's document is stale when A saves.
  await open(a, 'test=1&timescale=60');
  await open(b, 'test=1&timescale=60');
  await a.bringToFront();
  await finishSession(a);
  await b.bringToFront();
  await finishSession(b);
  // Chromium hands one tab's localStorage write to another tab's renderer
  // asynchronously: on a busy machine A may read the old text for a moment.
  const completed = async () => ((await a.evaluate(() => window.unfurl.history()))?.sessions ?? [])
    .filter((x) => x.outcome === 'completed').length;
  await expect.poll(completed, { timeout: 10_000 }).toBe(2);
  // The other tab's view refreshes from the storage event.
  await expect.poll(async () => (await a.evaluate(() => window.unfurl.state())).streak).toBe(1);
  await a.reload();
  await a.evaluate(() => window.unfurl.ready);
  expect((await a.evaluate(() => window.unfurl.history())).sessions.length).toBe(2);
});

test('two sessions, a reload, and both are in History with their ratings', async ({ page }) => {
  await open(page, 'test=1&timescale=60');
  await act(page, 'ack', 'intro');
  await finishSession(page);
  await finishSession(page);
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  const h = await page.evaluate(() => window.unfurl.history());
  expect(h.sessions.map((x) => [x.outcome, x.before, x.after])).toEqual([['completed', 5, 3], ['completed', 5, 3]]);
  await act(page, 'open', 'history');
  await until(page, (s) => s.screen === 'history', 'history');
  const ids = (await widgets(page)).map((w) => w.id);
  expect(ids).toEqual(expect.arrayContaining(['export-csv', 'report', 'home']));
  for (const [w, hgt] of [[360, 640], [412, 915]]) {
    await page.setViewportSize({ width: w, height: hgt });
    await page.waitForTimeout(200);
    await page.screenshot({ path: `test-results/history-${w}x${hgt}.png` });
  }
});

test('the CSV holds every session, and the report prints with its plot, a short history on at most two pages', async ({ page }) => {
  await open(page, 'test=1&timescale=60');
  await act(page, 'ack', 'intro');
  await finishSession(page);
  await act(page, 'open', 'history');
  const [download] = await Promise.all([page.waitForEvent('download'), tap(page, 'export-csv')]);
  const csv = (await (await download.createReadStream()).toArray()).join('');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toContain('stiffness_before');
  expect(lines.length).toBe(2);
  expect(lines[1]).toMatch(/,completed,none,,5,3,no,,\d+,/);

  await tap(page, 'report');
  await expect(page.locator('#report')).toBeVisible();
  await expect(page.locator('#report svg.report-plot circle')).toHaveCount(1);
  await expect(page.locator('#report')).toContainText('Made on this device');
  await expect(page.locator('#report')).toContainText('Knee to chest');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

test('settings survive a reload and change the session: a 20 s hold is 20 s', async ({ page }) => {
  // At 4× session time the hold is reached in seconds however slowly a busy
  // machine draws; the hold's planned length is what is asserted.
  await open(page, 'test=1&timescale=4');
  await act(page, 'ack', 'intro');
  await act(page, 'open', 'settings');
  await until(page, (s) => s.screen === 'settings', 'settings');
  // Down from 25 to 20 with real taps on the stepper.
  for (let i = 0; i < 5; i++) await tap(page, 'less-hold.knee_to_chest');
  await until(page, (s) => s.settings.holds.knee_to_chest === 20, 'hold 20');
  // As a person would, tap on once the screen shows the change: "−" greys out at the range's end.
  await expect.poll(async () => (await widget(page, 'less-hold.knee_to_chest')).enabled).toBe(false);
  await tap(page, 'set-exercise.pelvic_tilt');
  await until(page, (s) => s.settings.exercises_off.includes('pelvic_tilt'), 'pelvic tilts left out');
  for (const [w, h] of [[360, 640], [412, 915]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(200);
    await page.screenshot({ path: `test-results/settings-${w}x${h}.png` });
  }
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  const s = await state(page);
  expect(s.settings.holds.knee_to_chest).toBe(20);
  expect(s.settings.exercises_off).toEqual(['pelvic_tilt']);
  expect(s.routine.exercises).not.toContain('pelvic_tilt');
  await pastCheck(page);
  for (const a of ['skip', 'next']) expect(await act(page, a)).toBe(true);
  await until(page, (x) => x.session.exercise === 'knee_to_chest' && x.session.phase === 'hold', 'holding');
  expect((await state(page)).session.phase_duration_s).toBe(20);
});

test('delete all my data: asked first, the export offered, then everything is gone', async ({ page }) => {
  await page.addInitScript(([k]) => {
    if (sessionStorage.getItem('seeded')) return;
    localStorage.setItem(`${k}:unreadable:1`, 'old bytes');
    sessionStorage.setItem('seeded', '1');
  }, [KEY]);
  await open(page, 'test=1&timescale=60');
  await finishSession(page);
  await act(page, 'open', 'settings');
  await until(page, (s) => s.screen === 'settings', 'settings');
  // At the foot of Settings (below the fold here): the same act() the button performs.
  expect(await act(page, 'delete-data')).toBe(true);
  await until(page, (s) => s.settings.confirm_delete, 'asked');
  expect((await widgets(page)).map((w) => w.id)).toEqual(expect.arrayContaining(['delete-export', 'delete-confirm', 'delete-cancel']));
  await tap(page, 'delete-confirm');
  await until(page, (s) => !s.settings.confirm_delete, 'done');
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('unfurl:')));
  expect(keys).toEqual([]);
  expect((await state(page)).streak).toBe(0);
});

// "Delete all my data" in one tab removes the document; the other tab, told by
// the storage event, merges the codec's own empty document (unfurl_removed:
// the shell writes no document of its own), so its next write does not bring
// back what the person deleted.
test('deleted in one tab, the other tab\'s next write does not bring the sessions back', async ({ context }) => {
  const a = await context.newPage();
  const seeded = `{"schema":1,"sessions":[{"id":"k-1","day":${day() - 1},"outcome":"completed","before":6,"after":4}],"acks":{"intro":true}}`;
  await a.addInitScript(([k, v]) => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); } }, [KEY, seeded]);
  await open(a, 'test=1');
  expect((await state(a)).streak).toBe(1);
  const b = await context.newPage();
  await open(b, 'test=1');
  expect((await b.evaluate(() => window.unfurl.history())).sessions.length).toBe(1);
  await act(b, 'open', 'settings');
  await until(b, (s) => s.screen === 'settings', 'settings');
  expect(await act(b, 'delete-data')).toBe(true);
  await until(b, (s) => s.settings.confirm_delete, 'asked');
  expect(await act(b, 'delete-data', 'confirm')).toBe(true);
  await expect.poll(() => b.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  // Tab A hears of it, then writes (a setting changed there).
  await expect.poll(async () => (await state(a)).streak, { timeout: 10_000 }).toBe(0);
  expect(await act(a, 'set', { key: 'voice', value: false })).toBe(true);
  await expect.poll(() => a.evaluate((k) => localStorage.getItem(k), KEY)).not.toBeNull();
  const doc = await a.evaluate(() => window.unfurl.history());
  expect(doc.sessions).toEqual([]);
  expect(doc.settings.voice).toBe(false);
});

// history=false is history=0: the shell asks the app how it reads the switch
// (unfurl_early), so where the app keeps nothing the shell reads not a byte of
// what is stored, hands the app nothing, and writes nothing over it.
for (const off of ['history=0', 'history=false']) {
  test(`a page that keeps nothing (${off}) reads nothing stored and writes nothing`, async ({ page }) => {
    const stored = JSON.stringify({ schema: 1, sessions: [{ id: 's-1', day: day(), outcome: 'completed' }],
      settings: { lang: 'de' }, acks: { intro: true } });
    await page.addInitScript(([k, doc]) => {
      localStorage.setItem(k, doc);
      window.storedReads = [];
      const read = Storage.prototype.getItem;
      Storage.prototype.getItem = function (key) {
        if (this === localStorage) window.storedReads.push(key);
        return read.call(this, key);
      };
    }, [KEY, stored]);
    await open(page, off);
    const s = await state(page);
    expect(s.storage.keep).toBe(false);
    expect([s.lang, s.settings.lang, s.streak, s.intro]).toEqual(['en', '', 0, true]);
    expect(await act(page, 'ack', 'intro')).toBe(true);
    expect(await act(page, 'set', { key: 'voice', value: false })).toBe(true);
    // What the app stores it hands over at the end of its next frame: two frames on, it would be written.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
    expect(await page.evaluate(() => window.storedReads)).toEqual([]);
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(stored);
  });
}
