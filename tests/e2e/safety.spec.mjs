// Safety through the real screens: every tier reached by tapping the check's
// rows, blocked tiers with no way into a session, and the stop flow.
import { test, expect } from '@playwright/test';
import { open, state, act, tap, until, widgets, startSession, pauseAt, toCheck, tapRow, answerNone, pastCheck, FLAGS } from './helpers.mjs';

const b64url = (s) => Buffer.from(s).toString('base64url');

async function check(page, flags) {
  await toCheck(page);
  // Top to bottom, as the list scrolls.
  for (const f of FLAGS.filter((x) => flags.includes(x))) await tapRow(page, `flag-${f}`);
  await until(page, (s) => flags.every((f) => s.answers.includes(f)), 'flags ticked');
  await tap(page, 'continue');
  await until(page, (s) => s.screen === 'check-result', 'result screen');
  return state(page);
}

const BLOCKED = [
  ['emergency', ['bladder_bowel'], 'emergency'],
  ['emergency wins over lower tiers', ['fever', 'saddle_numbness', 'weeks'], 'emergency'],
  ['emergency: chest pain with back pain', ['chest_pain'], 'emergency'],
  ['emergency: pain after a serious accident', ['serious_accident'], 'emergency'],
  ['emergency wins over a worsening leg', ['leg_worsening', 'serious_accident', 'leg_numb_weak'], 'emergency'],
  ['urgent', ['weight_loss'], 'urgent'],
  ['urgent: a leg getting weaker', ['leg_worsening'], 'urgent'],
  ['urgent wins over the clinician tier', ['leg_shooting', 'leg_worsening'], 'urgent'],
  ['clinician', ['leg_shooting'], 'clinician'],
];

for (const [name, flags, level] of BLOCKED) {
  test(`${name}: the result blocks the routine and offers only the way home`, async ({ page }) => {
    await open(page);
    await act(page, 'ack', 'intro');
    const s = await check(page, flags);
    expect(s.check.level).toBe(level);
    expect(s.check.blocked).toBe(true);
    expect([...s.check.flags, ...s.check.also].sort()).toEqual([...flags].sort());
    const ids = (await widgets(page)).map((w) => w.id);
    // Besides home, an emergency offers only the call (the browser's region, en-US, gives 911).
    expect(ids).toEqual(level === 'emergency' ? ['call', 'home'] : ['home']);
    // No path to a session: every start is refused and no phase ever appears.
    for (const a of ['start', 'continue', 'skip', 'resume']) expect(await act(page, a)).toBe(false);
    expect(await act(page, 'rate', 3)).toBe(false);
    expect((await state(page)).session).toBeNull();
    await tap(page, 'home');
    await until(page, (x) => x.screen === 'home', 'home');
    const h = await page.evaluate(() => window.unfurl.history());
    expect(h.sessions.at(-1).outcome).toBe('blocked');
    expect(h.sessions.at(-1).check.level).toBe(level);
  });
}

test('review: the advice is shown, and the gentle routine may go on', async ({ page }) => {
  await open(page);
  await act(page, 'ack', 'intro');
  const s = await check(page, ['weeks']);
  expect(s.check.level).toBe('review');
  expect(s.check.blocked).toBe(false);
  await tap(page, 'continue');
  await until(page, (x) => x.screen === 'rating-before', 'rating');
  await tap(page, 'skip');
  await until(page, (x) => x.screen === 'session' && x.session.phase === 'prepare', 'session runs');
});

test('the check asks every sign, grouped by what it means, and "None of these today" turns into Continue once anything is ticked', async ({ page }) => {
  await open(page);
  await act(page, 'ack', 'intro');
  await toCheck(page);
  // Every sign, in the table's order, before the answer (the mirror lists what is scrolled out of sight too).
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('#a11y [data-id]')].map((b) => b.dataset.id)))
    .toEqual([...FLAGS.map((f) => `flag-${f}`), 'none']);
  const words = await page.locator('#a11y').innerText();
  for (const group of ['Get emergency help now if you have:', 'Get medical advice today if you have:',
    'See a doctor or physiotherapist before stretching if you have:', 'Book a doctor or physiotherapist if you have:'])
    expect(words).toContain(group);
  // Each group's heading comes before its first sign.
  const order = await page.evaluate(() => [...document.querySelectorAll('#a11y > *')].map((n) => n.dataset.id || n.textContent));
  expect(order.indexOf('Get emergency help now if you have:')).toBeLessThan(order.indexOf('flag-bladder_bowel'));
  expect(order.indexOf('Get medical advice today if you have:')).toBeLessThan(order.indexOf('flag-leg_worsening'));
  expect(order.indexOf('Get medical advice today if you have:')).toBeGreaterThan(order.indexOf('flag-serious_accident'));
  let ids = (await widgets(page)).map((w) => w.id);
  expect(ids).toContain('none');
  expect(ids).not.toContain('continue');
  await tapRow(page, 'flag-injury');
  await until(page, (s) => s.answers.length === 1, 'ticked');
  ids = (await widgets(page)).map((w) => w.id);
  expect(ids).toContain('continue');
  expect(ids).not.toContain('none');
});

