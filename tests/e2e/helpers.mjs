// Shared steps for the e2e suite: open the app, find a control by id in
// widgets(), and tap it with real touch events at its centre.
import { expect } from '@playwright/test';

export async function open(page, query = '') {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`./${query ? `?${query}` : ''}`);
  await page.evaluate(() => window.unfurl.ready);
  return errors;
}

// The check's signs in the table's order (docs/clinical.md), highest tier first.
export const FLAGS = ['bladder_bowel', 'saddle_numbness', 'both_legs', 'chest_pain', 'serious_accident', 'leg_worsening',
  'fever', 'weight_loss', 'injury', 'leg_shooting', 'leg_numb_weak', 'weeks'];
// The one-time history questions, in their order.
export const HISTORY = ['cancer', 'back_shape', 'night_rest', 'immune', 'bones', 'age_new'];

export const state = (page) => page.evaluate(() => window.unfurl.state());
export const widgets = (page) => page.evaluate(() => window.unfurl.widgets());
export const act = (page, name, arg) => page.evaluate(([n, a]) => window.unfurl.act(n, a), [name, arg]);
export const cues = (page) => page.evaluate(() => window.unfurl.cues());

export async function widget(page, id) {
  let found;
  await expect.poll(async () => {
    found = (await widgets(page)).find((w) => w.id === id);
    return !!found;
  }, { message: `widget ${id} on screen` }).toBe(true);
  return found;
}

// A real tap: touchstart + touchend at the control's centre (CSS px). As a
// person does, it rests a moment first when a new control stands where the
// last tap landed: the app holds such a control back from a finger still
// tapping (src/ui/input.h, TapGuard), so a tap meant for one screen never acts on the next.
const lastTaps = new WeakMap();
export async function tap(page, id) {
  const w = await widget(page, id);
  const x = w.x + w.w / 2, y = w.y + w.h / 2;
  const last = lastTaps.get(page);
  const what = `${w.id} ${w.action}`;
  // The control is on screen now: a look at it, then the tap (the app counts
  // the rest from when the control appeared, which on a busy machine can be
  // well after the last tap returned).
  if (last && last.what !== what && last.x >= w.x && last.x < w.x + w.w && last.y >= w.y && last.y < w.y + w.h)
    await page.waitForTimeout(700);
  await page.touchscreen.tap(x, y);
  lastTaps.set(page, { x, y, what, at: Date.now() });
  return w;
}

// Waits until state() satisfies fn.
// Polls often: some phases last well under a second at test speed.
export async function until(page, fn, message, timeout = 20_000) {
  await expect.poll(async () => fn(await state(page)), { message, timeout, intervals: [50] }).toBeTruthy();
}

// Pauses the session from inside the page on the first frame where the given
// exercise is in the given phase, so even a short phase is caught.
export async function pauseAt(page, exercise, phase, timeout = 30_000) {
  const ok = await page.evaluate(([ex, ph, ms]) => new Promise((resolve) => {
    const end = performance.now() + ms;
    const tick = () => {
      const s = window.unfurl.state().session;
      if (s && s.exercise === ex && s.phase === ph) resolve(window.unfurl.act('pause'));
      else if (performance.now() > end) resolve(false);
      else requestAnimationFrame(tick);
    };
    tick();
  }), [exercise, phase, timeout]);
  expect(ok, `paused in ${exercise} ${phase}`).toBe(true);
}

// A real one-finger drag on the screen (CSS px), in small steps as a finger moves.
export async function drag(page, x, fromY, toY) {
  const cdp = await page.context().newCDPSession(page);
  const point = (y) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(fromY) });
  const step = fromY > toY ? -20 : 20;
  for (let y = fromY + step; step < 0 ? y >= toY : y <= toY; y += step)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(y) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

// Drags the list of a check-like screen up, a finger's stroke at a time, until
// the control is on screen above the pinned answer, enough of it to tap (a person scrolling to it).
export async function dragTo(page, id) {
  for (let i = 0; i < 20; i++) {
    const all = await widgets(page);
    const w = all.find((x) => x.id === id);
    const foot = all.find((x) => x.id === 'none' || x.id === 'continue' || x.id === 'pattern-done');
    const floor = foot ? foot.y - 4 : (await page.viewportSize()).height;
    if (w && w.h >= 30) return w;
    const vw = (await page.viewportSize()).width;
    await drag(page, vw / 2, floor - 30, Math.max(40, floor - 230));
    await page.waitForTimeout(100);
  }
  throw new Error(`could not scroll ${id} into view`);
}

// A row of a list that may be scrolled out of sight: scrolled to by a drag, then tapped.
export async function tapRow(page, id) {
  await dragTo(page, id);
  return tap(page, id);
}

