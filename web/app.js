// Boots Unfurl and does what only the browser can: storage, sound, speech,
// vibration, wake lock, the service worker, the accessible mirror and
// messages to an embedding page. Every decision is the wasm core's; this file
// carries messages. window.unfurl is the automation API (docs/automation.md).
import { Cues } from './cues.js';
import { Mirror } from './mirror.js';
import { Storage } from './storage.js';
import { canShare, download, share } from './files.js';

const $ = (id) => document.getElementById(id);
const config = Object.fromEntries(new URLSearchParams(location.search).entries());
// Not from the page's query: this tab's own mark, so two tabs never make the same session id.
config.tab = Math.random().toString(36).slice(2, 10);
// Where the app lives, for the links it makes (the reminder's): the page's own address, not the query's.
config.href = location.origin + location.pathname;
// The shell's own words, in English (index.html, from assets/i18n); another
// language's reach it with that language's file. Which language is the app's
// choice alone: asked of the wasm as soon as it is instantiated (unfurl_early),
// then told with every change (widgets).
const words = { en: JSON.parse($('words').textContent) };
// Not from the query either: the device's light or dark preference, for the first theme.
config.scheme = matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
config.langs = (navigator.languages || [navigator.language || 'en']).join(',');
// The share sheet takes files here (phones, mostly): History offers to share the report and the CSV.
config.share = canShare() ? '1' : '0';
// What this browser has, detected once (never read from the user agent), so
// the app offers no control whose feature is missing (docs/architecture.md).
config.caps = {
  vibrate: typeof navigator.vibrate === 'function',
  storage: !!(navigator.storage && navigator.storage.persist && navigator.storage.persisted),
  wake_lock: 'wakeLock' in navigator,
  // Where the browser offers its own install, the app leaves installing to it.
  install_prompt: 'onbeforeinstallprompt' in window,
  standalone: matchMedia('(display-mode: standalone)').matches || navigator.standalone === true,
};
let lang = 'en';
const say = (key) => (words[lang] && words[lang][key]) || words.en[key] || key;
// Text is replaced only where it differs: a replaced text is painted again,
// and the loading screen's words would count as shown late (LCP).
const put = (el, text) => { if (el.textContent !== text) el.textContent = text; };
// The page shown instead of the app, by its words' keys: no WebGL2, a file
// that could not be downloaded, or a start that failed for any other reason,
// which offers the stored data for download and a new start with it kept aside.
const NO_WEBGL = { title: 'page.unsupported_title', text: 'page.unsupported_body' };
const LOAD_FAILED = { title: 'page.unsupported_title', text: 'page.load_failed' };
const START_FAILED = { title: 'page.start_failed_title', text: 'page.start_failed_body', recover: true };
let failure = null;
function localisePage() {
  document.documentElement.lang = lang;
  // Installing takes the name and description in the page's language.
  const manifest = document.querySelector('link[rel="manifest"]');
  if (manifest.getAttribute('href') !== `manifest.${lang}.webmanifest`) manifest.setAttribute('href', `manifest.${lang}.webmanifest`);
  put($('loading-text'), say('page.loading'));
  const why = failure || NO_WEBGL;
  put($('unsupported-title'), say(why.title));
  put($('unsupported-text'), say(why.text));
  put($('recover-download'), say('page.recover_download'));
  put($('recover-again'), say('page.recover_again'));
  // The warning signs name their keys (data-t); the page carries them in
  // English, which stays until the language's file has arrived.
  for (const el of document.querySelectorAll('#unsupported [data-t]')) {
    el.dataset.en ??= el.textContent;
    put(el, (words[lang] && words[lang][el.dataset.t]) || el.dataset.en);
  }
  offerClinicNumber();
}

