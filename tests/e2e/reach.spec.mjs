// The main answer of every screen is on screen at once — on a 320×568 phone,
// a 360×640 one and in a 400×720 clinic frame — and one tap on it works.
import { test, expect } from '@playwright/test';
import { open, act, state, tap, until, widget, answerNone, toCheck } from './helpers.mjs';

const SIZES = [[320, 568], [360, 640], [400, 720]];

async function fullyOnScreen(page, id, [w, h]) {
  const c = await widget(page, id);
  expect(c.y, `${id} top`).toBeGreaterThanOrEqual(0);
  expect(c.y + c.h, `${id} bottom at ${w}×${h}`).toBeLessThanOrEqual(h + 0.5);
  expect(c.h, `${id} is a real target`).toBeGreaterThanOrEqual(48);
  return c;
}

for (const size of SIZES) {
  test(`at ${size[0]}×${size[1]} every screen's answer is on screen and works`, async ({ page }) => {
    await page.setViewportSize({ width: size[0], height: size[1] });
    await open(page, 'test=1&timescale=40');
    // A first visit: "I understand" and Start, both pinned.
    await fullyOnScreen(page, 'ack-intro', size);
    await fullyOnScreen(page, 'start', size);
    await tap(page, 'ack-intro');
    await until(page, (s) => s.intro === false, 'intro acknowledged');
    await fullyOnScreen(page, 'start', size);
    await tap(page, 'start');
    // The one-time history questions: their answer is pinned too ("See the rest ↓" first where the list is taller).
    await until(page, (s) => s.screen === 'screening', 'screening');
    await fullyOnScreen(page, 'none', size);
    await answerNone(page);
    await until(page, (s) => s.screen === 'check', 'check');
    await fullyOnScreen(page, 'none', size);
    await answerNone(page);
    await until(page, (s) => s.screen === 'rating-before', 'rating');
    await fullyOnScreen(page, 'skip', size);
    await tap(page, 'skip');
    await until(page, (s) => s.screen === 'session', 'session');
    await fullyOnScreen(page, 'stop-pain', size);
    await until(page, (s) => s.screen === 'finish', 'finish', 60_000);
    await fullyOnScreen(page, 'finish', size);
    await tap(page, 'finish');
    await until(page, (s) => s.screen === 'home', 'home again');
  });
}

test('with a flag ticked, Continue takes the place of "None of these today" at the bottom', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 568 });
  await open(page);
  await act(page, 'ack', 'intro');
  await toCheck(page);
  const none = await fullyOnScreen(page, 'none', [320, 568]);
  await tap(page, 'flag-bladder_bowel');
  await until(page, (s) => s.answers.length === 1, 'ticked');
  const cont = await fullyOnScreen(page, 'continue', [320, 568]);
  expect(Math.abs(cont.y - none.y)).toBeLessThan(2);
});

// The largest text on the smallest phone: long labels wrap, buttons grow, and
// still every way on, back or home stays pinned on screen, results included.
test('at 200 % text on a 320×568 phone every result and answer keeps its way on on screen', async ({ page }) => {
  test.setTimeout(120_000);
  const size = [320, 568];
  const pinned = (id) => expect.poll(async () => {
    const c = (await page.evaluate(() => window.unfurl.widgets())).find((w) => w.id === id);
    return !!c && c.visible !== false && !c.clipped && c.y >= 0 && c.y + c.h <= size[1] + 0.5 && c.h >= 48;
  }, { message: `${id} wholly on screen` }).toBe(true);
  await page.setViewportSize({ width: size[0], height: size[1] });
  await open(page, 'test=1&timescale=40');
  expect(await act(page, 'set', { key: 'text_size', value: 2 })).toBe(true);
  await pinned('ack-intro');
  await pinned('start');
  await act(page, 'ack', 'intro');
  // A "yes" on the history questions: the doctor's word and the way home, both pinned.
  expect(await act(page, 'start')).toBe(true);
  await pinned('none');
  expect(await act(page, 'answer', 'cancer')).toBe(true);
  expect(await act(page, 'continue')).toBe(true);
  await pinned('cleared');
  await pinned('home');
  expect(await act(page, 'cleared')).toBe(true);
  await until(page, (s) => s.screen === 'check', 'check');
  // A session stopped because it hurt: every answer reachable, then the way home.
  await answerNone(page);
  await pinned('skip');
  await tap(page, 'skip');
  await pinned('stop-pain');
  await tap(page, 'stop-pain');
  await until(page, (s) => s.session?.phase === 'stopped', 'stopped');
  for (const id of ['pain-emergency', 'pain-leg', 'pain-back']) {
    expect(await act(page, 'reveal', id)).toBe(true);
    await pinned(id);
  }
  await tap(page, 'pain-back');
  await pinned('home');
  await tap(page, 'home');
  await until(page, (s) => s.screen === 'home', 'home');
  // An emergency on the check: the way home (last: a block stays for the rest of the day).
  await toCheck(page);
  expect(await act(page, 'answer', 'chest_pain')).toBe(true);
  await pinned('continue');
  expect(await act(page, 'continue')).toBe(true);
  await pinned('home');
});
