// Issue 20, end to end. Every warning sign is seen before "None of these
// today" counts — on a 320×568 phone, a 360×640 one, at 200 % text (on a
// large phone and on the smallest) and in a
// clinic's 360×640 frame — by a finger, by "See the rest ↓", by the accessible
// mirror and by the keyboard alone. The new emergency signs end in the
// emergency result with no way on. A first visit meets the one-time history
// questions before its first check; a "yes" waits for a doctor's word. Months
// of stiff mornings offer the inflammatory-pattern questions (NICE NG65).
// The page shown when the app cannot run names the new signs.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { open, state, act, widgets, until, seed, historyAnsweredToday, FLAGS, HISTORY, tap, tapRow, answerNone, toCheck, pastCheck } from './helpers.mjs';
import { PORT } from './port.mjs';

const today = () => Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / 86400000);
const raw = (app) => app.evaluate(() => window.unfurl.history());
const mirrorIds = (app) => app.evaluate(() => [...document.querySelectorAll('#a11y [data-id]')].map((b) => b.dataset.id));
const sameDay = (iso) => new Date(iso).toDateString() === new Date().toDateString();

// ---------------------------------------------------------------------------
// Where the list is taller than its area. Each returns a "view": the page for
// the finger and keyboard, the app (the page, or the frame inside it) for
// state(), and where the app's CSS px sit on the page.

// The clinic's page is served from an origin of its own by a real local server
// (Chromium lets no page of unknown address frame a local one), one per worker.
let clinic = null;
async function clinicPage() {
  if (clinic) return clinic;
  const dir = mkdtempSync(join(tmpdir(), 'unfurl-clinic-'));
  const port = 9100 + Math.floor(Math.random() * 800);
  const origin = `http://localhost:${port}`;
  const src = `http://127.0.0.1:${PORT}/?embed=1&clinic=Riverside%20Physio&parent=${encodeURIComponent(origin)}`;
  writeFileSync(join(dir, 'index.html'), CLINIC(src));
  const server = spawn('node', ['scripts/static-server.mjs', dir, String(port)], { stdio: 'ignore' });
  clinic = { url: `${origin}/`, dir, server };
  await expect.poll(() => fetch(clinic.url).then((r) => r.ok, () => false), { timeout: 15_000 }).toBe(true);
  return clinic;
}
test.afterAll(() => {
  if (!clinic) return;
  clinic.server.kill();
  rmSync(clinic.dir, { recursive: true, force: true });
  clinic = null;
});