// Without the app, the page can still offer a clinic's number to call: the
// one the app takes from emergency= (unfurl_early), in sentences the app's own
// filler completes (unfurl_fill). The browser's region is the app's to read,
// so otherwise the emergency keeps its generic wording.
let clinicNumber = '';
function offerClinicNumber() {
  if (!clinicNumber) return;
  const action = document.querySelector('#unsupported [data-t="triage.emergency.action"]');
  if (!action) return;
  const filled = (key) => M.UTF8ToString(call('_unfurl_fill', say(key), clinicNumber));
  put(action, filled('triage.emergency.action_number'));
  let link = $('unsupported-call');
  if (!link) {
    link = Object.assign(document.createElement('a'), { id: 'unsupported-call', className: 'call', href: `tel:${clinicNumber}`, target: '_top' });
    action.after(link);
  }
  put(link, filled('triage.emergency.call'));
}
localisePage();

const shellNotices = [];
// Notices the shell alone can know of, by their key in assets/i18n; once the
// app runs they are shown on its screens too, in its language.
const notify = (id, key) => {
  if (shellNotices.some((n) => n.id === id)) return;
  shellNotices.push({ id, key, text: say(key) });
  if (M) call('_unfurl_notice', id, key, '');
};

// A shell notice that no longer holds (the report opened after all).
const unnotify = (id) => {
  const at = shellNotices.findIndex((n) => n.id === id);
  if (at < 0) return;
  shellNotices.splice(at, 1);
  if (M) call('_unfurl_notice', id, '', '');
};

let resolveReady, rejectReady;
const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
ready.catch(() => {});  // a page without WebGL2 still loads cleanly

let M = null;          // the wasm module

// The wasm comes in two files (docs/performance.md): unfurl.wasm holds what
// the first frame runs; unfurl.deferred.wasm, the rest, is fetched once that
// frame is drawn, and instantiating it fills the first file's table with its
// functions. `ready` waits for it, so what a tap or window.unfurl reaches is
// there. A deferred function called sooner loads the file there and then:
// the call cannot go on without it.
let deferredLoaded = false;
const deferredFile = 'unfurl.deferred.wasm';
function instantiateDeferred(module, imports) {
  if (deferredLoaded) return;
  new WebAssembly.Instance(module, imports);
  deferredLoaded = true;
}
let deferredModule = null, deferredFetch = null;
function compileDeferred() {
  deferredModule ??= fetch(deferredFile).then((r) => { if (!r.ok) throw new Error(`${deferredFile}: ${r.status}`); return r.arrayBuffer(); })
    .then((bytes) => WebAssembly.compile(bytes));
  return deferredModule;
}
function fetchDeferred() {
  deferredFetch ??= compileDeferred().then((module) => instantiateDeferred(module, { primary: M.asm }));
  return deferredFetch;
}
// emcc's glue calls this for a deferred function called before the file arrived.
function loadSplitModule(file, imports) {
  if (deferredLoaded) return;
  const xhr = new XMLHttpRequest();
  xhr.open('GET', file, false);
  // A synchronous request cannot ask for an ArrayBuffer: the bytes come as text, one per character.
  xhr.overrideMimeType('text/plain;charset=x-user-defined');
  try { xhr.send(); } catch (e) { /* reported below, as a status */ }
  if (xhr.status !== 200) {
    fail(LOAD_FAILED);
    throw new Error(`${file}: ${xhr.status}`);
  }
  const text = xhr.responseText, bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  instantiateDeferred(new WebAssembly.Module(bytes), imports);
}
// The clinician's report is not needed for the first frame either: fetched
// once the deferred wasm is in, or when asked for if that has not happened.
// Firefox keeps a failed import's failure for the page's life, so each try
// after one names the file anew (the service worker answers only the plain
// name from its cache; these go to the network).
let reportModule = null, reportFailures = 0;
const loadReport = () => (reportModule ??= import(reportFailures ? `./report.js?try=${reportFailures}` : './report.js')
  .catch((e) => { reportModule = null; reportFailures++; throw e; }));
let widgets = [];
const cues = new Cues((busy) => { if (M) M._unfurl_voice(busy ? 1 : 0); });
const storage = new Storage(notify);
storage.merge = (stored) => (M ? M.UTF8ToString(call('_unfurl_merge', stored)) : '');
storage.watch((stored) => { if (M) { if (stored === null) M._unfurl_removed(); else call('_unfurl_merge', stored); } });
storage.stored = (refused) => { if (M) call('_unfurl_stored', refused); };
storage.judge = (stored) => look(stored).history;

