// Unfurl's service worker: the whole app is the handful of files in dist/, so
// it precaches exactly those on install and answers them from the cache first
// — the routine works in bed with no signal. Anything else (another site, a
// clinic's page around the frame) is left to the network, untouched.
//
// Languages are files of their own (i18n/<lang>.json). The first visit
// downloads only the page's own, and hands it to this worker ("language"
// messages) to keep; from the next visit on, the page this worker answers
// has the others fetched in the background, so any language can be chosen
// offline. A new version fetches again the languages the old one kept, so an
// update never takes a language away.
//
// Updates never interrupt: a new version installs beside the running one and
// waits. The page shows "Update ready" on Home and, only when the person taps
// Restart, asks it to take over (message "skip-waiting") and reloads. The
// cache name is a content hash written at build time (cmake/service_worker.cmake).
const CACHE = '@CACHE_NAME@';
const FILES = [
@PRECACHE@];
const LANGUAGES = [
@LANGUAGES@];
const scope = new URL(self.registration.scope);
const PRECACHED = new Set(FILES.map((f) => new URL(f, scope).href));
const LANGUAGE_FILES = new Set(LANGUAGES.map((f) => new URL(f, scope).href));

// The language files an older version of the app kept.
async function keptLanguages() {
  const urls = new Set();
  for (const name of await caches.keys()) {
    if (!name.startsWith('unfurl-') || name === CACHE) continue;
    for (const req of await (await caches.open(name)).keys()) if (LANGUAGE_FILES.has(req.url)) urls.add(req.url);
  }
  return [...urls];
}

self.addEventListener('install', (event) => {
  // From the network, never the HTTP cache: a new version must not precache an old file.
  event.waitUntil(Promise.all([caches.open(CACHE), keptLanguages()]).then(([c, kept]) =>
    c.addAll([...FILES, ...kept].map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('unfurl-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  const m = event.data;
  if (m === 'skip-waiting') self.skipWaiting();
  // A language file's text as the page fetched it: kept without a second download.
  else if (m && typeof m.language === 'string' && typeof m.text === 'string') {
    const url = new URL(m.language, scope).href;
    if (!LANGUAGE_FILES.has(url)) return;
    event.waitUntil(caches.open(CACHE).then((c) =>
      c.put(url, new Response(m.text, { headers: { 'Content-Type': 'application/json' } }))));
  }
});

// Every language this cache lacks; one that cannot be fetched now is tried
// again at the next visit.
async function keepEveryLanguage() {
  const c = await caches.open(CACHE);
  const missing = [];
  for (const url of LANGUAGE_FILES) if (!(await c.match(url))) missing.push(url);
  await Promise.all(missing.map((url) => fetch(url).then((r) => (r.ok ? c.put(url, r) : null)).catch(() => {})));
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  // The page itself, with any query (lang, rx, clinic…), is index.html.
  const navigation = req.mode === 'navigate' && url.origin === scope.origin && url.pathname === scope.pathname;
  if (navigation) event.waitUntil(keepEveryLanguage());
  const key = navigation ? new URL('./', scope).href : url.origin + url.pathname;
  if (!(PRECACHED.has(key) || LANGUAGE_FILES.has(key)) || (!navigation && url.search)) return;
  event.respondWith(caches.open(CACHE).then((c) => c.match(key)).then((hit) => hit || fetch(req)));
});