const CLINIC = (src) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1"><title>Riverside Physio</title>
  <style>body{margin:0;font:16px system-ui}h1{font-size:16px;margin:8px}iframe{display:block;width:360px;height:640px;border:0}</style></head>
  <body><h1>Riverside Physio: your morning stretches</h1>
  <iframe title="Unfurl: gentle morning back stretches" src="${src}"></iframe></body></html>`;

const VIEWS = [
  { name: '320×568', viewport: { width: 320, height: 568 } },
  { name: '360×640', viewport: { width: 360, height: 640 } },
  { name: '200 % text on a 412×915 phone', viewport: { width: 412, height: 915 }, textSize: 2 },
  { name: '200 % text on a 320×568 phone', viewport: { width: 320, height: 568 }, textSize: 2 },
  { name: 'a clinic page\'s 360×640 frame', viewport: { width: 412, height: 915 }, frame: true },
];

// Opens the app there with the history questions answered today (this file's
// first-visit test meets them), ready on Home.
async function setUp(page, view, doc = { acks: { intro: true, history: historyAnsweredToday() } }) {
  await page.setViewportSize(view.viewport);
  await seed(page, doc);
  if (!view.frame) {
    await open(page);
    if (view.textSize) expect(await act(page, 'set', { key: 'text_size', value: view.textSize })).toBe(true);
    return { name: view.name, page, app: page, x: 0, y: 0, width: view.viewport.width, height: view.viewport.height };
  }
  // A clinic's own page on one origin, Unfurl in its 360×640 frame on another.
  await page.goto((await clinicPage()).url);
  const handle = await page.waitForSelector('iframe');
  const app = await handle.contentFrame();
  await app.waitForFunction(() => window.unfurl && window.unfurl.ready);
  await app.evaluate(() => window.unfurl.ready);
  expect(new URL(app.url()).origin).not.toBe(new URL(page.url()).origin);
  expect((await state(app)).embed).toBe(true);
  const box = await handle.boundingBox();
  expect(box.width).toBe(360);
  expect(box.height).toBe(640);
  return { name: view.name, page, app, frame: true, x: box.x, y: box.y, width: 360, height: 640 };
}

// act(name, arg) for "None" (or "done"), tried only if the list is still unseen, in one
// turn of the page's event loop so no frame can see the list in between.
const noneWhileUnseen = (app, name = 'answer', arg = 'none') => app.evaluate(([n, a]) => {
  const list = window.unfurl.state().list;
  return { list, ok: list === 'unseen' ? window.unfurl.act(n, a) : null };
}, [name, arg]);

// A real tap at a control's centre, wherever the app is on the page.
// As tests/e2e/helpers.mjs's tap: a moment's look first at a new control where the last tap landed.
const lastTapIn = new WeakMap();
async function tapIn(v, id) {
  let w;
  await expect.poll(async () => { w = (await widgets(v.app)).find((x) => x.id === id); return !!w; },
    { message: `${id} on screen (${v.name})` }).toBe(true);
  const x = w.x + w.w / 2, y = w.y + w.h / 2, what = `${w.id} ${w.action}`;
  const last = lastTapIn.get(v.page);
  if (last && last.what !== what && last.x >= w.x && last.x < w.x + w.w && last.y >= w.y && last.y < w.y + w.h)
    await v.page.waitForTimeout(700);
  await v.page.touchscreen.tap(v.x + x, v.y + y);
  lastTapIn.set(v.page, { x, y, what });
  return w;
}

// A real one-finger drag up the panel, in the app's CSS px.
async function dragUp(v, fromY, toY) {
  const cdp = await v.page.context().newCDPSession(v.page);
  const pt = (y) => [{ x: v.x + v.width / 2, y: v.y + y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(fromY) });
  for (let y = fromY - 20; y >= toY; y -= 20) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(y) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// From Home to the check by a tap on Start, its list measured and not yet seen to its end.
async function toUnseenCheck(v) {
  await startToCheck(v);
  await until(v.app, (s) => s.list !== 'unknown', 'the list measured');
  const s = await state(v.app);
  // The premise: here the signs do not all fit above the answer.
  expect(s.list, `the check is taller than its area at ${v.name}`).toBe('unseen');
  const ids = (await widgets(v.app)).map((w) => w.id);
  expect(ids, 'the last sign is out of sight').not.toContain('flag-weeks');
  const none = (await widgets(v.app)).find((w) => w.id === 'none');
  expect(none.label).toBe('See the rest ↓');
  expect(none.action).toBe('reveal');
  // Neither the script's answer nor a stale "None" counts yet.
  expect(await act(v.app, 'answer', 'none')).toBe(false);
  expect((await state(v.app)).screen).toBe('check');
  return none;
}

// "None of these apply to me" on the history questions, by taps: "See the rest ↓" first where needed.
async function historyNoneIn(v) {
  for (let i = 0; i < 12 && (await state(v.app)).screen === 'screening'; i++) {
    const w = await tapIn(v, 'none');
    if (w.action === 'answer') await until(v.app, (s) => s.screen !== 'screening', 'past the history questions');
    else await v.page.waitForTimeout(150);  // a screenful on
  }
}

// Start from Home, to the check. Inside the clinic's frame this browser refuses
// the frame storage, so every visit there is a first one: the history questions come first.
async function startToCheck(v) {
  await tapIn(v, 'start');
  await until(v.app, (s) => s.screen === 'check' || s.screen === 'screening', 'the history questions or the check');
  if ((await state(v.app)).screen === 'screening') {
    expect(v.frame, 'seeded: the history questions answered today').toBe(true);
    await historyNoneIn(v);
  }
  await until(v.app, (s) => s.screen === 'check', `check (${v.name})`);
}

// The answer, once it is offered, reads "None of these today" and leads on.
async function noneLeadsOn(v, how) {
  await expect.poll(async () => (await widgets(v.app)).find((w) => w.id === 'none')?.label,
    { message: 'the answer offered' }).toBe('None of these today');
  expect((await widgets(v.app)).map((w) => w.id)).toContain('flag-weeks');
  if (how === 'tap') await tapIn(v, 'none');
  else expect(await act(v.app, 'answer', 'none')).toBe(true);
  await until(v.app, (s) => s.screen === 'rating-before', 'rating');
  expect((await state(v.app)).answers).toEqual([]);
}

for (const view of VIEWS) {
  test.describe(`the check at ${view.name}`, () => {
    test('a tap on the answer at once only shows the rest; once the last sign was on screen it leads on', async ({ page }) => {
      const v = await setUp(page, view);
      await toUnseenCheck(v);
      // The taps a hurried person makes at once: each turns the list a screenful on, none
      // starts anything, and every sign has been wholly on screen before the answer is offered.
      const seen = new Set();
      // Wholly on screen; the last sign as the app counts it (most of it: at the very
      // end the area's clip trims a pixel or two off its rounded edge).
      const look = async () => {
        for (const w of await widgets(v.app)) if (w.id.startsWith('flag-') && w.visible !== false && !w.clipped) seen.add(w.id.slice(5));
        if ((await state(v.app)).list === 'seen') seen.add(FLAGS.at(-1));
      };
      await look();
      const shown = async () => (await widgets(v.app)).filter((w) => w.visible !== false).map((w) => `${w.id}@${w.y}`).join();
      for (let i = 0; i < 12 && (await state(v.app)).list !== 'seen'; i++) {
        const before = await shown();
        await tapIn(v, 'none');
        // Each page looked at before the next tap, as a person does, however slow the machine.
        await expect.poll(async () => (await shown()) !== before, { message: 'the list turned a page' }).toBe(true);
        await look();
      }
      await until(v.app, (s) => s.list === 'seen', 'the list seen to its end');
      await look();
      expect([...seen].sort(), 'every sign passed on screen').toEqual([...FLAGS].sort());
      await page.waitForTimeout(400);
      const s = await state(v.app);
      expect(s.screen).toBe('check');
      expect(s.answers).toEqual([]);
      await noneLeadsOn(v, 'tap');
    });

    test('scrolling the signs with a finger is as good: then "None of these today" leads on', async ({ page }) => {
      const v = await setUp(page, view);
      const none = await toUnseenCheck(v);
      for (let i = 0; i < 25 && (await state(v.app)).list !== 'seen'; i++) {
        // While the list is still unseen, the answer is not offered.
        const now = await noneWhileUnseen(v.app);
        if (now.list === 'unseen') expect(now.ok).toBe(false);
        await dragUp(v, none.y - 24, Math.max(24, none.y - 224));
        await page.waitForTimeout(100);
      }
      const s = await state(v.app);
      expect(s.list).toBe('seen');
      expect(s.screen).toBe('check');
      expect(s.answers, 'a drag ticks nothing').toEqual([]);
      await noneLeadsOn(v, 'act');
    });

    test('on a first visit the check opens at its top: the first emergency sign is on screen before any scroll', async ({ page }) => {
      // Not seeded: the history questions come first, and on this screen their list is scrolled to its end.
      const v = await setUp(page, view, { acks: { intro: true } });
      await tapIn(v, 'start');
      await until(v.app, (s) => s.screen === 'screening', 'the history questions');
      await historyNoneIn(v);
      await until(v.app, (s) => s.screen === 'check' && s.list !== 'unknown', 'the check, measured');
      // What is seen is counted from the top: a check opened part-way down would let
      // "None of these today" count with the first signs never on screen.
      const first = (await widgets(v.app)).find((w) => w.id === 'flag-bladder_bowel');
      expect(first, `the first sign on arrival (on screen: ${(await widgets(v.app)).map((w) => w.id).join(', ')})`).toBeTruthy();
      expect(first.h).toBeGreaterThanOrEqual(44);
    });

    test('the mirror lists all 12 signs before the answer, and Tab alone reaches each, bringing it on screen', async ({ page }) => {
      const v = await setUp(page, view);
      await toUnseenCheck(v);
      // Every sign, in the table's order, then the answer: nothing scrolled out of sight is left out.
      expect(await mirrorIds(v.app)).toEqual([...FLAGS.map((f) => `flag-${f}`), 'none']);
      for (const f of FLAGS) {
        const box = v.app.locator(`#a11y [data-id="flag-${f}"]`);
        await expect(box).toHaveAttribute('role', 'checkbox');
        await expect(box).toHaveAttribute('aria-checked', 'false');
      }
      // Keyboard only: Tab from the top of the page (into the frame, where there is one).
      const reached = [];
      for (let i = 0; i < 40 && reached.at(-1) !== 'none'; i++) {
        await page.keyboard.press('Tab');
        const id = await v.app.evaluate(() => (document.hasFocus() ? document.activeElement?.dataset?.id : undefined) ?? null);
        if (!id || reached.at(-1) === id) continue;
        reached.push(id);
        // What the keyboard is on is brought on screen: enough of it to read and tap
        // (44 CSS px, WCAG's smallest target), not a sliver under the answer.
        if (id.startsWith('flag-'))
          await expect.poll(async () => (await widgets(v.app)).some((w) => w.id === id && w.h >= 44),
            { message: `${id} brought on screen by focus` }).toBe(true);
      }
      expect(reached).toEqual([...FLAGS.map((f) => `flag-${f}`), 'none']);
      expect((await widgets(v.app)).map((w) => w.id)).toContain('flag-weeks');
      // Focus brings the answer on screen with a short scroll; the last sign counts as seen once most of it is shown.
      await until(v.app, (s) => s.list === 'seen', 'the list seen to its end by the keyboard');
      await expect(v.app.locator('#a11y [data-id="none"]')).toHaveText('None of these today');
      await expect(v.app.locator('#a11y [data-id="none"]')).toBeFocused();
      await page.keyboard.press('Enter');
      await until(v.app, (s) => s.screen === 'rating-before', 'rating, by Enter');
    });

    for (const flag of ['chest_pain', 'serious_accident']) {
      test(`${flag} ends in the emergency result, with no way on`, async ({ page }) => {
        const v = await setUp(page, view);
        await startToCheck(v);
        // Scrolled to by a finger if it is not in sight.
        for (let i = 0; i < 25 && !(await widgets(v.app)).some((w) => w.id === `flag-${flag}` && w.h >= 30); i++) {
          const none = (await widgets(v.app)).find((w) => w.id === 'none');
          await dragUp(v, none.y - 24, Math.max(24, none.y - 124));
          await page.waitForTimeout(100);
        }
        await tapIn(v, `flag-${flag}`);
        await until(v.app, (s) => s.answers.includes(flag), 'ticked');
        await tapIn(v, 'continue');
        await until(v.app, (s) => s.screen === 'check-result', 'result');
        const s = await state(v.app);
        expect(s.check).toMatchObject({ level: 'emergency', flags: [flag], blocked: true });
        // The only ways on: the call (the browser's region, en-US, gives 911) and home.
        expect((await widgets(v.app)).map((w) => w.id)).toEqual(['call', 'home']);
        expect(await mirrorIds(v.app)).toEqual(['call', 'home']);
        for (const a of ['continue', 'start', 'skip', 'resume']) expect(await act(v.app, a), a).toBe(false);
        expect(await act(v.app, 'rate', 3)).toBe(false);
        expect(await act(v.app, 'answer', 'none')).toBe(false);
        expect((await state(v.app)).session).toBeNull();
        await expect(v.app.locator('#a11y h2').first()).toHaveText('Get emergency help now');
        await expect(v.app.locator('#a11y')).toContainText('Call 911 now');
        const h = await raw(v.app);
        if (h) expect(h.sessions.at(-1)).toMatchObject({ outcome: 'blocked', check: { level: 'emergency', flags: [flag] } });
      });
    }
  });
}

