// The journeys a person relies on, run in every engine (docs/testing-engines.md).
// Each journey is a plain async function over a tiny driver:
//   b.open(url), b.eval(fn, arg) (fn runs in the page, may be async, returns JSON),
//   b.reload(), b.tap(x, y) (a real pointer click at CSS px), b.close(), and
//   b.offline(on) where the browser can go offline under automation (else null).
// ctx gives: ctx.profile() (a fresh browser profile: empty storage, no service
// worker), ctx.url(query) (the runner's server), ctx.server() (a static server
// of this journey's own, to stop for offline), ctx.fact(key, value) (recorded
// in the report), ctx.skip(reason).
// Waits poll state() generously; nothing asserts on time.
import { readFileSync } from 'node:fs';

const I18N = (lang) => JSON.parse(readFileSync(new URL(`../../assets/i18n/${lang}.json`, import.meta.url), 'utf8'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class Skip extends Error {}
// The app did not do what the journey expects (as opposed to the browser or its driver failing).
export class AppFailure extends Error {}

export function assert(ok, message) {
  if (!ok) throw new AppFailure(message);
}

const short = (v) => { const s = JSON.stringify(v); return s && s.length > 300 ? `${s.slice(0, 300)}…` : s; };

// Polls fn() until it returns something truthy; a failed eval (a page
// between documents) counts as not yet.
async function poll(fn, message, timeout = 30_000, every = 100) {
  const end = Date.now() + timeout;
  let last, error;
  for (;;) {
    try { last = await fn(); error = null; if (last) return last; } catch (e) {
      // The browser has dropped the page (its web process crashed): no later poll can answer.
      if (e.name === 'NoSuchSessionError') throw new Error(`the browser lost the page while waiting for ${message}: ${e.message}`);
      error = e;
    }
    // Still erring at the end: the browser, not the app, is in trouble.
    if (Date.now() > end) throw new (error ? Error : AppFailure)(`timed out (${timeout / 1000} s) waiting for ${message}` +
      (error ? `; last error: ${error.name}: ${error.message.split('\n')[0]}` : `; last: ${short(last)}`));
    await sleep(every);
  }
}

const state = (b) => b.eval(() => window.unfurl.state());
const act = (b, name, arg) => b.eval(([n, a]) => window.unfurl.act(n, a), [name, arg ?? null]);
const widgets = (b) => b.eval(() => window.unfurl.widgets());
const history = (b) => b.eval(() => window.unfurl.history());
const until = (b, pred, message, timeout) => poll(async () => pred(await state(b)), message, timeout);

// window.unfurl.ready, polled in short calls (a page that never gets ready
// fails here with what the page shows instead).
async function ready(b, timeout = 30_000) {
  try {
    await poll(() => b.eval(() => window.unfurl && Promise.race([
      window.unfurl.ready.then(() => true, (e) => ({ rejected: String(e) })),
      new Promise((r) => setTimeout(() => r(false), 1000))])), 'window.unfurl.ready', timeout);
  } catch (e) {
    const shown = await b.eval(() => {
      const visible = [...document.querySelectorAll('#loading, #unsupported')]
        .filter((el) => !el.hidden && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden');
      return visible.map((el) => `#${el.id}: "${el.textContent.trim().replace(/\s+/g, ' ').slice(0, 120)}"`).join('; ');
    }).catch(() => '');
    throw new AppFailure(`${e.message}${shown ? `; the page shows ${shown}` : ''}`);
  }
  const r = await b.eval(() => window.unfurl.ready.then(() => true, (e) => String(e)));
  assert(r === true, `window.unfurl.ready rejected: ${r}`);
}

async function boot(b, url) {
  await b.open(url);
  await ready(b);
}

// The widget on screen now, by id (widgets() is the last frame's).
const widget = (b, id) => poll(async () => (await widgets(b)).find((w) => w.id === id), `widget ${id} on screen`);

// A real tap at the control's centre, after a moment's look at it, as a
// person does: a control that has just appeared where the last tap landed
// takes no tap until the finger has rested (src/ui/input.h, TapGuard).
async function tap(b, id) {
  const w = await widget(b, id);
  await new Promise((r) => setTimeout(r, 700));
  await b.tap(w.x + w.w / 2, w.y + w.h / 2);
  return w;
}

// "None of these": through act(), once the list has been brought to its end
// as "See the rest ↓" does (docs/automation.md, list-seen / reveal).
async function actNone(b) {
  await until(b, (s) => s.list !== 'unknown', 'the list measured');
  for (let i = 0; i < 12 && (await state(b)).list !== 'seen'; i++) {
    assert(await act(b, 'reveal', 'end'), 'reveal end');
    await b.eval(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await until(b, (s) => s.list === 'seen', 'the list seen to its end');
  return act(b, 'answer', 'none');
}

// From Home: Start (a real tap), the one-time history questions if due, the
// check with nothing ticked, to the rating before.
async function throughCheck(b, { tapStart = true } = {}) {
  if (tapStart) await tap(b, 'start');
  else assert(await act(b, 'start'), 'act start');
  const first = await until(b, (s) => (s.screen === 'screening' || s.screen === 'check') && s.screen, 'the history questions or the check');
  if (first === 'screening') {
    assert(await actNone(b), 'none of the history questions apply');
    await until(b, (s) => s.screen === 'check', 'the check after the history questions');
  }
  assert(await actNone(b), 'none of these today');
  await until(b, (s) => s.screen === 'rating-before', 'the rating before');
}

// A stored document in place before the app's first load: written from
// another page of the same origin, then the app opened.
async function seedThenOpen(ctx, b, doc, query = '') {
  await b.open(ctx.url('nojs.html'));
  await b.eval((text) => { localStorage.clear(); localStorage.setItem('unfurl:v1', text); }, typeof doc === 'string' ? doc : JSON.stringify(doc));
  await b.open(ctx.url(query));
}

function localDay(daysAgo = 0) {
  return Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / 86400000) - daysAgo;
}

function seededSessions(n) {
  return Array.from({ length: n }, (_, i) => ({
    id: `engines-${i}`, routine: 'morning-back', started: '', ended: '', day: localDay(n - i), outcome: 'completed',
    check: { level: 'none', flags: [] }, before: 4, after: 3, hurt: false, pain: null, range: 0.6, exercises: [],
  }));
}

// Feature facts, as the page sees them.
const FEATURES = () => ({
  vibrate: typeof navigator.vibrate,
  'storage.persist': typeof navigator.storage?.persist,
  canShare: typeof navigator.canShare,
  canShareFiles: (() => {
    try { return !!navigator.canShare && navigator.canShare({ files: [new File(['a'], 'a.csv', { type: 'text/csv' })] }); } catch (e) { return `throws ${e.name}`; }
  })(),
  wakeLock: typeof navigator.wakeLock,
  speechSynthesis: typeof window.speechSynthesis,
  serviceWorker: typeof navigator.serviceWorker,
  webgl2: !!document.createElement('canvas').getContext('webgl2'),
});

// Which control needs which feature (docs/architecture.md "The three engines":
// a control whose feature is missing is not offered).
const NEEDS = [
  { feature: 'navigator.vibrate', present: (f) => f.vibrate === 'function', ids: /^set-vibration$/ },
  { feature: 'navigator.canShare({files})', present: (f) => f.canShareFiles === true, ids: /^share-/ },
  { feature: 'speechSynthesis', present: (f) => f.speechSynthesis === 'object', ids: /^(set-voice|less-voice_rate|more-voice_rate)$/ },
];

// Every control of the screen: what is on screen now and what the accessible
// mirror lists beyond it (scrolled out of sight).
const controls = (b) => b.eval(() => {
  const seen = new Map(window.unfurl.widgets().map((w) => [w.id, w.label]));
  for (const el of document.querySelectorAll('#a11y [data-id]')) if (!seen.has(el.dataset.id)) seen.set(el.dataset.id, el.textContent.trim());
  return [...seen].map(([id, label]) => ({ id, label }));
});

export const JOURNEYS = [
  {
    name: 'first visit: the history questions and the check to a running session',
    async run(ctx) {
      const b = await ctx.profile();
      await boot(b, ctx.url('?test=1&timescale=5'));
      const s0 = await state(b);
      assert(s0.screen === 'home', `first screen: ${s0.screen}`);
      assert(s0.screening.due === true, `history questions due on a first visit: ${short(s0.screening)}`);
      await tap(b, 'ack-intro');
      await until(b, (s) => !s.intro, 'the first-visit note acknowledged by a tap');
      await throughCheck(b);  // Start is a real tap
      assert((await history(b)).acks.history, 'the history questions answered are stored');
      await tap(b, 'skip');
      await until(b, (s) => s.screen === 'session' && s.session, 'the session screen after a tap on Skip');
      const t = (await state(b)).session.elapsed_s;
      await until(b, (s) => s.session && !s.session.paused && s.session.elapsed_s > t + 1, 'the session running');
      assert((await widgets(b)).some((w) => w.id === 'stop-pain'), '"Stop — it hurts" on screen');
    },
  },
  {
    name: '"Stop — it hurts", pain down a leg: the clinician result, no way back in',
    async run(ctx) {
      const b = await ctx.profile();
      await boot(b, ctx.url('?test=1&timescale=5'));
      await act(b, 'ack', 'intro');
      await throughCheck(b, { tapStart: false });
      assert(await act(b, 'skip'), 'skip the rating');
      await until(b, (s) => s.screen === 'session' && s.session && s.session.elapsed_s > 0.5, 'the session running');
      assert(await act(b, 'stop-pain'), 'act stop-pain');
      await until(b, (s) => s.session && s.session.phase === 'stopped', 'stopped');
      const ids = (await widgets(b)).map((w) => w.id);
      for (const id of ['pain-emergency', 'pain-leg', 'pain-back']) assert(ids.includes(id), `${id} offered after the stop: ${ids}`);
      await tap(b, 'pain-leg');
      const s = await until(b, (x) => x.screen === 'check-result' && x, 'the result screen');
      assert(s.check.level === 'clinician' && s.check.blocked === true, `result: ${short(s.check)}`);
      const left = (await widgets(b)).map((w) => w.id);
      assert(left.join() === 'home', `only the way home offered: ${left}`);
      for (const a of ['start', 'continue', 'skip', 'resume']) assert((await act(b, a)) === false, `${a} refused`);
      const last = (await history(b)).sessions.at(-1);
      assert(last.outcome === 'stopped-pain' && last.pain === 'leg', `stored: ${short(last)}`);
    },
  },
  {
    name: 'a finished session is kept across a reload',
    async run(ctx) {
      const b = await ctx.profile();
      await boot(b, ctx.url('?test=1&timescale=300'));
      await act(b, 'ack', 'intro');
      // Spoken cues hold the routine until they are said (waiting_for_voice) at any timescale:
      // without the voice the routine runs at the test's speed.
      assert(await act(b, 'set', { key: 'voice', value: false }), 'voice off');
      await throughCheck(b, { tapStart: false });
      assert(await act(b, 'rate', 4), 'rate before');
      await until(b, (s) => s.screen === 'finish', 'Finish at the end of the routine', 120_000);
      assert(await act(b, 'rate', 2), 'rate after');
      assert(await act(b, 'answer', { hurt: false }), 'did it hurt: no');
      await tap(b, 'finish');
      await until(b, (s) => s.screen === 'home', 'Home after Done');
      await b.reload();
      await ready(b);
      const h = await history(b);
      const last = h && h.sessions.at(-1);
      assert(last && last.outcome === 'completed' && last.before === 4 && last.after === 2,
        `the session after a reload: ${short(last)}`);
      assert((await state(b)).streak >= 1, 'the streak counts it');
    },
  },
  {
    name: 'a hostile stored document (settings.lang: 5) still reaches Home',
    async run(ctx) {
      const b = await ctx.profile();
      await seedThenOpen(ctx, b, '{"schema":1,"settings":{"lang":5},"sessions":[]}');
      await ready(b, 15_000);  // a healthy start takes a second or two
      const s = await state(b);
      assert(s.screen === 'home', `screen: ${s.screen}`);
      assert(s.lang === 'en', `language: ${s.lang}`);
    },
  },
  {
    name: 'offline after the service worker has taken over: a reload still runs a session',
    async run(ctx) {
      const b = await ctx.profile();
      const server = await ctx.server();
      // No test=1: the app registers its own worker, as for anyone (test=1 keeps it from registering).
      await boot(b, server.url(''));
      await poll(() => b.eval(() => navigator.serviceWorker.ready.then((r) => !!r.active)), 'the service worker active');
      await b.reload();
      await ready(b);
      assert(await b.eval(() => !!navigator.serviceWorker.controller), 'the page controlled by the worker after a reload');
      if (b.offline) {
        await b.offline(true);
        ctx.fact('offline', "the browser's own offline mode, then a reload");
      } else {
        await server.stop();
        ctx.fact('offline', 'no offline mode under automation: the static server stopped (connection refused), then a reload');
      }
      await b.reload();
      await ready(b);
      assert(await b.eval(() => fetch('index.html?network', { cache: 'no-store' }).then(() => false, () => true)),
        'the network really is gone');
      assert((await state(b)).screen === 'home', 'Home offline');
      await act(b, 'ack', 'intro');
      await throughCheck(b);
      await tap(b, 'skip');
      const t = await until(b, (s) => s.screen === 'session' && s.session && s.session.elapsed_s, 'the session offline');
      await until(b, (s) => s.session && s.session.elapsed_s > t + 1, 'the session running offline');
      assert(await act(b, 'stop-pain'), 'stop');
      assert(await act(b, 'answer', 'back'), 'answer back');
      const last = (await history(b)).sessions.at(-1);
      assert(last && last.outcome === 'stopped-pain', `stored offline: ${short(last)}`);
    },
  },
  {
    name: 'a language change: French chosen in Settings, the words change',
    async run(ctx) {
      const en = I18N('en'), fr = I18N('fr');
      const b = await ctx.profile();
      await boot(b, ctx.url('?test=1'));
      await act(b, 'ack', 'intro');
      await tap(b, 'open-settings');
      await until(b, (s) => s.screen === 'settings', 'Settings after a tap');
      const before = await poll(async () => (await widgets(b)).find((w) => w.id === 'set-voice')?.label, 'the voice switch');
      assert(before === en['settings.voice'], `voice switch in English: ${before}`);
      await tap(b, 'lang-fr');
      await until(b, (s) => s.lang === 'fr', 'French, once its file has arrived');
      await poll(async () => (await widgets(b)).find((w) => w.id === 'set-voice')?.label === fr['settings.voice'],
        `the voice switch reads "${fr['settings.voice']}"`);
      assert(await b.eval(() => document.documentElement.lang) === 'fr', '<html lang="fr">');
      assert(await act(b, 'open', 'home'), 'home');
      await poll(async () => (await widgets(b)).find((w) => w.id === 'start')?.label === fr['home.start'],
        `Start reads "${fr['home.start']}"`);
      await b.reload();
      await ready(b);
      assert((await state(b)).lang === 'fr', 'French after a reload');
    },
  },
  {
    name: 'feature detection: no control offered whose feature is missing',
    async run(ctx) {
      const b = await ctx.profile();
      // One session stored, so History offers its exports (and its share buttons where files can be shared).
      await seedThenOpen(ctx, b, { schema: 1, sessions: seededSessions(1), progress: { range: 0.6 }, settings: {}, acks: { intro: true } }, '?test=1');
      await ready(b);
      const f = await b.eval(FEATURES);
      for (const [k, v] of Object.entries(f)) ctx.fact(k, v);
      const offered = [];
      for (const screen of ['settings', 'history']) {
        assert(await act(b, 'open', screen), `open ${screen}`);
        await until(b, (s) => s.screen === screen, screen);
        await b.eval(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        for (const c of await controls(b)) offered.push({ ...c, screen });
      }
      const wrong = [];
      for (const need of NEEDS) {
        if (need.present(f)) continue;
        for (const c of offered.filter((x) => need.ids.test(x.id))) wrong.push(`${c.screen}: ${c.id} ("${c.label}") without ${need.feature}`);
      }
      ctx.fact('offered without their feature', wrong.length ? wrong : 'none');
      assert(!wrong.length, `controls offered whose feature is missing: ${wrong.join('; ')}`);
    },
  },
  {
    name: 'backup and restore: a file saved in one profile, restored in a fresh one',
    async run(ctx) {
      const sessions = seededSessions(2);
      let b = await ctx.profile();
      await seedThenOpen(ctx, b, { schema: 1, sessions, progress: { range: 0.6 }, settings: {}, acks: { intro: true } }, '?test=1');
      await ready(b);
      // The download is caught: the anchor's blob is read (kept as it is made: the
      // page's CSP rightly refuses to fetch a blob: URL), nothing is saved to disk.
      await b.eval(() => {
        window.__files = [];
        const blobs = new Map();
        const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => { const url = make.call(URL, blob); blobs.set(url, blob); return url; };
        HTMLAnchorElement.prototype.click = function () {
          const file = { name: this.download, href: this.href, text: null };
          window.__files.push(file);
          const blob = blobs.get(this.href);
          if (!blob) file.text = 'unreadable: not a blob this page made';
          else blob.text().then((t) => { file.text = t; }, (e) => { file.text = `unreadable: ${e}`; });
        };
      });
      assert(await act(b, 'open', 'history'), 'open history');
      const backedUp = await act(b, 'backup');
      if (backedUp !== true) throw new Skip(`act('backup') returned ${backedUp}: backup is not in this build`);
      const file = await poll(() => b.eval(() => window.__files.find((x) => x.text !== null)), 'the backup file downloaded');
      ctx.fact('backup file', file.name);
      assert(/^unfurl-backup-.+\.json$/.test(file.name), `file name: ${file.name}`);
      for (const x of sessions) assert(file.text.includes(`"${x.id}"`), `the file holds session ${x.id}: ${short(file.text)}`);
      await b.close();

      b = await ctx.profile();
      await boot(b, ctx.url('?test=1'));
      assert(!(await history(b))?.sessions?.length, 'the fresh profile starts with no sessions');
      assert(await act(b, 'restore', file.text), 'act restore');
      const r = await until(b, (s) => s.storage && s.storage.restore, 'state().storage.restore');
      assert(r.added === 2 && r.present === 0, `restore reports ${short(r)}`);
      const ids = (await history(b)).sessions.map((x) => x.id).sort();
      assert(ids.join() === sessions.map((x) => x.id).sort().join(), `sessions after restore: ${ids}`);
      await b.reload();
      await ready(b);
      assert((await history(b)).sessions.length === 2, 'kept across a reload');
    },
  },
];
