// The service worker: keeps this version's files so that the app opens and
// works with no network. The build stamps VERSION and FILES (see
// .ci/stamp-sw.mjs). A new version installs in the background and waits;
// the page announces it, and it takes over once every tab is closed, when
// the user asks, or when the app's only tab reloads before anything is
// typed: never in the middle of an edit. Nothing is ever sent anywhere: only the app's own files
// are fetched, and only from its own origin.
const VERSION = 'unstamped';
const FILES = ['./'];
const CACHE = `policy-builder-${VERSION}`;

self.addEventListener('install', (event) => {
  // Past the HTTP cache, so that a stale copy is never kept for offline use.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('policy-builder-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks a waiting version to take over when the user chooses
// "Use it now", or when it has just loaded and nothing is typed yet: then
// only if it is the app's one tab, since another tab may be mid-edit under
// the old version; that page is told the new version waits.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  if (event.data === 'skip-waiting-if-alone') {
    event.waitUntil(
      self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((tabs) => {
        if (tabs.length <= 1) return self.skipWaiting();
        event.source?.postMessage('update-waits');
      }),
    );
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // This version's files first; then any version's, for a page that an
      // older version served.
      const hit = (await cache.match(request, { ignoreSearch: true })) ?? (await caches.match(request, { ignoreSearch: true }));
      if (hit) return hit;
      if (request.mode === 'navigate') {
        const index = await cache.match('./');
        if (index) return index;
      }
      return fetch(request);
    }),
  );
});