// [where, timescale, Next taps to get near it, exercise, phase]
const STOP_AT = [
  ['preparation', 1, 0, null, 'prepare'],
  ['a knee-to-chest hold', 10, 0, 'knee_to_chest', 'hold'],
  ['a press-up movement', 2, 8, 'press_up', 'move'],
];

for (const [where, timescale, nexts, exercise, phase] of STOP_AT) {
  test(`stop during ${where}: back pain means rest and a smaller range next time`, async ({ page }) => {
    await open(page, `test=1&timescale=${timescale}`);
    await act(page, 'ack', 'intro');
    await startSession(page);
    for (let i = 0; i < nexts; i++) await tap(page, 'next');
    // Hold still in that phase (a paused session can still be stopped), then tap Stop.
    await pauseAt(page, exercise, phase);
    await tap(page, 'stop-pain');
    await until(page, (s) => s.session && s.session.phase === 'stopped', 'stopped');
    await tap(page, 'pain-back');
    await until(page, (s) => s.session.stop_answer === 'back', 'answered');
    expect((await state(page)).range).toBeCloseTo(0.5);
    const h = await page.evaluate(() => window.unfurl.history());
    expect(h.sessions.at(-1).outcome).toBe('stopped-pain');
    expect(h.sessions.at(-1).pain).toBe('back');
    expect(h.progress.range).toBeCloseTo(0.5);
  });
}

test('stop with pain down a leg gives the clinician result, with no way back into the routine', async ({ page }) => {
  await open(page, 'test=1&timescale=20');
  await act(page, 'ack', 'intro');
  await startSession(page);
  await until(page, (s) => s.session.phase === 'move', 'moving');
  await tap(page, 'stop-pain');
  await tap(page, 'pain-leg');
  await until(page, (s) => s.screen === 'check-result', 'result');
  const s = await state(page);
  expect(s.check.level).toBe('clinician');
  expect(s.check.blocked).toBe(true);
  expect(await act(page, 'start')).toBe(false);
});

// The stop question's emergency answer: numbness or tingling in both legs, or around the
// genitals or bottom, or chest pain.
for (const [answer, level] of [['emergency', 'emergency']]) {
  test(`stop with "${answer}" gives the ${level} result, with no way back into the routine, for the rest of the day`, async ({ page }) => {
    await open(page, 'test=1&timescale=20');
    await act(page, 'ack', 'intro');
    await startSession(page);
    await until(page, (s) => s.session.phase === 'move', 'moving');
    await tap(page, 'stop-pain');
    await until(page, (s) => s.session && s.session.phase === 'stopped', 'stopped');
    expect((await widgets(page)).map((w) => w.id)).toEqual(expect.arrayContaining(['pain-emergency', 'pain-leg', 'pain-back']));
    await tap(page, `pain-${answer}`);
    await until(page, (s) => s.screen === 'check-result', 'result');
    const s = await state(page);
    expect(s.check.level).toBe(level);
    expect((await widgets(page)).map((w) => w.id)).toEqual(level === 'emergency' ? ['call', 'home'] : ['home']);
    expect((await widgets(page)).map((w) => w.id)).toEqual(['call', 'home']);
    for (const a of ['start', 'continue', 'skip', 'resume']) expect(await act(page, a)).toBe(false);
    const h = await page.evaluate(() => window.unfurl.history());
    expect(h.sessions.at(-1)).toMatchObject({ outcome: 'stopped-pain', pain: answer });
    // Start again today: the same result, not the check.
    await tap(page, 'home');
    await until(page, (x) => x.screen === 'home', 'home');
    await tap(page, 'start');
    await until(page, (x) => x.screen === 'check-result', 'the earlier result');
    expect((await state(page)).check).toMatchObject({ level, remembered: true, blocked: true });
  });
}