// ---------------------------------------------------------------------------
// The one-time history questions.

test('a first visit: the note, then the history questions, then the check; "None of these apply to me" is stored', async ({ page }) => {
  await open(page);
  let s = await state(page);
  expect(s.intro).toBe(true);
  expect(s.screening).toMatchObject({ due: true, stored: null });
  await tap(page, 'ack-intro');
  await until(page, (x) => !x.intro, 'the note acknowledged');
  await tap(page, 'start');
  await until(page, (x) => x.screen === 'screening', 'the history questions, before any check');
  expect(await mirrorIds(page)).toEqual([...HISTORY.map((q) => `hist-${q}`), 'none']);
  await expect(page.locator('#a11y h2').first()).toHaveText('Before your first session: your health');
  await answerNone(page);
  await until(page, (x) => x.screen === 'check', 'then the check');
  s = await state(page);
  expect(s.screening.due).toBe(false);
  const stored = (await raw(page)).acks.history;
  expect(stored).toMatchObject({ day: today(), yes: [] });
  expect(sameDay(stored.asked)).toBe(true);
  expect(stored.cleared).toBeUndefined();
  // Home again: Start goes straight to the check now.
  await act(page, 'home');
  await tap(page, 'start');
  await until(page, (x) => x.screen === 'check', 'the check, not the questions again');
});

