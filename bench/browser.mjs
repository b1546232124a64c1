// The browser half of scripts/bench: Unfurl and the bare Dear ImGui reference,
// side by side in one run, in Debian's headless Chromium (SwiftShader) as a
// 412×915 phone at dpr 2.625. Prints JSON for scripts/bench to tabulate.
// Usage: node bench/browser.mjs <unfurl-url> <reference-url> <dist-dir> <reference-dir>
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const [unfurlUrl, refUrl, distDir, refDir] = process.argv.slice(2);
const LOADS = 10;
const ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PHONE = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true };
const SYNC = ['getParameter', 'getError', 'getShaderParameter', 'getProgramParameter', 'getUniformLocation',
  'getAttribLocation', 'readPixels', 'finish', 'getShaderInfoLog', 'getProgramInfoLog', 'getActiveUniform',
  'getActiveAttrib', 'checkFramebufferStatus', 'getTexParameter', 'getVertexAttrib'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : null; };

function sizes(dir) {
  const files = readdirSync(dir).filter((f) => !/\.(gz|br)$/.test(f) && statSync(join(dir, f)).isFile());
  return files.map((f) => {
    const raw = readFileSync(join(dir, f));
    return { file: f, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length,
      brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
  });
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });

// Navigation → first frame (a performance mark each app sets on its first
// drawn frame), and → interactive: the end of the last long task within 3 s
// of the first frame (the main thread free to answer a tap).
async function load(context, url, mark) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push(e.startTime + e.duration)))
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 30_000 });
  await page.waitForTimeout(3000);
  const r = await page.evaluate((m) => {
    const first = performance.getEntriesByName(m)[0].startTime;
    const last = Math.max(first, ...window.__long.filter((t) => t < first + 3000));
    return { first, interactive: last };
  }, mark);
  await page.close();
  return { ...r, bytes };
}

async function loads(url, mark, warm) {
  const out = [];
  for (let i = 0; i < LOADS; ++i) {
    const context = await browser.newContext(PHONE);
    if (warm) { await load(context, url, mark); await new Promise((r) => setTimeout(r, 500)); }
    out.push(await load(context, url, mark));
    await context.close();
  }
  return {
    first_ms: median(out.map((x) => x.first)), interactive_ms: median(out.map((x) => x.interactive)),
    transfer_bytes: median(out.map((x) => x.bytes)),
  };
}

// Start, the one-time history questions and the check answered "none" (each
// list brought to its end first, as "See the rest" does: an answer counts only
// once every question has been on screen), the rating skipped.
async function toSession(page) {
  const act = (n, v) => page.evaluate(([a, b]) => window.unfurl.act(a, b), [n, v]);
  await act('start');
  for (const screen of ['screening', 'check']) {
    if ((await page.evaluate(() => window.unfurl.state().screen)) !== screen) continue;
    await page.waitForFunction(() => window.unfurl.state().list !== 'unknown');
    await act('reveal', 'end');
    await page.waitForFunction(() => window.unfurl.state().list === 'seen');
    await act('answer', 'none');
  }
  await act('skip');
}

