// Unfurl's service worker: the whole app is a handful of static files, so it
// precaches them on install and answers from the cache first — the routine
// works in bed with no signal. The cache name is a content hash written at
// build time (cmake/service_worker.cmake): a new build replaces the old cache.
const CACHE = '@CACHE_NAME@';
const PRECACHE = [
  './',
@PRECACHE@];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('unfurl-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  // The page's query (lang, rx, clinic…) does not change the files it needs.
  event.respondWith(
    caches.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req).then((res) => {
      if (res.ok && res.type === 'basic') {
        const copy = res.clone();
        caches.open(CACHE).then((c) => c.put(req, copy));
      }
      return res;
    })));
});