test('a "yes" shows its result and the routine waits, until a doctor or physiotherapist has checked the back', async ({ page }) => {
  await open(page);
  await act(page, 'ack', 'intro');
  await tap(page, 'start');
  await until(page, (x) => x.screen === 'screening', 'screening');
  await tap(page, 'hist-bones');
  await until(page, (x) => x.screening.answers.includes('bones'), 'ticked');
  expect((await widgets(page)).map((w) => w.id)).not.toContain('none');
  await tap(page, 'continue');
  await until(page, (x) => x.screening.level !== null, 'the result');
  let s = await state(page);
  expect(s.screen).toBe('screening');
  expect(s.screening).toMatchObject({ level: 'clinician', flags: ['bones'] });
  expect((await widgets(page)).map((w) => w.id).sort()).toEqual(['cleared', 'home']);
  expect((await widgets(page)).find((w) => w.id === 'cleared').label)
    .toBe('A doctor or physiotherapist has checked my back and said these stretches are fine');
  await expect(page.locator('#a11y h2').first()).toHaveText('See a doctor about your back first');
  await expect(page.locator('#a11y')).toContainText('See a doctor about your back before you start.');
  await expect(page.locator('#a11y')).toContainText('The stretches wait until a doctor or physiotherapist has checked your back.');
  // The routine waits: nothing but the doctor's word leads on, and no "start anyway".
  for (const a of ['start', 'continue', 'skip']) expect(await act(page, a), a).toBe(false);
  expect(await act(page, 'answer', 'none')).toBe(false);
  expect(await act(page, 'answer', 'cancer')).toBe(false);
  expect(s.session).toBeNull();
  let stored = (await raw(page)).acks.history;
  expect(stored).toMatchObject({ day: today(), yes: ['bones'] });
  expect(stored.cleared).toBeUndefined();

  // Home, and Start again, even after a reload: the same result, still waiting.
  await tap(page, 'home');
  await until(page, (x) => x.screen === 'home', 'home');
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect((await state(page)).screening.due).toBe(true);
  await tap(page, 'start');
  await until(page, (x) => x.screen === 'screening' && x.screening.level === 'clinician', 'the result again');
  expect(await act(page, 'continue')).toBe(false);

  // The doctor's word, recorded with its date, leads to the check.
  await tap(page, 'cleared');
  await until(page, (x) => x.screen === 'check', 'the check');
  stored = (await raw(page)).acks.history;
  expect(stored.yes).toEqual(['bones']);
  expect(typeof stored.cleared).toBe('string');
  expect(sameDay(stored.cleared)).toBe(true);
  s = await state(page);
  expect(s.screening.due).toBe(false);
  expect(s.screening.stored.cleared).toBe(stored.cleared);
  await answerNone(page);
  await until(page, (x) => x.screen === 'rating-before', 'the routine goes on');
});

