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

// A real tap: touchstart + touchend at the control's centre (CSS px).
export async function tap(page, id) {
  const w = await widget(page, id);
  await page.touchscreen.tap(w.x + w.w / 2, w.y + w.h / 2);
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

// Clears the first-visit note and goes through the check with no flags.
export async function startSession(page) {
  await tap(page, 'start');
  await until(page, (s) => s.screen === 'check', 'check screen');
  await tap(page, 'none');
  await until(page, (s) => s.screen === 'rating-before', 'rating screen');
  await tap(page, 'skip');
  await until(page, (s) => s.screen === 'session', 'session screen');
}

// Pixels of the page as the user sees them, decoded in the page itself and
// handed back as raw RGBA bytes.
export async function pixels(page, clip) {
  const png = (await page.screenshot({ clip })).toString('base64');
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