// What the app makes of a stored text, asked of its own code (unfurl_early):
// whether the codec can read it, and the language it would choose, the
// clinic's number it would take and the switches it reads (keep, test) with
// this page's configuration.
function look(stored) {
  return JSON.parse(M.UTF8ToString(call('_unfurl_early', stored, JSON.stringify(config))));
}

const call = (name, ...args) => M.call(name, ...args);

function state() {
  if (failure) return { screen: 'failed', failure: failure.text, notices: shellNotices.slice() };
  if (!M || !started) return { screen: 'loading', notices: shellNotices.slice() };
  const s = JSON.parse(M.UTF8ToString(M._unfurl_state()));
  s.parent = parentOrigin;
  return s;
}

function act(name, arg) {
  if (!M || typeof name !== 'string') return false;
  const a = arg === undefined || arg === null ? '' : JSON.stringify(arg);
  return call('_unfurl_act', name, a) === 1;
}

// postMessage goes to exactly one origin, named by the page; nothing else.
let parentOrigin = null;
if (config.parent) {
  try {
    const o = new URL(config.parent).origin;
    if (o !== 'null' && o === config.parent.replace(/\/$/, '')) parentOrigin = o;
    else throw new TypeError();
  } catch (e) {
    notify('config.parent', 'notice.parent');
  }
}

// Wake lock: best effort. Where it is missing, say so once, quietly.
let wakeWanted = false, wakeSentinel = null;
async function applyWakeLock() {
  if (!wakeWanted) {
    if (wakeSentinel) { wakeSentinel.release().catch(() => {}); wakeSentinel = null; }
    return;
  }
  if (!('wakeLock' in navigator)) {
    notify('wakelock', 'notice.wakelock_missing');
    return;
  }
  if (wakeSentinel || document.visibilityState !== 'visible') return;
  try {
    wakeSentinel = await navigator.wakeLock.request('screen');
    wakeSentinel.addEventListener('release', () => { wakeSentinel = null; });
  } catch (e) {
    notify('wakelock', 'notice.wakelock_failed');
  }
}

// Every language is a file of its own (i18n/<code>.json, built from
// assets/i18n), fetched once per page when needed and handed to the app
// as text ("" when it could not be fetched: the app then keeps its language
// and says so). The service worker is handed each one too, so it stays
// available offline without a second download.
const languages = new Map();
// A file that never arrives counts as one that could not be fetched: the
// start goes on in English (or says it cannot), never waits for ever.
const LANGUAGE_WAIT_MS = 30_000;
function fetchLanguage(code) {
  if (!languages.has(code)) {
    // A server's error page or a cut-off download reads as a failed fetch.
    const signal = AbortSignal.timeout ? AbortSignal.timeout(LANGUAGE_WAIT_MS) : undefined;
    const text = fetch(`i18n/${code}.json`, { signal }).then((r) => (r.ok ? r.text() : ''))
      .then((t) => { words[code] = JSON.parse(t); return t; }).catch(() => '');
    languages.set(code, text);
    text.then((t) => {
      if (!t) { languages.delete(code); return; }  // a later choice tries again
      if (code === lang) localisePage();
      try {  // a frame denied storage may be denied the worker too (reading it can throw)
        navigator.serviceWorker.ready
          .then((reg) => reg.active && reg.active.postMessage({ language: `i18n/${code}.json`, text: t })).catch(() => {});
      } catch (e) { /* online only, as the rest of the app is there */ }
    });
  }
  return languages.get(code);
}
const handIn = (code, text) => { if (M) call('_unfurl_language', code, text); };

