// Runs the journeys (journeys.mjs) in WebKit (WebKitGTK's MiniBrowser) and
// Gecko (Firefox ESR), each on its own X display (Xvfb) against dist/ served by
// scripts/static-server.mjs (docs/testing-engines.md). Blink has the Playwright suite.
//
// Usage: node tests/engines/run.mjs [--port N] [--engines webkit,firefox]
//        [--only text] [--json build/logs/engines.json] [--dist dist]
// Prints one line per journey and closes with "engines: N passed, M failed,
// K skipped"; exits non-zero when any journey failed or the run could not start.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOURNEYS, Skip, AppFailure } from './journeys.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
// The app's server's port (default: a free one); each journey's own server and the WebDriver take free ones.
const PORT = Number(opt('port', process.env.ENGINES_PORT || 0));
const ENGINES = opt('engines', 'webkit,firefox').split(',').filter(Boolean);
const ONLY = opt('only', '');
const JSON_OUT = opt('json', '');
const DIST = resolve(opt('dist', resolve(ROOT, 'dist')));
const VIEWPORT = { width: 412, height: 915 };
const JOURNEY_TIMEOUT_S = 150;
const RUN_TIMEOUT_S = 15 * 60;  // whatever hangs, CI gets its answer

const children = new Set();
const engines = new Set();
function cleanup() {
  for (const e of engines) e.kill();
  for (const c of children) { try { c.kill('SIGKILL'); } catch { /* gone */ } }
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { cleanup(); process.exit(130); });

const DEBUG = !!process.env.ENGINES_DEBUG;
const T0 = Date.now();
const debug = (...a) => { if (DEBUG) console.log(`    [${((Date.now() - T0) / 1000).toFixed(1)}]`, ...a); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

function start(cmd, argv, opts = {}) {
  const c = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  children.add(c);
  c.output = '';
  const keep = (d) => { c.output = (c.output + d).slice(-2000); };
  c.stdout.on('data', keep);
  c.stderr.on('data', keep);
  c.exited = new Promise((r) => c.on('exit', () => { children.delete(c); r(); }));
  return c;
}

// An X server of our own: -displayfd picks a free display number.
async function xvfb() {
  const c = start('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp',
    // Without -noreset the server resets whenever its last client leaves, and a
    // browser launched in that moment finds no display ("cannot open display").
    '-noreset']);
  for (let i = 0; i < 100; i++) {
    const n = c.output.match(/^(\d+)\s*$/m);
    if (n) return { display: `:${n[1]}`, stop: () => c.kill() };
    if (c.exitCode !== null) break;
    await sleep(100);
  }
  throw new Error(`Xvfb did not start: ${c.output}`);
}

async function staticServer(port) {
  const c = start(process.execPath, [resolve(ROOT, 'scripts/static-server.mjs'), DIST, String(port)]);
  const base = `http://localhost:${port}/`;
  for (let i = 0; ; i++) {
    try { if ((await fetch(base)).ok) break; } catch { /* not yet */ }
    if (c.exitCode !== null || c.signalCode !== null || i > 100) throw new Error(`static server on ${port} did not start: ${c.output}`);
    await sleep(100);
  }
  return {
    url: (q = '') => base + q,
    stop: () => { c.kill(); return c.exited; },
  };
}