test('on the history questions the highest tier wins: cancer with osteoporosis is medical advice today', async ({ page }) => {
  await open(page);
  await act(page, 'ack', 'intro');
  expect(await act(page, 'start')).toBe(true);
  expect((await state(page)).screening.due).toBe(true);
  for (const q of ['bones', 'cancer']) expect(await act(page, 'answer', q)).toBe(true);
  expect(await act(page, 'answer', 'none')).toBe(false);  // "none" with rows ticked is a contradiction
  expect(await act(page, 'continue')).toBe(true);
  const s = await state(page);
  expect(s.screening.level).toBe('urgent');
  expect(s.screening.flags).toEqual(['cancer']);
  expect([...(await raw(page)).acks.history.yes].sort()).toEqual(['bones', 'cancer']);
  await expect(page.locator('#a11y h2').first()).toHaveText('Get medical advice today');
  await expect(page.locator('#a11y')).toContainText('Contact your GP or cancer team today, before you stretch.');
});

for (const [ago, due] of [[182, false], [183, true]]) {
  test(`answered ${ago} days ago, the history questions are ${due ? '' : 'not '}asked again`, async ({ page }) => {
    const history = { asked: new Date(Date.now() - ago * 86400000).toISOString(), day: today() - ago, yes: [] };
    await seed(page, { acks: { intro: true, history } });
    await open(page);
    expect((await state(page)).screening.due).toBe(due);
    await tap(page, 'start');
    await until(page, (x) => x.screen === (due ? 'screening' : 'check'), due ? 'asked again' : 'the check');
  });
}

