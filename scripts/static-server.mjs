// A small static file server for dist/: correct types (application/wasm lets
// the browser compile while downloading), the build's .br/.gz copies to
// browsers that accept them, no-cache for the two files that decide which
// version runs (index.html and sw.js), and nothing else.
// Usage: node scripts/static-server.mjs [dir] [port]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] || 'dist');
const port = Number(process.argv[3] || process.env.PORT || 8080);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};
const NO_CACHE = new Set(['/index.html', '/sw.js']);

createServer(async (req, res) => {
  try {
    let path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    // Inside root itself: a sibling whose name starts the same (dist-old/ beside dist/) is outside.
    if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    // The smallest copy the browser accepts (Chromium offers br only over HTTPS).
    const accepts = String(req.headers['accept-encoding'] || '');
    let body = null, encoding = null;
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!new RegExp(`\\b${enc}\\b`).test(accepts)) continue;
      body = await readFile(file + ext).catch(() => null);
      if (body) { encoding = enc; break; }
    }
    if (!body) body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
      'Cache-Control': NO_CACHE.has(path) ? 'no-cache' : 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      'Vary': 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      'Content-Length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  }
}).listen(port, '127.0.0.1', () => {
  console.log(`Unfurl is being served at http://localhost:${port}/`);
});
