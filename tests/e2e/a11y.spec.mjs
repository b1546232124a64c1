// The canvas is opaque to assistive technology; the DOM mirror is not. Every
// screen's heading, words and controls are there in reading order — real
// buttons and checkboxes with the canvas's labels, doing what a tap does — so
// a screen reader or a keyboard alone can go through a whole morning.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, state, widgets, act, until, tap, pastScreening, pastCheck, answerNone, actNone, FLAGS } from './helpers.mjs';

// Tab (never the mouse) until the focused control is the one named.
async function tabTo(page, name) {
  for (let i = 0; i < 60; ++i) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (focused === name) return;
  }
  throw new Error(`could not Tab to "${name}"`);
}

// Every screen a person meets, reached the way the app allows.
const SCREENS = [
  ['home', async () => {}],
  ['about', async (page) => { await act(page, 'open', 'settings'); await act(page, 'open', 'about'); }],
  ['settings', async (page) => { await act(page, 'open', 'settings'); }],
  ['history', async (page) => { await act(page, 'open', 'history'); }],
  ['screening', async (page) => { await act(page, 'start'); }],
  ['screening-result', async (page) => { await act(page, 'start'); await act(page, 'answer', 'bones'); await act(page, 'continue'); }, 'screening'],
  ['check', async (page) => { await pastScreening(page); }],
  ['check-result', async (page) => { await pastScreening(page); await act(page, 'answer', 'fever'); await act(page, 'continue'); }],
  ['rating-before', async (page) => { await pastCheck(page); }],
  ['session', async (page) => { await pastCheck(page); await act(page, 'skip'); }],
  ['finish', async (page) => {
    await pastCheck(page); await act(page, 'skip');
    await until(page, (s) => s.screen === 'finish', 'finish', 150_000);
  }],
];

for (const [name, reach, screen = name] of SCREENS) {
  test(`${name}: no axe violations, and every control is in the mirror by role and name`, async ({ page }) => {
    test.setTimeout(180_000);
    await open(page, 'test=1&timescale=60');
    await act(page, 'ack', 'intro');
    await reach(page);
    await until(page, (s) => s.screen === screen, screen);
    // The mirror follows the frame that drew the screen.
    await expect.poll(async () => (await widgets(page)).length).toBeGreaterThan(0);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const snapshot = await page.locator('#a11y').ariaSnapshot();
    for (const w of await widgets(page)) {
      const role = w.role === 'button' ? 'button' : w.role;  // checkbox, radio
      expect(snapshot, `${w.id}`).toContain(`${role} "${w.label}"`);
    }
    expect(snapshot).toContain('heading');
  });
}

test('the words on the canvas are in the mirror too, heading first', async ({ page }) => {
  await open(page);
  await act(page, 'ack', 'intro');
  await pastScreening(page);
  await act(page, 'answer', 'both_legs');
  await act(page, 'continue');
  await until(page, (s) => s.screen === 'check-result', 'result');
  await expect(page.locator('#a11y h2').first()).toHaveText('Get emergency help now');
  // The browser's region (en-US here) names the number to call (docs/clinical.md).
  await expect(page.locator('#a11y')).toContainText('Call 911 now');
  await expect(page.locator('#a11y a[href="tel:911"]')).toHaveText('Call 911');
  await expect(page.locator('#a11y')).toContainText('cauda equina');
});