test('from Settings the history questions can be answered again, and lead back to Settings', async ({ page }) => {
  const history = { asked: new Date(Date.now() - 30 * 86400000).toISOString(), day: today() - 30, yes: ['bones'], cleared: new Date(Date.now() - 29 * 86400000).toISOString() };
  await seed(page, { acks: { intro: true, history } });
  await open(page);
  expect((await state(page)).screening.due).toBe(false);
  await act(page, 'open', 'settings');
  await until(page, (s) => s.screen === 'settings', 'settings');
  // The button is in the mirror (it may be below the fold on the canvas).
  await expect(page.locator('#a11y [data-id="screening-again"]')).toHaveText('Answer the health questions again');
  await page.locator('#a11y [data-id="screening-again"]').focus();
  await page.keyboard.press('Enter');
  await until(page, (s) => s.screen === 'screening', 'the questions');
  expect((await state(page)).screening.answers).toEqual([]);  // asked afresh
  await answerNone(page);
  await until(page, (s) => s.screen === 'settings', 'back to Settings');
  const stored = (await raw(page)).acks.history;
  expect(stored).toMatchObject({ day: today(), yes: [] });
  expect(stored.cleared).toBeUndefined();
});

test('the stored answers are kept losslessly: fields this version does not know survive a session', async ({ page }) => {
  const history = { ...historyAnsweredToday(), by: 'a newer Unfurl' };
  await seed(page, { acks: { intro: true, history, future_ack: { x: 1 } } });
  await open(page, 'test=1&timescale=60');
  await pastCheck(page);  // the questions are not due: straight to the check
  expect(await act(page, 'skip')).toBe(true);
  expect(await act(page, 'pause')).toBe(true);
  expect(await act(page, 'end')).toBe(true);
  const text = await page.evaluate(() => localStorage.getItem('unfurl:v1'));
  const doc = JSON.parse(text);
  expect(doc.acks.history).toEqual(history);
  expect(doc.acks.future_ack).toEqual({ x: 1 });
  expect(doc.sessions.length).toBe(1);
});

// ---------------------------------------------------------------------------
// The inflammatory pattern (NICE NG65).

// 110 days of rated sessions, every other day, stiffness 5 before.
function stiffMonths() {
  const sessions = [];
  for (let ago = 110; ago >= 2; ago -= 2) {
    sessions.push({ id: `p${ago}`, routine: 'morning-back', started: '', ended: '', day: today() - ago, outcome: 'completed',
      check: { level: 'none', flags: [] }, before: 5, after: 3, hurt: false, pain: null, range: 0.6, exercises: [] });
  }
  return { sessions, acks: { intro: true, history: historyAnsweredToday() } };
}

