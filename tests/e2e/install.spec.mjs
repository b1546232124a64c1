// Installable everywhere, updated without interrupting, and a morning reminder.
import { test, expect, chromium } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open, act, state, tap, until, pastCheck } from './helpers.mjs';

test('PNG icons for every home screen, and Chrome finds nothing missing to install', async ({ page, baseURL }) => {
  await open(page);
  const manifest = await (await page.request.get('manifest.webmanifest')).json();
  const pngs = manifest.icons.filter((i) => i.type === 'image/png');
  expect(pngs.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const i of [...pngs, { src: 'apple-touch-icon.png', sizes: '180x180' }]) {
    const body = await (await page.request.get(i.src)).body();
    expect(body.subarray(1, 4).toString()).toBe('PNG');
    const side = Number(i.sizes.split('x')[0]);
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([side, side]);
  }
  expect(await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')).toBe('apple-touch-icon.png');

  // Installability is judged in a real (persistent) profile, not an incognito-like context.
  const profile = mkdtempSync(join(tmpdir(), 'unfurl-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const p = context.pages()[0] || await context.newPage();
    await p.goto(baseURL);
    await p.evaluate(() => window.unfurl.ready);
    await p.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await context.newCDPSession(p);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the service worker precaches exactly dist/ and leaves other requests alone', async ({ page }) => {
  const sw = await (await page.request.get('sw.js')).text();
  for (const f of ['index.html', 'unfurl.js', 'unfurl.wasm', 'inter.ttf', 'app.js', 'icon-192.png', 'apple-touch-icon.png'])
    expect(sw).toMatch(new RegExp(`["']\\./${f.replace('.', '\\.')}["']`));  // minified or not
  expect(sw).not.toMatch(/\.gz["']|\.br["']|["']\.\/sw\.js["']/);
  expect(sw).not.toContain('ignoreSearch');
});

// A copy of dist/ served on its own port, so the test can publish a new version.
function serveCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'unfurl-update-'));
  cpSync('dist', dir, { recursive: true });
  const port = 8300 + Math.floor(Math.random() * 500);
  const server = spawn('node', ['scripts/static-server.mjs', dir, String(port)], { stdio: 'ignore' });
  return { dir, url: `http://localhost:${port}/`, stop: () => { server.kill(); rmSync(dir, { recursive: true, force: true }); } };
}

test('a new version waits, Home says so, and a restart runs it — never mid-session', async ({ page }) => {
  test.setTimeout(90_000);
  const site = serveCopy();
  try {
    // The copy's server is up when it answers (a loaded machine may take a while).
    await expect.poll(() => fetch(site.url).then((r) => r.ok, () => false), { timeout: 15_000 }).toBe(true);
    await page.goto(site.url);
    await page.evaluate(() => window.unfurl.ready);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.evaluate(() => window.unfurl.ready);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await act(page, 'ack', 'intro');

    // Publish a new version: a changed file, and the worker that names it.
    writeFileSync(join(site.dir, 'style.css'), readFileSync(join(site.dir, 'style.css'), 'utf8') + '\n/* v2 */\n');
    const sw = readFileSync(join(site.dir, 'sw.js'), 'utf8').replace(/unfurl-[0-9a-f]{12}/, 'unfurl-0000000000v2');
    writeFileSync(join(site.dir, 'sw.js'), sw);
    for (const f of ['style.css', 'sw.js']) for (const ext of ['.gz', '.br']) rmSync(join(site.dir, f + ext), { force: true });

    // A session is running when the update arrives: it carries on untouched.
    await pastCheck(page);
    await act(page, 'skip');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await until(page, (s) => s.update_ready, 'the new version is ready', 30_000);
    expect((await state(page)).screen).toBe('session');
    expect(await act(page, 'restart')).toBe(false);
    expect(await page.evaluate(() => caches.keys())).toContain('unfurl-0000000000v2');

    await act(page, 'pause');
    await act(page, 'end');
    await until(page, (s) => s.screen === 'home', 'home');
    const reloaded = page.waitForEvent('load');
    await tap(page, 'restart');
    await reloaded;
    await page.evaluate(() => window.unfurl.ready);
    const css = await page.evaluate(() => fetch('style.css').then((r) => r.text()));
    expect(css).toContain('/* v2 */');
    expect((await state(page)).update_ready).toBe(false);
    await until(page, () => true, 'settled');
    expect(await page.evaluate(() => caches.keys())).toEqual(['unfurl-0000000000v2']);
  } finally {
    site.stop();
  }
});

test('"Add a morning reminder" downloads a daily calendar event with an alarm at the chosen time', async ({ page }) => {
  await open(page);
  await act(page, 'set', { key: 'reminder_min', value: 6 * 60 + 45 });
  await act(page, 'open', 'settings');
  const download = page.waitForEvent('download');
  expect(await act(page, 'export', 'ics')).toBe(true);
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.ics$/);
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).toContain('RRULE:FREQ=DAILY');
  expect(text).toContain('BEGIN:VALARM');
  expect(text).toMatch(/DTSTART:\d{8}T064500\r\n/);
  expect(text.replace(/\r\n /g, '')).toContain(`URL:${new URL(page.url()).origin}/`);
});