const shell = {
  // The app asks for a language it has not got (chosen in Settings, or in a link).
  language(code) { fetchLanguage(code).then((text) => handIn(code, text)); },
  cue(kind, key, text, lang, settings) {
    cues.emit(kind, key, text, lang, settings, $('live'));
  },
  hush() { cues.hush(); },
  announce(text) { $('countdown').textContent = text; },
  store(json) { storage.write(json); },
  // Both come from the person's tap: the share sheet opens on that same activation.
  download(name, type, text, toShare) { (toShare ? share : download)(name, type, text); },
  report(json, toShare) {
    const data = JSON.parse(json);
    // On a first visit with no connection (no service worker has kept
    // report.js yet), the person is told why nothing opened.
    loadReport().then((r) => {
      unnotify('report.failed');
      if (toShare) share(data.file, 'text/html', r.reportHtml(data, r.rememberedPatient(data)));
      else r.showReport($('report'), data);
    }, () => notify('report.failed', 'notice.report_failed'));
  },
  eraseAll() { storage.eraseAll(); },
  // Called on the tap that finished the first session, while it is still the
  // page's activation: a browser that asks the person (Firefox) may ask then.
  persist() { if (config.caps.storage) storageAnswer(navigator.storage.persist()); },
  downloadAsides() {
    for (const a of storage.asides()) download(`${a.key.replace(/:/g, '-')}.json`, 'application/json', a.text);
  },
  // The emergency result's "Call" control, tapped: a real tel: link, followed on
  // that tap's activation, opens the phone's dialler with the number (from a
  // clinic's frame too: the link leaves the frame); the person presses call there.
  dial(number) {
    const link = Object.assign(document.createElement('a'), { href: `tel:${number}`, target: '_top' });
    link.click();
  },
  wakeLock(on) { wakeWanted = on; applyWakeLock(); },
  widgets(json, screen, texts, appLang) {
    widgets = JSON.parse(json);
    if (appLang !== lang) { lang = appLang; localisePage(); }
    mirror.update(widgets, screen, JSON.parse(texts));
  },
  postEvent(json) {
    if (parentOrigin && window.parent !== window) window.parent.postMessage(JSON.parse(json), parentOrigin);
  },
  firstFrame() {
    drawn = true;
    performance.mark('unfurl-first-frame');  // read by scripts/bench
    // Until now the canvas was an empty buffer under the loading screen, kept
    // out of the compositor (style.css): compositing it took the GPU process
    // time the start-up needed (first frame ~40 ms sooner in software GL).
    $('canvas').classList.add('drawn');
    $('loading').hidden = true;
    $('loading').style.display = 'none';
    // A failed fetch is tried again, synchronously, when a deferred function is first called.
    // The report after it: nothing else is fetched while the wasm's part that a tap needs comes.
    fetchDeferred().then(loadReport).catch((e) => console.warn(e)).finally(() => resolveReady(true));
  },
  // A shader that would not build: the technical reason is for developers; the person reads the page's own words.
  fail(reason) { console.warn(reason); fail(NO_WEBGL); },
  restart() { location.reload(); },  // replaced once the service worker is registered
};

// A picked backup file goes in as its text, exactly as act('restore', text) takes it.
const restoreFile = (file) => { if (file) file.text().then((text) => act('restore', text), () => act('restore', '')); };
const mirror = new Mirror($('a11y'), $('focus-ring'), act, restoreFile);

// What the browser says about keeping this origin's storage, told to the app
// (-1: it cannot say, or the question failed).
function storageAnswer(answer) {
  Promise.resolve(answer).then((kept) => { if (M) M._unfurl_storage(kept ? 1 : 0); }, () => { if (M) M._unfurl_storage(-1); });
}
ready.then(() => { if (config.caps.storage) storageAnswer(navigator.storage.persisted()); }).catch(() => {});

window.unfurl = {
  ready,
  state,
  act,
  cues: () => cues.log.slice(),
  // What is on screen to tap; the mirror also lists what is scrolled out of sight.
  widgets: () => widgets.filter((w) => w.visible !== false),
  history: () => { const raw = storage.raw(); try { return raw ? JSON.parse(raw) : null; } catch (e) { return null; } },
  // For scripts/bench: the wasm's time per drawn frame and its heap (docs/performance.md).
  perf: (reset = false) => (M ? JSON.parse(M.UTF8ToString(M._unfurl_perf(reset ? 1 : 0))) : null),
};