const REFER = 'See a GP and ask about inflammatory back pain (axial spondyloarthritis). NICE advises a rheumatology assessment for a pattern like yours.';

test('a 110-day history of stiff mornings offers the NG65 questions; the gate and four more end in the rheumatology advice', async ({ page }) => {
  await seed(page, stiffMonths());
  await open(page);
  let s = await state(page);
  expect(s.pattern.offered).toBe(true);
  await expect(page.locator('#a11y')).toContainText('Your mornings have been stiff for months.');
  expect(await mirrorIds(page)).toEqual(expect.arrayContaining(['pattern-open', 'pattern-skip', 'start']));
  await tap(page, 'pattern-open');
  await until(page, (x) => x.screen === 'pattern', 'the questions');
  // The age gate first, on its own.
  expect((await state(page)).pattern.step).toBe('gate');
  await expect(page.locator('#a11y')).toContainText('Did your back pain start before you were 45?');
  expect(await mirrorIds(page)).toEqual(['pattern-skip', 'pattern-no', 'pattern-yes']);
  await tap(page, 'pattern-yes');
  await until(page, (x) => x.pattern.step === 'questions', 'the nine questions after the gate');
  const NINE = ['before_35', 'night_wake', 'buttock', 'movement', 'nsaid', 'family', 'arthritis', 'enthesitis', 'psoriasis'];
  expect(await mirrorIds(page)).toEqual([...NINE.map((q) => `pattern-${q}`), 'pattern-skip', 'pattern-done']);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((x) => `${x.id}: ${x.help}`)).toEqual([]);
  // Four of the nine, by real taps (scrolling to each with a finger).
  const FOUR = ['night_wake', 'buttock', 'movement', 'nsaid'];
  const YES = ['before_45', ...FOUR];
  for (const q of FOUR) await tapRow(page, `pattern-${q}`);
  await until(page, (x) => x.pattern.answers.length === YES.length, 'ticked');
  expect([...(await state(page)).pattern.answers].sort()).toEqual([...YES].sort());
  // "See what this means": "See the rest ↓" first if the last question has not been on screen.
  await until(page, (x) => x.list !== 'unknown', 'the list measured');
  const early = await noneWhileUnseen(page, 'pattern', 'done');
  if (early.list === 'unseen') {
    expect(early.ok, 'no result before every question was on screen').toBe(false);
    for (let i = 0; i < 12 && (await state(page)).list !== 'seen'; i++) {
      const rest = await tap(page, 'pattern-done');
      expect([rest.label, rest.action]).toEqual(['See the rest ↓', 'reveal']);
      await page.waitForTimeout(100);
    }
    await until(page, (x) => x.list === 'seen', 'every question seen');
  }
  await expect.poll(async () => (await widgets(page)).find((w) => w.id === 'pattern-done')?.label).toBe('See what this means');
  await tap(page, 'pattern-done');
  await until(page, (x) => x.pattern.result !== null, 'the result');
  s = await state(page);
  expect(s.pattern.result).toBe('refer');
  expect(s.screen).toBe('pattern');
  await expect(page.locator('#a11y')).toContainText(REFER);
  await expect(page.locator('#a11y')).toContainText('This is not a diagnosis.');
  const stored = (await raw(page)).acks.inflammatory;
  expect(stored).toMatchObject({ day: today(), result: 'refer' });
  expect([...stored.yes].sort()).toEqual([...YES].sort());
  expect(sameDay(stored.asked)).toBe(true);
  // Never a block: home, and Start leads to the check as always. Offered once.
  await tap(page, 'home');
  await until(page, (x) => x.screen === 'home', 'home');
  expect((await state(page)).pattern.offered).toBe(false);
  await tap(page, 'start');
  await until(page, (x) => x.screen === 'check', 'the check, as every morning');
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect((await state(page)).pattern.offered).toBe(false);
  // Shown in History.
  await act(page, 'open', 'history');
  await until(page, (x) => x.screen === 'history', 'history');
  await expect(page.locator('#a11y')).toContainText('Inflammatory back pain questions');
});

