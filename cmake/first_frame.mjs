// Which of the wasm's functions the first frame needs, measured, not guessed:
// the page in dist/ is opened in headless Chromium with the instrumented wasm
// emcc writes under -sSPLIT_MODULE, the way people open it (a first visit, a
// returning one with a history, another language, a prescription link, a
// clinic's frame, phone, tablet and desktop screens), and each run's record of
// the functions it called is written out for wasm-split, which keeps those in
// unfurl.wasm and moves the rest to unfurl.deferred.wasm (docs/performance.md).
// A function missed here still works: the shell loads the deferred part the
// moment it is called (web/app.js); it would only cost that first frame time.
// Usage: node first_frame.mjs <dist> <instrumented.wasm> <profile to write>
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const [dist, instrumented, out] = process.argv.slice(2);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.wasm': 'application/wasm', '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json' };
const ORIGIN = 'http://first-frame.test';

const day = Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / 86400000);
const returning = JSON.stringify({
  schema: 1, progress: { range: 0.7 }, settings: {},
  acks: { intro: true, history: { asked: new Date().toISOString(), day: day - 3, yes: [] } },
  sessions: [1, 2, 4, 6].map((d) => ({ id: `p-${d}`, day: day - d, outcome: 'completed', before: 5, after: 3 })),
});
// Back later the same day, after a session that was stopped and one that was done.
const today = JSON.stringify({ ...JSON.parse(returning), sessions: [
  { id: 't-1', day, outcome: 'stopped-pain', before: 6, after: 7 }, { id: 't-2', day, outcome: 'completed', before: 5, after: 3 }] });
const link = (rx) => `rx=${Buffer.from(JSON.stringify(rx)).toString('base64url')}`;
const phone = { viewport: { width: 412, height: 915 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true };
const runs = [
  { query: '', device: phone },
  { query: '', device: phone, stored: returning },
  { query: '', device: phone, stored: today },
  { query: 'lang=es', device: phone, stored: returning, scheme: 'light' },
  { query: 'lang=xx', device: { ...phone, deviceScaleFactor: 3 } },
  // Prescription links: a whole one, and ones the app must refuse or correct with a notice.
  { query: link({ exercises: [{ id: 'press_up', reps: 3, hold_s: 5 }, { id: 'figure_four', hold_s: 20 }], note: 'Gently' }), device: phone },
  { query: link({ exercises: [{ id: 'figure_four', hold_s: 300 }] }), device: phone, stored: returning },
  { query: 'rx=%%%not-a-link', device: phone },
  { query: `embed=1&clinic=Riverside&parent=${encodeURIComponent('https://clinic.example')}`, device: { viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2 } },
  { query: '', device: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }, stored: returning },
  // What storage can hold that this version cannot read: a newer version's document, a cut one.
  { query: '', device: phone, stored: JSON.stringify({ schema: 99, sessions: [], future: 'yes' }) },
  { query: '', device: phone, stored: '{"schema":1,"sessions":[' },
];

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
try {
  const parts = [];
  for (const run of runs) {
    const context = await browser.newContext({ ...run.device, serviceWorkers: 'block', colorScheme: run.scheme || 'dark' });
    await context.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\/$/, '/index.html');
      const file = path === '/unfurl.wasm' ? instrumented : join(dist, path);
      if (!existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] || 'application/octet-stream' });
    });
    // The module emcc's glue makes (createUnfurl's result), kept where this
    // script can ask it for its record; the page itself never exposes it.
    await context.addInitScript((stored) => {
      if (stored !== null) localStorage.setItem('unfurl:v1', stored);
      let made;
      Object.defineProperty(window, 'createUnfurl', {
        configurable: true,
        get: () => made,
        set: (f) => { made = (o) => f(o).then((m) => { window.__profiled = m; return m; }); },
      });
    }, run.stored ?? null);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${ORIGIN}/${run.query ? `?${run.query}` : ''}`);
    await page.waitForFunction(() => window.__profiled && window.unfurl.state().screen !== 'loading', null, { timeout: 60_000 });
    // A few more frames: the first frame's fade-ins and the loop's own start.
    await page.waitForTimeout(500);
    const bytes = await page.evaluate(() => {
      const m = window.__profiled;
      const size = 1 << 20;
      const at = m._malloc(size);
      const written = m.asm.__write_profile(at, size);
      return Array.from(m.HEAPU8.subarray(at, at + written));
    });
    if (errors.length) throw new Error(`first-frame profile, ${run.query || 'first visit'}: ${errors.join('; ')}`);
    parts.push(`${out}.${parts.length}`);
    writeFileSync(parts.at(-1), Buffer.from(bytes));
    await context.close();
  }
  execFileSync('wasm-split', ['--merge-profiles', ...parts, '-o', out]);
} finally {
  await browser.close();
}
