// The foundation a person meets first: the page boots cleanly and offline-
// ready, draws something, answers one tap with exactly one action at any
// pixel ratio, scrolls with a finger, and does not burn battery while idle.
import { test, expect } from '@playwright/test';
import { open, state, widgets, tap, until, pixels, widget, act, toCheck, drag, seed, historyAnsweredToday, tapRow } from './helpers.mjs';

test('boots with no console errors and no request to any other origin', async ({ page, baseURL }) => {
  const foreign = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(baseURL) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  const errors = await open(page);
  const s = await state(page);
  expect(s.screen).toBe('home');
  expect(s.frame).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await expect(page.locator('#loading')).toBeHidden();
});

test('the 3D view is drawn: the bed is not blank background', async ({ page }) => {
  await open(page);
  const { data } = await pixels(page, { x: 0, y: 0, width: 412, height: 480 });
  const colours = new Set();
  let nonBackground = 0;
  for (let i = 0; i < data.length; i += 4) {
    colours.add(`${data[i] >> 3},${data[i + 1] >> 3},${data[i + 2] >> 3}`);
    // The dim background is #12141a; the mattress and pillow are far from it.
    if (Math.abs(data[i] - 0x12) + Math.abs(data[i + 1] - 0x14) + Math.abs(data[i + 2] - 0x1a) > 40) nonBackground++;
  }
  expect(colours.size).toBeGreaterThan(20);
  expect(nonBackground / (data.length / 4)).toBeGreaterThan(0.1);
});

for (const dpr of [1, 3]) {
  test.describe(`at devicePixelRatio ${dpr}`, () => {
    test.use({ deviceScaleFactor: dpr });

    test('one tap on Start is exactly one activation', async ({ page }) => {
      await open(page);
      const start = await widget(page, 'start');
      expect(start.h).toBeGreaterThanOrEqual(48);
      await tap(page, 'start');
      // A first visit: the one-time history questions come first.
      await until(page, (s) => s.screen === 'screening', 'Start opened the history questions');
      // A second, phantom activation would land on that screen under the
      // same finger and tick one of its rows.
      await page.waitForTimeout(400);
      const s = await state(page);
      expect(s.screen).toBe('screening');
      expect(s.screening.answers).toEqual([]);
    });

    test('once the history questions are answered, one tap on Start opens the check with nothing ticked', async ({ page }) => {
      await seed(page, { acks: { intro: true, history: historyAnsweredToday() } });
      await open(page);
      await tap(page, 'start');
      await until(page, (x) => x.screen === 'check', 'Start opened the check');
      await page.waitForTimeout(400);
      const s = await state(page);
      expect(s.screen).toBe('check');
      expect(s.answers).toEqual([]);
    });

    test('one tap on a check row toggles it exactly once', async ({ page }) => {
      await open(page);
      await toCheck(page);
      await tapRow(page, 'flag-fever');
      await until(page, (s) => s.answers.includes('fever'), 'fever ticked');
      await page.waitForTimeout(300);
      expect((await state(page)).answers).toEqual(['fever']);
      await tap(page, 'flag-fever');
      await until(page, (s) => s.answers.length === 0, 'fever unticked');
    });

    test('every control is at least 48 CSS px tall', async ({ page }) => {
      await open(page);
      for (const w of await widgets(page)) expect(w.h, w.id).toBeGreaterThanOrEqual(47.9);
    });
  });
}

test('nothing is redrawn while nothing moves', async ({ page }) => {
  await open(page);
  await page.waitForTimeout(500);  // let the first frames settle
  const before = (await state(page)).frame;
  await page.waitForTimeout(2000);
  expect((await state(page)).frame).toBe(before);
});

test('a panel taller than the screen scrolls with a one-finger drag, and the drag activates nothing', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 560 });
  await open(page);
  await toCheck(page);
  // The lowest sign on screen before the drag: it moves up, and stays in sight.
  const before = (await widgets(page)).filter((w) => w.id.startsWith('flag-')).at(-1);
  await drag(page, 180, 420, 180);
  await expect.poll(async () => (await widget(page, before.id)).y).toBeLessThan(before.y - 100);
  expect((await state(page)).answers).toEqual([]);
});

test('landscape puts the panel beside the 3D view', async ({ page }) => {
  await page.setViewportSize({ width: 915, height: 412 });
  await open(page);
  const start = await widget(page, 'start');
  expect(start.x).toBeGreaterThan(915 * 0.55);
});

test('without WebGL2 the page says so instead of staying blank', async ({ page }) => {
  await page.addInitScript(() => {
    const real = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : real.call(this, type, ...rest);
    };
  });
  await page.goto('./');
  await expect(page.locator('#unsupported')).toBeVisible();
  await expect(page.locator('#unsupported')).toContainText('WebGL2');
  await expect(page.locator('#loading')).toBeHidden();
});

test('when the pixel ratio changes, text and controls are rebuilt at the same CSS size', async ({ page }) => {
  await open(page);
  const before = await widget(page, 'start');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 412, height: 915, deviceScaleFactor: 3, mobile: true });
  await expect.poll(() => page.evaluate(() => devicePixelRatio)).toBe(3);
  // Chromium's emulation changes the ratio without the event a real change
  // brings (a zoom fires resize; a move to another screen, the resolution
  // media query): send the one a zoom sends. The app reads nothing per frame.
  await page.evaluate(() => window.dispatchEvent(new Event('resize')));
  // The drawing buffer follows: 3 device pixels per CSS pixel…
  await expect.poll(() => page.evaluate(() => {
    const c = document.getElementById('canvas');
    return [c.width, c.height];
  })).toEqual([412 * 3, 915 * 3]);
  // …and the controls, rebuilt at 3x, keep their CSS size and place.
  await page.waitForTimeout(300);
  const after = await widget(page, 'start');
  expect(Math.abs(after.h - before.h)).toBeLessThan(1);
  expect(Math.abs(after.y - before.y)).toBeLessThan(2);
  await tap(page, 'start');
  await until(page, (s) => s.screen === 'screening', 'a tap still lands after the change');
});

test('the page tells the embedding page nothing about health, and only its named origin', async ({ page }) => {
  await open(page, 'parent=not-an-origin');
  const s = await state(page);
  expect(s.parent).toBeNull();
  expect(s.notices.map((n) => n.id)).toContain('config.parent');
});

test('embedded with a clinic name: compact, and the clinic is named on Home', async ({ page }) => {
  await open(page);
  await act(page, 'ack', 'intro');
  const plain = await widget(page, 'open-history');
  const plainStart = await widget(page, 'start');
  await page.goto('./?embed=1&clinic=Riverside%20Physio');
  await page.evaluate(() => window.unfurl.ready);
  const s = await state(page);
  expect(s.embed).toBe(true);
  expect(s.clinic).toBe('Riverside Physio');
  // A smaller view gives the panel more of a short iframe: its words begin
  // higher, and Start stays pinned at the bottom.
  expect((await widget(page, 'open-history')).y).toBeLessThan(plain.y - 50);
  expect((await widget(page, 'start')).y).toBeCloseTo(plainStart.y, 0);
});