test('the first visit explains what the routine is for, once', async ({ page }) => {
  await open(page);
  expect((await state(page)).intro).toBe(true);
  await tap(page, 'ack-intro');
  await until(page, (s) => !s.intro, 'acknowledged');
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect((await state(page)).intro).toBe(false);
  expect((await widgets(page)).map((w) => w.id)).not.toContain('ack-intro');
});

test('weeks of stiffness that is not improving bring the review advice to Home, until acknowledged', async ({ page }) => {
  // Eight rated sessions over 24 days, stiffness 6 and not improving.
  const day = Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / 86400000);
  const sessions = [24, 21, 18, 15, 12, 9, 5, 1].map((ago, i) => ({
    id: `s${i}`, routine: 'morning-back', started: '', ended: '', day: day - ago, outcome: 'completed',
    check: { level: 'none', flags: [] }, before: 6, after: 5, hurt: false, pain: null, range: 0.6, exercises: [],
  }));
  await page.addInitScript((doc) => {
    if (!localStorage.getItem('unfurl:v1')) localStorage.setItem('unfurl:v1', doc);
  }, JSON.stringify({ schema: 1, sessions, progress: { range: 0.6 }, settings: {}, acks: { intro: true } }));
  await open(page);
  expect((await state(page)).review).toBe(true);
  await tap(page, 'ack-trend');
  await until(page, (s) => !s.review, 'acknowledged');
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect((await state(page)).review).toBe(false);
});

test('an emergency answer is remembered for the day: Start shows it again, only "I answered by mistake" leads on', async ({ page }) => {
  await open(page);
  await act(page, 'ack', 'intro');
  await check(page, ['bladder_bowel']);
  await tap(page, 'home');
  await until(page, (s) => s.screen === 'home', 'home');
  // Start again, even after a reload: the earlier result, not the check.
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  await tap(page, 'start');
  await until(page, (s) => s.screen === 'check-result', 'the earlier result');
  let s = await state(page);
  expect(s.check.level).toBe('emergency');
  expect(s.check.remembered).toBe(true);
  expect(s.check.flags).toEqual(['bladder_bowel']);
  expect((await widgets(page)).map((w) => w.id).sort()).toEqual(['call', 'home', 'withdraw']);
  for (const a of ['continue', 'skip']) expect(await act(page, a)).toBe(false);
  expect(await act(page, 'answer', 'none')).toBe(false);
  // What was answered is named on screen (the mirror carries the canvas's words).
  await page.screenshot({ path: 'test-results/remembered-emergency-412x915.png' });

  await tap(page, 'withdraw');
  await until(page, (x) => x.screen === 'check', 'a fresh check');
  s = await state(page);
  expect(s.answers).toEqual([]);
  const h = await page.evaluate(() => window.unfurl.history());
  const blocked = h.sessions.filter((x) => x.outcome === 'blocked');
  expect(blocked.length).toBe(1);
  expect(typeof blocked[0].withdrawn).toBe('string');
  expect(blocked[0].check.flags).toEqual(['bladder_bowel']);
  // The fresh check leads on only with no flags.
  await answerNone(page);
  await until(page, (x) => x.screen === 'rating-before', 'rating');
  await act(page, 'skip');
  await act(page, 'pause');
  await act(page, 'end');
  await act(page, 'open', 'history');
  await until(page, (x) => x.screen === 'history', 'history');
});

for (const [w, h] of [[320, 568], [412, 915]]) {
  test(`at ${w}×${h} the session shows the article's instruction and cautions, nothing cut`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    const rx = b64url(JSON.stringify({ exercises: ['spinal_twist', 'press_up'] }));
    await open(page, `rx=${rx}&test=1`);
    await act(page, 'ack', 'intro');
    // (Reaching the check's answer on a small screen is issue 11's; here the session matters.)
    await pastCheck(page);
    expect(await act(page, 'skip')).toBe(true);
    await act(page, 'pause');
    await act(page, 'next');
    await until(page, (s) => s.session.exercise === 'spinal_twist' && s.session.phase === 'rest', 'twist introduced');
    await page.screenshot({ path: `test-results/session-twist-caution-${w}x${h}.png` });
    // Every control stays inside the screen while the words scroll.
    for (const x of await widgets(page)) {
      expect(x.y + x.h, x.id).toBeLessThanOrEqual(h + 0.5);
      expect(x.h, x.id).toBeGreaterThanOrEqual(44);
    }
    await act(page, 'next');  // the twist's other side
    await act(page, 'next');
    await until(page, (s) => s.session.exercise === 'press_up', 'press-up introduced');
    await page.screenshot({ path: `test-results/session-pressup-caution-${w}x${h}.png` });
  });
}