for (const [gate, yes, result] of [
  ['no', [], 'none'],                                        // no to the gate ends it there
  ['yes', ['night_wake', 'buttock', 'movement'], 'mention'], // the gate and three
  ['yes', ['before_35', 'night_wake', 'buttock', 'movement'], 'refer'], // the gate and four
]) {
  test(`the NG65 questions answered ${gate} to the gate and ${yes.join(', ') || 'nothing more'} say "${result}"`, async ({ page }) => {
    await seed(page, stiffMonths());
    await open(page);
    expect(await act(page, 'pattern', 'open')).toBe(true);
    expect(await act(page, 'pattern', gate)).toBe(true);
    for (const q of yes) expect(await act(page, 'answer', q)).toBe(true);
    if (gate === 'yes') {
      await until(page, (s) => s.list !== 'unknown', 'measured');
      if ((await state(page)).list === 'unseen') {
        expect(await act(page, 'pattern', 'done')).toBe(false);
        for (let i = 0; i < 12 && (await state(page)).list !== 'seen'; i++) {
          expect(await act(page, 'reveal', 'end')).toBe(true);
          await page.waitForTimeout(100);
        }
        await until(page, (s) => s.list === 'seen', 'seen');
      }
      expect(await act(page, 'pattern', 'done')).toBe(true);
    }
    expect((await state(page)).pattern.result).toBe(result);
    expect((await raw(page)).acks.inflammatory.result).toBe(result);
  });
}

test('fewer rated sessions than the rule asks offer nothing', async ({ page }) => {
  const doc = stiffMonths();
  doc.sessions = doc.sessions.filter((r, i) => i % 3 === 0);  // 110 days, but 15 in the last 90
  await seed(page, doc);
  await open(page);
  expect((await state(page)).pattern.offered).toBe(false);
  expect((await widgets(page)).map((w) => w.id)).not.toContain('pattern-open');
});

// ---------------------------------------------------------------------------
// When the app cannot run.

// The signs by tier, in the table's order (assets/triage/red-flags.json), and one language's words.
const TABLE = JSON.parse(readFileSync(new URL('../../assets/triage/red-flags.json', import.meta.url), 'utf8'));
const wordsOf = (code) => JSON.parse(readFileSync(new URL(`../../assets/i18n/${code}.json`, import.meta.url), 'utf8'));
async function expectEverySign(list, w) {
  for (const tier of ['emergency', 'urgent', 'clinician', 'review']) {
    const group = list.locator(`.sign-${tier}`);
    await expect(group.locator('p').first()).toHaveText(w[`check.group.${tier}`]);
    await expect(group.locator('li')).toHaveText(TABLE.flags.filter((f) => f.tier === tier).map((f) => w[`flag.${f.id}.question`]));
    await expect(group.locator('p').last()).toHaveText(w[`triage.${tier}.action`]);
  }
}

test('without WebGL2 the page lists every sign of the check under its tier, chest pain and a serious accident as emergencies', async ({ page }) => {
  await page.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : get.call(this, type, ...rest); };
  });
  await page.goto('./');
  await expect(page.locator('#unsupported')).toBeVisible();
  const emergency = page.locator('#unsupported .sign-emergency');
  await expect(emergency).toContainText('emergency help now');
  await expect(emergency).toContainText('Chest pain');
  await expect(emergency).toContainText('serious accident');
  await expect(page.locator('#unsupported .sign-urgent')).toContainText('getting worse');
  await expectEverySign(page.locator('#unsupported .signs'), wordsOf('en'));
});

test('without JavaScript the page lists them too, every sign in every language', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`http://localhost:${PORT}/`);
  const en = page.locator('section[lang="en"] .sign-emergency');
  await expect(en).toBeVisible();
  await expect(en).toContainText('Chest pain');
  await expect(en).toContainText('serious accident');
  const es = page.locator('section[lang="es"] .sign-emergency');
  await expect(es).toContainText('Dolor en el pecho');
  await expect(es).toContainText('accidente grave');
  for (const code of ['en', 'es', 'de', 'fr', 'it', 'nl', 'pl', 'pt'])
    await expectEverySign(page.locator(`section[lang="${code}"] .signs`), wordsOf(code));
  await context.close();
});