// Running app: frames, wasm time per frame, main-thread share, sync GL calls.
async function running() {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.addInitScript((names) => {
    window.__gl = 0;
    window.__draws = 0;
    const proto = WebGL2RenderingContext.prototype;
    for (const n of names) {
      const real = proto[n];
      proto[n] = function (...a) { window.__gl++; return real.apply(this, a); };
    }
    // Draw calls (the scene's and ImGui's), counted per frame.
    for (const n of ['drawElements', 'drawArrays']) {
      const real = proto[n];
      proto[n] = function (...a) { window.__draws++; return real.apply(this, a); };
    }
  }, SYNC);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === name).value;
  const busy = () => metric('TaskDuration');
  const script = () => metric('ScriptDuration');
  await page.goto(unfurlUrl + '?test=1&timescale=3');
  await page.evaluate(() => window.unfurl.ready);
  await page.evaluate(() => window.unfurl.act('ack', 'intro'));

  const window_ = async (seconds) => {
    await page.evaluate(() => { window.unfurl.perf(true); window.__gl = 0; window.__draws = 0; });
    const f0 = (await page.evaluate(() => window.unfurl.state().frame));
    const b0 = await busy(), s0 = await script();
    const t0 = Date.now();
    await page.waitForTimeout(seconds * 1000);
    const dt = (Date.now() - t0) / 1000;
    const b1 = await busy(), s1 = await script();
    const f1 = (await page.evaluate(() => window.unfurl.state().frame));
    const perf = await page.evaluate(() => window.unfurl.perf());
    const gl = await page.evaluate(() => window.__gl);
    const draws = await page.evaluate(() => window.__draws);
    return { fps: (f1 - f0) / dt, busy_share: (b1 - b0) / dt, script_ms_per_10s: (s1 - s0) * 1000 * 10 / dt,
      task_ms_per_10s: (b1 - b0) * 1000 * 10 / dt,
      frame_ms_median: median(perf.frames_ms), frame_ms_p99: pct(perf.frames_ms, 0.99),
      sync_gl_per_frame: f1 > f0 ? gl / (f1 - f0) : 0, draws_per_frame: f1 > f0 ? draws / (f1 - f0) : 0, frames: f1 - f0 };
  };
  // Idle on Home once start-up has settled (the service worker's install, the first store).
  await page.waitForTimeout(3000);
  const idle = await window_(10);
  await toSession(page);
  // 3× session time: the preparation is a minute long at 1×; frames are paced the same at any timescale.
  await page.waitForFunction(() => window.unfurl.state().session.phase === 'hold', null, { timeout: 120_000 });
  const hold = await window_(3);
  await page.waitForFunction(() => ['move', 'release', 'switch'].includes(window.unfurl.state().session.phase), null, { timeout: 120_000 });
  const transition = await window_(1);
  // The rest of the session at 30× so the heap is measured after a whole one.
  await page.goto(unfurlUrl + '?test=1&timescale=30');
  await page.evaluate(() => window.unfurl.ready);
  await toSession(page);
  await page.waitForFunction(() => window.unfurl.state().screen === 'finish', null, { timeout: 120_000 });
  const heap = (await page.evaluate(() => window.unfurl.perf())).heap;
  await context.close();

  // The reference draws every refresh, idle or not.
  const rc = await browser.newContext(PHONE);
  const rp = await rc.newPage();
  const rcdp = await rc.newCDPSession(rp);
  await rcdp.send('Performance.enable');
  await rp.addInitScript(() => {
    window.__frames = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => { window.__frames++; cb(t); });
  });
  await rp.goto(refUrl);
  await rp.waitForFunction(() => performance.getEntriesByName('first-frame').length > 0);
  const rm = async (name) => (await rcdp.send('Performance.getMetrics')).metrics.find((x) => x.name === name).value;
  await rp.waitForTimeout(3000);
  const rf0 = await rp.evaluate(() => window.__frames), rb0 = await rm('TaskDuration'), rs0 = await rm('ScriptDuration');
  const rt0 = Date.now();
  await rp.waitForTimeout(10_000);
  const rdt = (Date.now() - rt0) / 1000;
  const rb1 = await rm('TaskDuration'), rs1 = await rm('ScriptDuration');
  const refIdle = { fps: (await rp.evaluate(() => window.__frames) - rf0) / rdt, busy_share: (rb1 - rb0) / rdt,
    script_ms_per_10s: (rs1 - rs0) * 1000 * 10 / rdt, task_ms_per_10s: (rb1 - rb0) * 1000 * 10 / rdt };
  await rc.close();
  return { idle, hold, transition, heap, reference_idle: refIdle };
}

const result = {
  sizes: { unfurl: sizes(distDir), reference: sizes(refDir) },
  cold: { unfurl: await loads(unfurlUrl, 'unfurl-first-frame', false), reference: await loads(refUrl, 'first-frame', false) },
  warm: { unfurl: await loads(unfurlUrl, 'unfurl-first-frame', true), reference: await loads(refUrl, 'first-frame', true) },
  running: await running(),
};
await browser.close();
console.log(JSON.stringify(result));
