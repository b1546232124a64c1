// One frame, one way (docs/architecture.md) as the browser sees it: no
// synchronous WebGL call once the app has started, and no frame at all while
// nothing moves. Counts calls; never times anything.
import { test, expect } from '@playwright/test';
import { open, act, state, tap, until, startSession } from './helpers.mjs';

// Every WebGL2 call that makes the page wait for the GPU (docs/toolchain.md, item 14).
const SYNC_CALLS = ['getParameter', 'getError', 'getShaderParameter', 'getProgramParameter', 'getUniformLocation',
  'getAttribLocation', 'readPixels', 'finish', 'getShaderInfoLog', 'getProgramInfoLog', 'getActiveUniform',
  'getActiveAttrib', 'getBufferSubData', 'getFramebufferAttachmentParameter', 'getRenderbufferParameter',
  'getTexParameter', 'getVertexAttrib', 'getUniform', 'checkFramebufferStatus', 'getContextAttributes',
  'getIndexedParameter', 'getInternalformatParameter', 'getSyncParameter', 'clientWaitSync', 'getQueryParameter',
  'getActiveUniforms', 'getUniformBlockIndex', 'getUniformIndices', 'getFragDataLocation'];

async function countCalls(page) {
  await page.addInitScript((names) => {
    window.__gl = { on: false, calls: {} };
    const proto = WebGL2RenderingContext.prototype;
    for (const name of names) {
      const real = proto[name];
      if (typeof real !== 'function') continue;
      proto[name] = function (...args) {
        if (window.__gl.on) window.__gl.calls[name] = (window.__gl.calls[name] || 0) + 1;
        return real.apply(this, args);
      };
    }
    // Animation frames the app asks for (emscripten's loop uses this global).
    window.__raf = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => { window.__raf++; return raf(cb); };
  }, SYNC_CALLS);
}

test('no synchronous WebGL call across a hold, a transition and a change of screen', async ({ page }) => {
  test.setTimeout(90_000);
  await countCalls(page);
  await open(page, 'test=1&timescale=4');
  await act(page, 'ack', 'intro');
  await page.evaluate(() => { window.__gl.on = true; });
  const first = (await state(page)).frame;
  await startSession(page);  // three screen changes, by real taps
  await until(page, (s) => s.session && s.session.phase === 'hold', 'a hold', 40_000);
  await until(page, (s) => s.session && s.session.phase !== 'hold', 'the move after it', 40_000);
  await tap(page, 'pause');
  await tap(page, 'end');
  await until(page, (s) => s.screen === 'home', 'back home');
  const frames = (await state(page)).frame - first;
  const calls = await page.evaluate(() => window.__gl.calls);
  expect(frames, 'frames were drawn while counting').toBeGreaterThan(30);
  expect(calls).toEqual({});
});

test('nothing moves, nothing is drawn: Home and a paused session schedule no frame', async ({ page }) => {
  await countCalls(page);
  await open(page, 'test=1');
  await act(page, 'ack', 'intro');
  const idle = async (where) => {
    // Let the last change settle (the camera glides 1.5 s to a new framing),
    // then watch for a second and a half.
    await page.waitForTimeout(2000);
    const before = await page.evaluate(() => [window.__raf, window.unfurl.state().frame]);
    await page.waitForTimeout(1500);
    const after = await page.evaluate(() => [window.__raf, window.unfurl.state().frame]);
    expect(after[0] - before[0], `animation frames requested on ${where}`).toBe(0);
    expect(after[1] - before[1], `frames drawn on ${where}`).toBe(0);
  };
  await idle('Home');
  await startSession(page);
  const s0 = (await state(page)).frame;
  // How many frames a second a loaded machine draws is not the point: that they keep coming is.
  await expect.poll(async () => (await state(page)).frame - s0, { message: 'a running session draws', timeout: 10_000 }).toBeGreaterThan(10);
  await tap(page, 'pause');
  await idle('a paused session');
  // A tap wakes it.
  await tap(page, 'resume');
  await until(page, (s) => !s.session.paused, 'resumed');
});

test('the canvas is shown only once the app has drawn into it; the loading screen until then', async ({ page }) => {
  // The wasm is held back, so the page stays in its loading state for as long as the test looks.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/unfurl.wasm', async (route) => { await held; await route.continue(); });
  await page.goto('./?test=1');
  const look = () => page.evaluate(() => ({
    canvas: getComputedStyle(document.getElementById('canvas')).visibility,
    loading: !document.getElementById('loading').hidden,
  }));
  await expect.poll(look).toEqual({ canvas: 'hidden', loading: true });
  release();
  await page.evaluate(() => window.unfurl.ready);
  expect(await look()).toEqual({ canvas: 'visible', loading: false });
});

// The shell answers later, never while the app is calling it: on a browser
// with no wake lock, asking for one raises a notice at once, inside the
// frame that asked; the app takes it after that frame (as it takes an
// action), shows it, and the session runs on.
test('a browser without a wake lock: the notice raised inside a frame is shown after it, and the session runs on', async ({ page }) => {
  await page.addInitScript(() => { delete Navigator.prototype.wakeLock; });
  const errors = await open(page, 'test=1&timescale=4');
  expect(await page.evaluate(() => 'wakeLock' in navigator)).toBe(false);
  await act(page, 'ack', 'intro');
  await startSession(page);
  await until(page, (s) => s.notices.some((n) => n.id === 'wakelock' && n.text), 'the wake-lock notice');
  const first = (await state(page)).session.elapsed_s;
  await until(page, (s) => s.session && s.session.elapsed_s > first + 1, 'the session runs on');
  expect(errors).toEqual([]);
});
