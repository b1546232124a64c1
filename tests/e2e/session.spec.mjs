// The guided session end to end, at test speed: the whole routine with the
// cues a person follows with eyes closed, pause, hiding the page, and Stop.
import { test, expect } from '@playwright/test';
import { open, state, act, cues, tap, until, startSession } from './helpers.mjs';

// The routine as docs/clinical.md doses it: [id, sided, reps].
const ROUTINE = [['knee_to_chest', true, 1], ['pelvic_tilt', false, 8], ['figure_four', true, 1],
  ['spinal_twist', true, 1], ['press_up', false, 5], ['fetal', false, 1]];

function expectedPhases() {
  const seq = [['prepare', null, null]];
  for (const [id, sided, reps] of ROUTINE) {
    for (const side of sided ? ['right', 'left'] : [null]) {
      seq.push([side === 'left' ? 'switch' : 'rest', id, side]);
      for (let r = 1; r <= reps; r++) {
        if (r > 1) seq.push(['rest', id, side]);
        seq.push(['move', id, side], ['hold', id, side], ['release', id, side]);
      }
    }
  }
  seq.push(['done', null, null]);
  return seq;
}

// Records every phase the page goes through, frame by frame, inside the page.
async function recordPhases(page) {
  await page.evaluate(() => {
    window.__seen = [];
    const tick = () => {
      const s = window.unfurl.state();
      const p = s.session ? [s.session.phase, s.session.exercise, s.session.side, s.session.rep] : [s.screen];
      const last = window.__seen[window.__seen.length - 1];
      if (!last || last.join() !== p.join()) window.__seen.push(p);
      requestAnimationFrame(tick);
    };
    tick();
  });
}

test('the whole routine runs in order, with a cue for every exercise, switch and hold', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, 'test=1&timescale=25');
  await act(page, 'ack', 'intro');
  await recordPhases(page);
  await startSession(page);
  await until(page, (s) => s.screen === 'finish', 'reached Finish', 60_000);
  // The recorder samples once per animation frame: let it see the last one.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  const seen = (await page.evaluate(() => window.__seen)).filter((p) => p.length > 1);
  const phases = [];
  for (const [phase, exercise, side] of seen) {
    const key = [phase, exercise, side];
    const last = phases[phases.length - 1];
    if (!last || last.join() !== key.join()) phases.push(key);
  }
  // Reps repeat move/hold/release; compare with consecutive duplicates merged.
  expect(phases).toEqual(expectedPhases().filter((p, i, all) => i === 0 || p.join() !== all[i - 1].join()));

  const log = await cues(page);
  const speak = log.filter((c) => c.kind === 'speak');
  for (const [id] of ROUTINE) expect(speak.some((c) => c.key === `exercise.${id}`), id).toBe(true);
  expect(speak.filter((c) => c.key === 'switch').length).toBe(3);
  expect(log.filter((c) => c.kind === 'tone' && c.key === 'switch').length).toBe(3);
  // A 3-2-1 before every hold ends.
  const holds = log.filter((c) => c.kind === 'tone' && c.key === 'hold').length;
  expect(holds).toBe(2 + 8 + 2 + 2 + 5 + 1);
  const ticks = log.filter((c) => c.kind === 'tone' && c.key === 'tick').map((c) => c.text);
  expect(ticks.length).toBe(holds * 3);
  for (let i = 0; i < ticks.length; i += 3) expect(ticks.slice(i, i + 3)).toEqual(['3', '2', '1']);
  for (const c of log) expect(c.lang).toBe('en');
  expect(log.some((c) => c.kind === 'speak' && c.key === 'done')).toBe(true);
  // Every spoken cue is also written for screen readers.
  await expect(page.locator('#live')).toHaveText(speak[speak.length - 1].text);
  // Finish saves the session.
  await tap(page, 'after-2');
  await tap(page, 'hurt-no');
  await tap(page, 'finish');
  await until(page, (s) => s.screen === 'home', 'home again');
  const history = await page.evaluate(() => window.unfurl.history());
  expect(history.sessions.at(-1).outcome).toBe('completed');
  expect(history.sessions.at(-1).after).toBe(2);
  expect(history.progress.range).toBeCloseTo(0.65);
});

test('pause freezes progress and resume carries on', async ({ page }) => {
  await open(page, 'test=1&timescale=5');
  await act(page, 'ack', 'intro');
  await startSession(page);
  await tap(page, 'pause');
  await until(page, (s) => s.session.paused, 'paused');
  const frozen = (await state(page)).session.elapsed_s;
  await page.waitForTimeout(1000);
  expect((await state(page)).session.elapsed_s).toBe(frozen);
  await tap(page, 'resume');
  await until(page, (s) => s.session.elapsed_s > frozen + 1, 'moving again');
});

test('hiding the page pauses the session, and coming back says "Paused"', async ({ page }) => {
  await open(page, 'test=1&timescale=5');
  await act(page, 'ack', 'intro');
  await startSession(page);
  const setHidden = (hidden) => page.evaluate((h) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
  await setHidden(true);
  await until(page, (s) => s.session.paused && s.session.auto_paused, 'paused when hidden');
  const frozen = (await state(page)).session.elapsed_s;
  await page.waitForTimeout(600);
  expect((await state(page)).session.elapsed_s).toBe(frozen);
  await setHidden(false);
  await expect.poll(async () => (await cues(page)).at(-1).key).toBe('paused');
  expect((await state(page)).session.paused).toBe(true);
  await tap(page, 'resume');
  await until(page, (s) => !s.session.paused, 'resumed');
});

test('Stop — it hurts ends the session within a frame or two of the tap', async ({ page }) => {
  await open(page, 'test=1&timescale=5');
  await act(page, 'ack', 'intro');
  await startSession(page);
  await until(page, (s) => s.session.phase === 'rest', 'first exercise announced');
  await tap(page, 'stop-pain');
  const phase = await page.evaluate(async () => {
    for (let i = 0; i < 3; i++) await new Promise((r) => requestAnimationFrame(r));
    return window.unfurl.state().session.phase;
  });
  expect(phase).toBe('stopped');
  const t = (await state(page)).session.elapsed_s;
  await page.waitForTimeout(500);
  expect((await state(page)).session.elapsed_s).toBe(t);
});

test('the stop control is on screen in every phase of the session', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, 'test=1&timescale=20');
  await act(page, 'ack', 'intro');
  await startSession(page);
  const seen = new Set();
  while ((await state(page)).screen === 'session') {
    const [s, ws] = await page.evaluate(() => [window.unfurl.state(), window.unfurl.widgets()]);
    if (s.screen !== 'session') break;
    const stop = ws.find((w) => w.id === 'stop-pain');
    expect(stop, `stop control in ${s.session.phase}`).toBeTruthy();
    expect(stop.h).toBeGreaterThanOrEqual(48);
    seen.add(s.session.phase);
    await page.waitForTimeout(150);
  }
  expect([...seen]).toEqual(expect.arrayContaining(['prepare', 'rest', 'move', 'hold', 'release', 'switch']));
});

test('eyes-closed mode: a tap on the 3D view pauses and resumes', async ({ page }) => {
  await open(page, 'test=1&timescale=2');
  await act(page, 'ack', 'intro');
  await act(page, 'set', { key: 'eyes_closed', value: true });
  await startSession(page);
  await page.touchscreen.tap(200, 200);
  await until(page, (s) => s.session.paused, 'paused by a tap anywhere');
  await page.touchscreen.tap(200, 200);
  await until(page, (s) => !s.session.paused, 'resumed by a tap anywhere');
  expect((await state(page)).settings.dim).toBe(true);
});
