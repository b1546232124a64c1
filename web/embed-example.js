// The example page's one job: frame Unfurl and log what it posts. By default
// Unfurl is the copy next to this page; ?app=<url> frames another origin's copy.
const app = new URL(new URLSearchParams(location.search).get('app') || './', location.href);
const src = new URL(app);
src.searchParams.set('embed', '1');
src.searchParams.set('clinic', 'Riverside Physio');
src.searchParams.set('parent', location.origin);
document.getElementById('unfurl').src = src.href;

window.received = [];
window.addEventListener('message', (event) => {
  if (event.origin !== app.origin) return;  // only Unfurl's own origin is believed
  window.received.push(event.data);
  document.getElementById('events').textContent += `${JSON.stringify(event.data)}\n`;
});
