// Gecko: Debian's firefox-esr, driven over WebDriver BiDi (Firefox speaks it
// natively; no geckodriver) through puppeteer-core, never a downloaded
// browser. Not headless: headless Firefox has no WebGL2 here, so it draws on
// the runner's Xvfb through Mesa (docs/toolchain.md). Each profile() is a new
// browser context (BiDi user context): its own storage, workers and caches.
import { rmSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

export const name = 'firefox';

export async function launch({ display, viewport }) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: false,
    env: { ...process.env, DISPLAY: display },
    defaultViewport: viewport,
    protocolTimeout: 120_000,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,  // the runner cleans up
  });
  const proc = browser.process();
  // Puppeteer leaves the profile it made in /tmp: removed once Firefox is gone.
  const args = proc?.spawnargs || [];
  const dir = args[args.indexOf('--profile') + 1];
  const forget = () => { if (args.includes('--profile') && /puppeteer_dev_firefox_profile-/.test(dir)) rmSync(dir, { recursive: true, force: true }); };

  async function profile() {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport(viewport);
    page.setDefaultNavigationTimeout(60_000);
    return {
      open: (u) => page.goto(u, { waitUntil: 'load' }),
      eval: async (fn, arg) => {
        const out = await page.evaluate(`Promise.resolve().then(() => (${fn})(${JSON.stringify(arg ?? null)}))
          .then((v) => ({ ok: JSON.stringify(v === undefined ? null : v) }), (e) => ({ err: String(e) + (e && e.stack ? "\\n" + e.stack : "") }))`);
        if (out && out.err) throw new Error(`in the page: ${out.err}`);
        return JSON.parse(out.ok);
      },
      reload: () => page.reload({ waitUntil: 'load' }),
      tap: (x, y) => page.mouse.click(Math.round(x), Math.round(y), { delay: 30 }),
      // The browser's own offline mode (BiDi network conditions): navigator.onLine false, every request refused.
      offline: (on) => page.setOfflineMode(on),
      close: () => context.close().catch(() => {}),
    };
  }

  return {
    profile,
    close: async () => { await browser.close().catch(() => {}); forget(); },
    kill() {
      try { proc?.kill('SIGKILL'); } catch { /* already gone */ }
      try { forget(); } catch { /* still in use: left to /tmp's cleaning */ }
    },
  };
}
