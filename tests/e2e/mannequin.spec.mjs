// The mannequin on screen: each exercise photographed in the middle of its
// hold (saved as test artefacts, like raylib's example screenshots), the body
// where a body should be, camera gestures, and a clean WebGL run.
import { test, expect } from '@playwright/test';
import { open, state, act, until, startSession, pixels, pauseAt } from './helpers.mjs';

const VIEW = { x: 0, y: 0, width: 412, height: 480 };  // the 3D view on a 412×915 phone

// Share of the view covered by the mannequin's warm wood colour.
function bodyShare({ data }) {
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (r > 120 && r - b > 35 && g > 80 && r >= g) n++;
  }
  return n / (data.length / 4);
}

test('every exercise, photographed mid-hold, shows a body of plausible size on the bed', async ({ page }, info) => {
  test.setTimeout(90_000);
  await open(page, 'test=1&timescale=6');
  await act(page, 'ack', 'intro');
  await startSession(page);
  // Next moves one exercise side at a time: [exercise, Next taps to reach it from the one before].
  const plan = [['knee_to_chest', 1], ['pelvic_tilt', 2], ['figure_four', 1], ['spinal_twist', 2], ['press_up', 2], ['fetal', 1]];
  for (const [id, nexts] of plan) {
    for (let i = 0; i < nexts; i++) expect(await act(page, 'next')).toBe(true);
    await pauseAt(page, id, 'hold');
    await page.waitForTimeout(1800);  // the camera glide and pose easing settle
    // Kept in test-results/ as the reference picture of each pose.
    const path = info.outputPath(`${id}-hold.png`);
    await page.screenshot({ clip: VIEW, path });
    await info.attach(`${id}-hold`, { path, contentType: 'image/png' });
    const share = bodyShare(await pixels(page, VIEW));
    expect(share, `${id}: body share of the view`).toBeGreaterThan(0.02);
    expect(share, `${id}: body share of the view`).toBeLessThan(0.5);
    await act(page, 'resume');
  }
});

test('one-finger drag turns the camera, pinch or wheel zooms, and Reset view restores it', async ({ page }) => {
  await open(page);
  await act(page, 'ack', 'intro');
  await page.waitForTimeout(300);
  const before = await page.screenshot({ clip: VIEW });
  const cdp = await page.context().newCDPSession(page);
  const pt = (x, y) => [{ x, y, id: 7 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: pt(120, 250) });
  for (let x = 140; x <= 300; x += 20) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: pt(x, 240) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(300);
  const turned = await page.screenshot({ clip: VIEW });
  expect(turned.equals(before)).toBe(false);
  expect((await state(page)).screen).toBe('home');  // a drag is not a tap

  await page.mouse.move(200, 250);
  await page.mouse.wheel(0, -400);
  await page.waitForTimeout(300);
  const zoomed = await page.screenshot({ clip: VIEW });
  expect(zoomed.equals(turned)).toBe(false);

  expect(await act(page, 'reset-view')).toBe(true);
  await page.waitForTimeout(300);
  const reset = await page.screenshot({ clip: VIEW });
  expect(reset.equals(before)).toBe(true);
});

test('a whole routine raises no WebGL error', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page, 'test=1&timescale=30');
  await act(page, 'ack', 'intro');
  await startSession(page);
  const errors = [];
  while ((await state(page)).screen === 'session') {
    errors.push(await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').getError()));
    await page.waitForTimeout(250);
  }
  expect((await state(page)).screen).toBe('finish');
  expect(errors.filter((e) => e !== 0)).toEqual([]);
  expect(errors.length).toBeGreaterThan(10);
});
