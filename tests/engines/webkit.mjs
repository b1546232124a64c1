// WebKit: WebKitGTK's MiniBrowser, driven over W3C WebDriver by Debian's
// WebKitWebDriver (package webkit2gtk-driver) through selenium-webdriver,
// pointed at the driver we start ourselves so nothing is looked up or
// downloaded (docs/toolchain.md). Needs an X display (the runner's Xvfb).
// Each profile() is a new WebDriver session: a new MiniBrowser with its own
// storage, service workers and caches.
import { spawn } from 'node:child_process';
import { Builder, Capabilities, Origin } from 'selenium-webdriver';

const DRIVER = '/usr/bin/WebKitWebDriver';
const BROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const name = 'webkit';

export async function launch({ display, port, viewport }) {
  // Its own process group, so MiniBrowser and WebKit's helper processes go with it.
  const driver = spawn(DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    // LP_NUM_THREADS=0: Mesa's software rasteriser draws on the calling thread. With its
    // worker threads, WebKitGTK's compositor crashed inside swrast_dri.so in about one
    // run in four of a routine on a busy 2-core machine (docs/testing-engines.md).
    env: { ...process.env, DISPLAY: display, LP_NUM_THREADS: '0' }, stdio: ['ignore', 'ignore', 'pipe'], detached: true,
  });
  let log = '';
  driver.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(`${url}/status`)).ok) break; } catch { /* not listening yet */ }
    if (driver.exitCode !== null || i > 100) throw new Error(`WebKitWebDriver did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const sessions = new Set();
  const caps = () => new Capabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: BROWSER, args: ['--automation'] },
  });

  async function profile() {
    const d = await new Builder().usingServer(url).withCapabilities(caps()).build();
    sessions.add(d);
    await d.manage().setTimeouts({ script: 120_000, pageLoad: 60_000 });
    await d.manage().window().setRect({ x: 0, y: 0, width: viewport.width, height: viewport.height });
    const run = async (fn, arg) => {
      const out = await d.executeAsyncScript(`
        const done = arguments[arguments.length - 1];
        Promise.resolve().then(() => (${fn})(arguments[0]))
          .then((v) => done({ ok: JSON.stringify(v === undefined ? null : v) }),
                (e) => done({ err: String(e) + (e && e.stack ? "\\n" + e.stack : "") }));`, arg ?? null);
      if (out && out.err) throw new Error(`in the page: ${out.err}`);
      return JSON.parse(out.ok);
    };
    return {
      open: (u) => d.get(u),
      eval: run,
      reload: () => d.navigate().refresh(),
      // A real click at CSS px in the viewport (WebKitGTK's WebDriver has no touch pointer).
      tap: (x, y) => d.actions({ async: true })
        .move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).press().pause(30).release().perform(),
      offline: null,  // WebKitGTK's WebDriver has no network emulation: the journey stops its server instead
      close: async () => { sessions.delete(d); await d.quit().catch(() => {}); },
    };
  }

  return {
    profile,
    async close() {
      for (const d of sessions) await d.quit().catch(() => {});
      try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ }
    },
    kill() { try { process.kill(-driver.pid, 'SIGKILL'); } catch { /* already gone */ } },
  };
}