function fail(why, error) {
  if (failure) return;  // the first reason stands: what follows from it is no news
  failure = why;
  $('loading').hidden = true;
  $('loading').style.display = 'none';
  $('recover').hidden = !why.recover;
  $('recover-download').hidden = !storage.raw();
  localisePage();
  $('unsupported').hidden = false;
  rejectReady(error || new Error(why.text));
}

// Anything that stops the start before the first frame — an exception here,
// the wasm aborting, a trap in its first frames — ends on the page that says
// so, never on the loading screen.
let started = false, drawn = false;
function startFailed(error) {
  if (drawn) return;
  console.warn(error);
  fail(START_FAILED, error instanceof Error ? error : new Error(String(error)));
}
window.addEventListener('error', (e) => startFailed(e.error || e.message));
window.addEventListener('unhandledrejection', (e) => startFailed(e.reason));
$('recover-download').addEventListener('click', () => {
  const raw = storage.raw();
  if (raw) download('unfurl-v1.json', 'application/json', raw);
});
$('recover-again').addEventListener('click', () => {
  storage.keepAsideForRestart();
  // A failure forced for a test (fail=start, docs/automation.md) is for one start.
  const query = new URLSearchParams(location.search);
  query.delete('fail');
  location.replace(`${location.pathname}${query.toString() ? `?${query}` : ''}`);
});