// A port nobody listens on now, from the OS (other people's servers share this machine).
function freePort() {
  return new Promise((res, rej) => {
    const s = createServer().once('error', rej).listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

function withTimeout(promise, s, what) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took over ${s} s`)), s * 1000); })])
    .finally(() => clearTimeout(timer));
}

async function main() {
  const t0 = Date.now();
  const x = await xvfb();
  const app = await staticServer(PORT || await freePort());
  console.log(`engines: ${ENGINES.join(', ')} on display ${x.display}, dist/ at ${app.url()}`);
  const results = [];
  const facts = {};

  for (const name of ENGINES) {
    const driver = await import(`./${name}.mjs`);
    facts[name] = {};
    let engine = null, launchError = null;
    const launch = async () => {
      const t = Date.now();
      engine = await withTimeout(driver.launch({ display: x.display, port: await freePort(), viewport: VIEWPORT }), 60, `launching ${name}`);
      engines.add(engine);
      return seconds(t);
    };
    const drop = async () => {
      if (!engine) return;
      await withTimeout(engine.close(), 15, `closing ${name}`).catch(() => {});
      engine.kill();
      engines.delete(engine);
      engine = null;
    };
    // One run of a journey; 'browser' when the browser rather than the app failed it.
    const attempt = async (j) => {
      const profiles = [], servers = [];
      const ctx = {
        engine: name,
        url: app.url,
        async profile() { const p = await engine.profile(); profiles.push(p); return p; },
        async server() { const s = await staticServer(await freePort()); servers.push(s); return s; },
        fact(key, value) { facts[name][key] = value; },
      };
      let status = 'passed', message = '', failure = null;
      try {
        // A browser that cannot start fails every journey of its engine at once.
        if (launchError) throw new Error(`${name} could not be launched: ${launchError}`);
        if (!engine) {
          debug('launching', name);
          try { ctx.fact('launch_s', await launch()); } catch (e) { launchError = e.message; throw e; }
          debug('launched');
        }
        await withTimeout(j.run(ctx), JOURNEY_TIMEOUT_S, 'the journey');
      } catch (e) {
        if (e instanceof Skip) { status = 'skipped'; message = e.message; } else { status = 'failed'; message = e.message; failure = e; }
      }
      debug(status, 'closing profiles');
      for (const p of profiles) await withTimeout(p.close(), 15, 'closing a profile').catch(() => {});
      for (const s of servers) await s.stop();
      // A browser that failed the journey (a protocol error, no answer, a crash) is not trusted
      // with the next one: that gets a new browser. The app failing an assertion is not the browser's fault.
      const browser = status === 'failed' && !(failure instanceof AppFailure) && !launchError;
      if (browser) await drop();
      return { status, message, browser };
    };
    for (const j of JOURNEYS) {
      if (ONLY && !j.name.includes(ONLY)) continue;
      const t = Date.now();
      let r = await attempt(j);
      // A browser that fell over (the software GL driver of a machine without a GPU has
      // crashed WebKit's compositor) gets one more try in a new browser, said out loud;
      // the app failing its assertions, or the browser failing twice, fails the journey.
      if (r.browser) {
        console.log(`  ! ${name} › ${j.name}: the browser failed (${r.message.split('\n')[0]}); once more in a new browser`);
        facts[name].retried = [...(facts[name].retried || []), j.name];
        r = await attempt(j);
      }
      results.push({ engine: name, journey: j.name, status: r.status, message: r.message, seconds: Number(seconds(t)) });
      const mark = { passed: '✓', failed: '✘', skipped: '-' }[r.status];
      console.log(`  ${mark} ${name} › ${j.name} (${seconds(t)} s)${r.status === 'skipped' ? ` skipped: ${r.message}` : ''}`);
      if (r.status === 'failed') console.log(`      ${r.message.split('\n').join('\n      ')}`);
    }
    await drop();
    console.log(`  ${name} facts: ${JSON.stringify(facts[name])}`);
  }
  await app.stop();
  x.stop();

  const count = (s) => results.filter((r) => r.status === s).length;
  const summary = { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), seconds: Number(seconds(t0)) };
  if (JSON_OUT) {
    mkdirSync(dirname(resolve(JSON_OUT)), { recursive: true });
    writeFileSync(JSON_OUT, JSON.stringify({ summary, results, facts }, null, 2));
  }
  console.log(`engines took ${summary.seconds} s`);
  console.log(`engines: ${summary.passed} passed, ${summary.failed} failed` + (summary.skipped ? `, ${summary.skipped} skipped` : ''));
  return summary.failed ? 1 : 0;
}

setTimeout(() => {
  console.log(`engines: the run took over ${RUN_TIMEOUT_S} s and was stopped`);
  console.log('engines: 0 passed, 1 failed');
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ summary: { passed: 0, failed: 1, skipped: 0 }, error: 'run timeout' }));
  cleanup();
  process.exit(1);
}, RUN_TIMEOUT_S * 1000).unref();

main().then((rc) => { cleanup(); process.exit(rc); }, (e) => {
  console.log(`engines: could not run: ${e.stack || e}`);
  console.log('engines: 0 passed, 1 failed');
  if (JSON_OUT) mkdirSync(dirname(resolve(JSON_OUT)), { recursive: true });
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ summary: { passed: 0, failed: 1, skipped: 0 }, error: String(e) }));
  cleanup();
  process.exit(1);
});