// "None of these today" on the check, "None of these apply to me" on the
// history screen, tapped as a person would: where the list is taller than its
// area the same button first reads "See the rest ↓", and each tap only
// scrolls a screenful on; once every sign has been on screen it answers.
export async function answerNone(page) {
  const from = (await state(page)).screen;
  for (let i = 0; i < 12; i++) {
    const shown = async () => (await widgets(page)).filter((x) => x.visible !== false).map((x) => `${x.id}@${x.y}`).join();
    const before = await shown();
    const w = await tap(page, 'none');
    if (w.action === 'answer') {
      await until(page, (s) => s.screen !== from, `"${w.label}" leads on from ${from}`);
      return;
    }
    expect(w.action, `"${w.label}"`).toBe('reveal');
    await expect.poll(async () => (await state(page)).list === 'seen' || (await shown()) !== before,
      { message: 'the list scrolled on' }).toBe(true);
  }
  throw new Error(`"none" did not lead on from ${from}`);
}

// The same answer through act(), as a script drives the app: once a frame has
// measured the list, and where it is taller than its area, after its end has
// been brought on screen (what "See the rest ↓" does). Returns act()'s answer.
export async function actNone(page) {
  await until(page, (s) => s.list !== 'unknown', 'the list measured');
  if ((await state(page)).list === 'unseen') {
    expect(await act(page, 'answer', 'none'), 'no answer before the list was seen').toBe(false);
    for (let i = 0; i < 12 && (await state(page)).list !== 'seen'; i++) {
      expect(await act(page, 'reveal', 'end')).toBe(true);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    await until(page, (s) => s.list === 'seen', 'the list seen to its end');
  }
  return act(page, 'answer', 'none');
}

// act('start') from Home, and the one-time history screen if it is due (answered
// "none of these apply"), to the check.
export async function pastScreening(page) {
  expect(await act(page, 'start'), 'start').toBe(true);
  if ((await state(page)).screen === 'screening') expect(await actNone(page), 'no history applies').toBe(true);
  expect((await state(page)).screen).toBe('check');
}

// act(): Start, the history screen if due, and the check with no flags, to the rating before.
export async function pastCheck(page) {
  await pastScreening(page);
  expect(await actNone(page), 'none of these today').toBe(true);
  expect((await state(page)).screen).toBe('rating-before');
}

// Taps Start and, on a first visit, answers the one-time history screen "none
// of these apply", to the check.
export async function toCheck(page) {
  await tap(page, 'start');
  await until(page, (s) => s.screen === 'check' || s.screen === 'screening', 'the screening or the check');
  if ((await state(page)).screen === 'screening') await answerNone(page);
  await until(page, (s) => s.screen === 'check', 'check screen');
}

// Clears the first-visit note and goes through the check with no flags.
export async function startSession(page) {
  await toCheck(page);
  await answerNone(page);
  await until(page, (s) => s.screen === 'rating-before', 'rating screen');
  await tap(page, 'skip');
  await until(page, (s) => s.screen === 'session', 'session screen');
}

// A stored history document (localStorage 'unfurl:v1') in place before the
// app first loads; later reloads keep what the app wrote since.
export async function seed(page, doc) {
  const full = { schema: 1, sessions: [], progress: { range: 0.6 }, settings: {}, acks: { intro: true }, ...doc };
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('unfurl-seeded')) {
      localStorage.setItem('unfurl:v1', text);
      sessionStorage.setItem('unfurl-seeded', '1');
    }
  }, JSON.stringify(full));
}

// The one-time history questions answered today with nothing that applies,
// as stored by the app (acks.history), for documents a test seeds itself.
export function historyAnsweredToday() {
  const day = Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / 86400000);
  return { asked: new Date().toISOString(), day, yes: [] };
}

// Pixels of the page as the user sees them, decoded in the page itself and
// handed back as raw RGBA bytes; from a screenshot of that clip already taken,
// if given, since SwiftShader paints a large screen slowly.
export async function pixels(page, clip, shot = null) {
  const png = (shot || await page.screenshot({ clip })).toString('base64');
  const out = await page.evaluate(async (b64) => {
    // Built from bytes, not fetched: the page's CSP rightly refuses data: fetches.
    const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
    let bin = '';
    for (let i = 0; i < d.length; i += 0x8000) bin += String.fromCharCode.apply(null, d.subarray(i, i + 0x8000));
    return { width: bmp.width, height: bmp.height, rgba: btoa(bin) };
  }, png);
  return { width: out.width, height: out.height, data: Buffer.from(out.rgba, 'base64') };
}