// The canvas's size in CSS px and the pixel ratio, sent to the app only when
// they change (no layout is read during a frame).
function watchSize(canvas) {
  const send = () => {
    const r = canvas.getBoundingClientRect();
    M._unfurl_resize(r.width, r.height, window.devicePixelRatio || 1);
  };
  new ResizeObserver(send).observe(canvas);
  window.addEventListener('resize', send);
  // Zoom or a move to another screen changes the ratio without resizing anything.
  const watchRatio = () => {
    matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`).addEventListener('change', () => {
      send();
      watchRatio();
    }, { once: true });
  };
  watchRatio();
  send();
}

// The WebGL2 context is made as the page boots, while the wasm downloads and
// compiles: its start-up (the GPU process, the driver) overlaps with the
// network instead of following it. The wasm asks for the same context and gets this one: the
// attributes here are the ones src/platform/web/bridge.cpp asks for.
function makeContext() {
  const canvas = $('canvas');
  // Sized to the device's pixels before the context exists, so the drawing
  // buffer is allocated once, now, not again when the first frame is due.
  const r = canvas.getBoundingClientRect(), dpr = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(r.width * dpr));
  canvas.height = Math.max(1, Math.round(r.height * dpr));
  return canvas.getContext('webgl2', { alpha: false, antialias: false, depth: true, stencil: false,
    powerPreference: 'low-power', premultipliedAlpha: true, preserveDrawingBuffer: false });
}

async function boot() {
  const fontBytes = fetch('inter.ttf').then((r) => (r.ok ? r.arrayBuffer() : null)).catch(() => null);
  // Under the service worker the deferred file is loaded before the start
  // (below): it is read and compiled meanwhile.
  let controlled = false;
  try { controlled = !!navigator.serviceWorker.controller; } catch (e) { /* no worker in this frame: online only */ }
  if (controlled) compileDeferred().catch(() => {});
  // These requests are on their way before the context blocks the main thread.
  const gl = makeContext();
  const unsaved = storage.unsaved();
  let module;
  try {
    module = await createUnfurl({ shell, loadSplitModule, onAbort: startFailed, print: () => {}, printErr: (t) => console.warn(t) });
  } catch (e) {
    fail(LOAD_FAILED, e);
    return;
  }
  M = module;
  // The shaders compile while the font and the language file arrive (gpu).
  // Under the service worker the deferred file is a local read, and a
  // synchronous request would not reach the worker's cache (offline, it would
  // fail): it is loaded before anything else calls into the app — the look at
  // the stored document below may need it — so no start path can miss it.
  const gpu = () => !!gl && M._unfurl_gpu() === 1;
  let drawable = null;
  if (controlled) {
    drawable = gpu();
    await fetchDeferred().catch((e) => console.warn(e));
  }
  // Whether this page keeps a history is the app's reading of history=,
  // asked with nothing stored: where it keeps none, nothing stored is read.
  // Then what the app makes of the stored document and which language it will
  // show: that file is fetched at once, so the first frame is in it; its
  // words also reach the page that explains why Unfurl cannot start. A
  // document the codec cannot read is moved aside here, before anything can
  // be written over it.
  const found = storage.read(look('').keep);
  const early = look(found);
  if (!early.test) offerUpdates();
  clinicNumber = early.emergency;
  const stored = storage.accept(found, early.history);
  if (early.lang !== lang) { lang = early.lang; localisePage(); }
  const earlyText = fetchLanguage(early.lang);
  // No WebGL2: the page's own explanation says what to do.
  if (!(drawable ?? gpu())) { fail(NO_WEBGL); return; }
  const font = await fontBytes;
  if (!font) {
    fail(LOAD_FAILED);
    return;
  }
  const language = await startLanguage(early.lang, earlyText);
  if (!language.text) {
    fail(LOAD_FAILED);
    return;
  }
  // For the e2e test of the page below (docs/automation.md): a start that fails just before the app would run.
  if (early.test && config.fail === 'start') throw new Error('fail=start');
  startApp(font, stored, language, unsaved);
}

// The app carries no words of its own: without its language's file it
// starts in English (and says the other could not be loaded), without
// English too the page says it cannot start.
async function startLanguage(code, pending) {
  const text = await pending;
  if (text || code === 'en') return { code, text };
  return { code: 'en', text: await fetchLanguage('en') };
}

// The app's start, with everything it needs at hand, then what the shell
// held for it meanwhile: its notices and what this tab could not store.
function startApp(font, stored, language, unsaved) {
  const len = font.byteLength;
  const ptr = M._malloc(len);  // kept for the app's lifetime: fonts are rebuilt when the pixel ratio changes
  M.HEAPU8.set(new Uint8Array(font), ptr);
  call('_unfurl_start', ptr, len, JSON.stringify(config), stored, language.code, language.text);
  started = true;
  watchSize($('canvas'));
  for (const n of shellNotices) call('_unfurl_notice', n.id, n.key, '');
  if (unsaved) call('_unfurl_restore', unsaved);
}

document.addEventListener('visibilitychange', () => {
  if (!M) return;
  M._unfurl_visibility(document.visibilityState === 'visible' ? 1 : 0);
  if (document.visibilityState === 'visible') applyWakeLock();
});

// Keyboard: Escape is "Stop — it hurts" wherever focus is; Space pauses or
// resumes, except on a focused button, which Space presses as usual.
window.addEventListener('keydown', (e) => {
  if (!M || (e.key !== ' ' && e.key !== 'Escape')) return;
  if (state().screen !== 'session') return;
  if (e.key === 'Escape') { act('stop-pain'); e.preventDefault(); return; }
  if (e.target instanceof HTMLButtonElement) return;
  act('toggle');
  e.preventDefault();
});

// The service worker (web/sw.js): offline after the first visit. A new
// version waits until the person taps "Restart to update" on Home; it never
// takes over a running session. Refused in some iframes and on plain http
// elsewhere: the app still runs, online only. Not on a test's page (test= as
// the app reads it), which no earlier build's cache may answer (docs/automation.md).
let restartWanted = false;
function offerUpdates() {
  if (!('serviceWorker' in navigator)) return;
  ready.then(async () => {
    let reg;
    try { reg = await navigator.serviceWorker.register('sw.js'); } catch (e) { return; }
    const offer = () => { if (reg.waiting && navigator.serviceWorker.controller && M) M._unfurl_update_ready(); };
    offer();
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      if (w) w.addEventListener('statechange', () => { if (w.state === 'installed') offer(); });
    });
    navigator.serviceWorker.addEventListener('controllerchange', () => { if (restartWanted) location.reload(); });
    shell.restart = () => {
      if (!reg.waiting) { location.reload(); return; }
      restartWanted = true;
      reg.waiting.postMessage('skip-waiting');
    };
  }).catch(() => {});
}

boot().catch(startFailed);