test('keyboard and screen reader: Start through the mirror opens the history questions, then the check, focus on each heading', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Start' }).focus();
  await page.keyboard.press('Enter');
  // A first visit: the one-time history questions, before the first check.
  await until(page, (s) => s.screen === 'screening', 'screening');
  // Focus moves to the new screen's heading, not back to the top of the page.
  await expect(page.locator('#a11y h2').first()).toBeFocused();
  await expect(page.locator('#a11y h2').first()).toHaveText('Before your first session: your health');
  await tabTo(page, 'None of these apply to me');
  await page.keyboard.press('Enter');
  await until(page, (s) => s.screen === 'check', 'check');
  await expect(page.locator('#a11y h2').first()).toBeFocused();
  await expect(page.locator('#a11y h2').first()).toHaveText('Before you start');
  const fever = page.getByRole('checkbox', { name: 'Fever, or feeling hot and shivery' });
  await expect(fever).toHaveAttribute('aria-checked', 'false');
  await fever.focus();
  await page.keyboard.press('Enter');
  await until(page, (s) => s.answers.includes('fever'), 'ticked from the keyboard');
  await expect(page.getByRole('checkbox', { name: 'Fever, or feeling hot and shivery' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('#focus-ring')).toBeVisible();
});

test('a whole morning by keyboard alone: Tab, Enter, Space to pause and resume', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page, 'test=1&timescale=60');
  await tabTo(page, 'I understand');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Start');
  await page.keyboard.press('Enter');
  await until(page, (s) => s.screen === 'screening', 'the history questions');
  await tabTo(page, 'None of these apply to me');
  await page.keyboard.press('Enter');
  await until(page, (s) => s.screen === 'check', 'check');
  await tabTo(page, 'None of these today');
  await page.keyboard.press('Enter');
  await until(page, (s) => s.screen === 'rating-before', 'rating');
  await tabTo(page, '3');
  await page.keyboard.press('Enter');
  await until(page, (s) => s.screen === 'session', 'session');
  // Focus is on the session's heading: Space pauses and resumes.
  await page.locator('#a11y h2').first().focus();
  await page.keyboard.press(' ');
  await until(page, (s) => s.session.paused, 'paused by Space');
  await page.keyboard.press(' ');
  await until(page, (s) => !s.session.paused, 'resumed by Space');
  await until(page, (s) => s.screen === 'finish', 'finish', 150_000);
  await tabTo(page, '1');
  await page.keyboard.press('Enter');
  await tabTo(page, 'No');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Done');
  await page.keyboard.press('Enter');
  await until(page, (s) => s.screen === 'home', 'home again');
  const h = await page.evaluate(() => window.unfurl.history());
  expect(h.sessions.at(-1)).toMatchObject({ outcome: 'completed', before: 3, after: 1 });
});

test('Escape is "Stop — it hurts" wherever focus is in a session', async ({ page }) => {
  await open(page, 'test=1&timescale=5');
  await act(page, 'ack', 'intro');
  await pastCheck(page); await act(page, 'skip');
  await until(page, (s) => s.screen === 'session', 'session');
  await page.getByRole('button', { name: 'Pause' }).focus();
  await page.keyboard.press('Escape');
  await until(page, (s) => s.session && s.session.phase === 'stopped', 'stopped by Escape');
  await expect(page.getByRole('button', { name: 'Pain only in my back' })).toBeAttached();
});

test('the countdown reaches screen readers every ten seconds, not every second', async ({ page }) => {
  test.setTimeout(90_000);
  await open(page, 'test=1&timescale=4');
  await act(page, 'ack', 'intro');
  await pastCheck(page); await act(page, 'skip');
  await page.evaluate(() => {
    window.__countdown = [];
    new MutationObserver(() => window.__countdown.push(document.getElementById('countdown').textContent))
      .observe(document.getElementById('countdown'), { childList: true, characterData: true, subtree: true });
  });
  await until(page, (s) => s.session && s.session.exercise === 'pelvic_tilt', 'the second stretch', 60_000);
  const said = await page.evaluate(() => window.__countdown);
  expect(said.length).toBeGreaterThan(0);
  for (const t of said) expect(t).toMatch(/^(10|20|30|5) seconds left$/);
  await expect(page.locator('#countdown')).toHaveAttribute('aria-live', 'polite');
});

test('at 200 % text on a 360×640 phone every control stays on screen, and the answers are there', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await open(page, 'test=1&timescale=20');
  expect(await act(page, 'set', { key: 'text_size', value: 2 })).toBe(true);
  const inside = async (screen, must) => {
    await until(page, (s) => s.screen === screen, screen);
    await expect.poll(async () => (await widgets(page)).map((w) => w.id), { message: `${screen}: ${must}` })
      .toEqual(expect.arrayContaining(must));
    for (const w of await widgets(page)) {
      expect(w.x, `${screen} ${w.id}`).toBeGreaterThanOrEqual(0);
      expect(w.y, `${screen} ${w.id}`).toBeGreaterThanOrEqual(0);
      expect(w.x + w.w, `${screen} ${w.id}`).toBeLessThanOrEqual(360.5);
      expect(w.y + w.h, `${screen} ${w.id}`).toBeLessThanOrEqual(640.5);
    }
  };
  await act(page, 'ack', 'intro');
  await inside('home', ['start']);
  await tap(page, 'start');
  await inside('screening', ['none']);
  await answerNone(page);
  await inside('check', ['none']);
  await answerNone(page);
  await inside('rating-before', ['skip']);
  await tap(page, 'skip');
  await inside('session', ['stop-pain', 'pause']);
  await act(page, 'stop-pain');
  await until(page, (s) => s.session && s.session.phase === 'stopped', 'stopped');
  await inside('session', ['pain-back', 'pain-leg']);
  await context.close();
});
