// Unfurl's service worker: the whole app is the handful of files in dist/, so
// it precaches exactly those on install and answers them from the cache first
// — the routine works in bed with no signal. Anything else (another site, a
// clinic's page around the frame) is left to the network, untouched.
//
// Updates never interrupt: a new version installs beside the running one and
// waits. The page shows "Update ready" on Home and, only when the person taps
// Restart, asks it to take over (message "skip-waiting") and reloads. The
// cache name is a content hash written at build time (cmake/service_worker.cmake).
const CACHE = '@CACHE_NAME@';
const FILES = [
@PRECACHE@];
const scope = new URL(self.registration.scope);
const PRECACHED = new Set(FILES.map((f) => new URL(f, scope).href));

self.addEventListener('install', (event) => {
  // From the network, never the HTTP cache: a new version must not precache an old file.
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('unfurl-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  // The page itself, with any query (lang, rx, clinic…), is index.html.
  const navigation = req.mode === 'navigate' && url.origin === scope.origin && url.pathname === scope.pathname;
  const key = navigation ? new URL('./', scope).href : url.origin + url.pathname;
  if (!PRECACHED.has(key) || (!navigation && url.search)) return;
  event.respondWith(caches.open(CACHE).then((c) => c.match(key)).then((hit) => hit || fetch(req)));
});
