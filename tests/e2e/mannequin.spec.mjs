// The mannequin on screen: each exercise photographed mid-move and mid-hold
// at four screen sizes and in both themes (saved as test artefacts, like raylib's example
// screenshots), camera gestures, and a clean WebGL run.
import { test, expect } from '@playwright/test';
import { open, state, act, startSession, pixels } from './helpers.mjs';

const VIEW = { x: 0, y: 0, width: 412, height: 480 };  // the 3D view on a 412×915 phone

// Share of the view covered by the mannequin's warm wood colour.
function bodyShare({ data }) {
  let n = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    // Warm and light enough to be the figure in shade too: the key light
    // leaves its far side at about half its colour.
    if (r > 100 && r - b > 0.18 * r && g > 0.7 * r && r >= g) n++;
  }
  return n / (data.length / 4);
}

// Pauses once the session is that far through an exercise's phase.
async function pauseWhen(page, exercise, phase, through) {
  const ok = await page.evaluate(([ex, ph, at]) => new Promise((resolve) => {
    const end = performance.now() + 60_000;
    const tick = () => {
      const s = window.unfurl.state().session;
      if (s && s.exercise === ex && s.phase === ph && 1 - s.phase_remaining_s / s.phase_duration_s >= at) {
        resolve(window.unfurl.act('pause'));
      } else if (performance.now() > end) resolve(false);
      else requestAnimationFrame(tick);
    };
    tick();
  }), [exercise, phase, through]);
  expect(ok, `paused ${through} through ${exercise} ${phase}`).toBe(true);
}

// The gallery (issues 13 and 24): every exercise mid-move and mid-hold on a
// phone in both themes, a 360×640 clinic frame, a small phone and a
// landscape tablet, kept in test-results/. With UPDATE_GALLERY=1 the 3D view
// of the phone's and the clinic frame's pictures is also written into
// docs/poses/, which docs/poses.md shows. Each picture must show a body of a
// plausible size.
const GALLERY = process.env.UPDATE_GALLERY ? new URL('../../docs/poses/', import.meta.url) : null;
for (const device of [{ name: '412x915', width: 412, height: 915, dpr: 2.625, docs: true },
                      { name: '412x915', width: 412, height: 915, dpr: 2.625, light: true, docs: true },
                      { name: '360x640', width: 360, height: 640, dpr: 3, docs: true },
                      { name: '320x568', width: 320, height: 568, dpr: 2 },
                      { name: '1180x820', width: 1180, height: 820, dpr: 1 }]) {
  const theme = device.light ? 'light' : 'dim';
  test.describe(`gallery ${device.name} ${theme}`, () => {
    test.use({ viewport: { width: device.width, height: device.height }, deviceScaleFactor: device.dpr });
    test('every exercise, photographed mid-move and mid-hold, shows the body large on the bed', async ({ page }, info) => {
      test.setTimeout(360_000);  // SwiftShader paints a tablet's screen slowly on a busy CI machine
      await open(page, 'test=1&timescale=4');
      await act(page, 'ack', 'intro');
      if (device.light) expect(await act(page, 'set', { key: 'dim', value: false })).toBe(true);
      await startSession(page);
      const plan = [['knee_to_chest', 1], ['pelvic_tilt', 2], ['figure_four', 1], ['spinal_twist', 2], ['press_up', 2], ['fetal', 1]];
      for (const [id, nexts] of plan) {
        for (let i = 0; i < nexts; i++) expect(await act(page, 'next')).toBe(true);
        for (const [phase, through] of [['move', 0.5], ['hold', 0.3]]) {
          await pauseWhen(page, id, phase, through);
          await page.waitForTimeout(1800);  // the camera glide and the pose's easing settle
          const clip = { x: 0, y: 0, width: device.width, height: device.height };
          const path = info.outputPath(`${id}-${phase}-${device.name}-${theme}.png`);
          const shot = await page.screenshot({ clip, path });
          await info.attach(`${id}-${phase}`, { path, contentType: 'image/png' });
          if (GALLERY && device.docs) {
            // The 3D view: the top of a portrait screen, above the panel.
            const view = { x: 0, y: 0, width: device.width, height: Math.round(device.height * 0.52) };
            const name = `${id}-${phase}${device.name === '412x915' ? '' : '-' + device.name}${device.light ? '-light' : ''}.png`;
            await page.screenshot({ clip: view, path: new URL(name, GALLERY).pathname, scale: 'css' });
          }
          const share = bodyShare(await pixels(page, clip, shot));
          expect(share, `${id} ${phase}: body share of the screen`).toBeGreaterThan(0.015);
          expect(share, `${id} ${phase}: body share of the screen`).toBeLessThan(0.6);
          await act(page, 'resume');
        }
      }
    });
  });
}

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
