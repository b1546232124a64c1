// A history that outlives the browser (docs/architecture.md, "Backup and
// restore"): a backup is the stored document byte for byte, saved to the share
// sheet or downloaded; a picked file merges into another browser's history and
// says what it added; a file that is not a backup changes nothing; storage is
// asked to last; Home's monthly backup line and the steps to the Home Screen
// appear exactly where their rules say; and a control whose feature the
// browser lacks is not offered.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, act, state, widget, widgets, until, pastCheck } from './helpers.mjs';

const KEY = 'unfurl:v1';
const DAY = 86400000;
const today = () => Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / DAY);

// n completed sessions, one a day up to today (at local midnight, so none is later than now), ids from `prefix`.
function sessions(n, prefix = 'seed') {
  const t = today();
  return Array.from({ length: n }, (_, i) => {
    const day = t - n + 1 + i;
    const at = new Date(day * DAY + new Date().getTimezoneOffset() * 60000).toISOString().replace(/\.\d+Z$/, 'Z');
    return { id: `${prefix}-${i}`, routine: 'morning-back', started: at, ended: at, day, outcome: 'completed',
      check: { level: 'none', flags: [] }, before: 5, after: 3, hurt: false, pain: null, range: 0.6, exercises: ['fetal'] };
  });
}

// The stored document's exact text, in place before the app first loads (later reloads keep what the app wrote).
async function seedText(page, text) {
  await page.addInitScript(([k, v]) => {
    if (!sessionStorage.getItem('seeded')) { localStorage.setItem(k, v); sessionStorage.setItem('seeded', '1'); }
  }, [KEY, text]);
}
const docText = (list, acks = {}, more = '') =>
  `{"schema":1,"sessions":${JSON.stringify(list)},"acks":${JSON.stringify({ intro: true, ...acks })}${more}}`;

// What the browser says about keeping storage, and what the shell asked of it.
async function storageSays(page, persisted) {
  await page.addInitScript((kept) => {
    window.persistCalls = 0;
    if (!navigator.storage) return;
    navigator.storage.persisted = async () => kept;
    navigator.storage.persist = async () => { window.persistCalls += 1; return true; };
  }, persisted);
}

// A browser with no install prompt of its own (an iPhone's): the feature is absent, not a user agent.
const noInstallPrompt = (page) => page.addInitScript(() => {
  delete window.onbeforeinstallprompt;
  delete Window.prototype.onbeforeinstallprompt;
});

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const ids = async (page) => (await widgets(page)).map((w) => w.id);

async function saveByDownload(page) {
  const download = page.waitForEvent('download');
  expect(await act(page, 'backup')).toBe(true);
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test('saving downloads the stored document byte for byte, wrapped, and keeps the date', async ({ page }) => {
  // Spaces, an unknown member and a record this version cannot read: none of it is re-encoded.
  const future = '{"id":"f-1","outcome":"completed-with-coach","day":20001,"coach":{"name":"Ana"}}';
  const text = `{ "schema": 1, "notes": {"from": "v2"}, "sessions": [${future}, ${JSON.stringify(sessions(2)).slice(1, -1)}], "acks": {"intro": true} }`;
  await seedText(page, text);
  await open(page);
  await act(page, 'open', 'settings');
  const before = await stored(page);
  expect(before).toBe(text);
  const file = await saveByDownload(page);
  expect(file.name).toMatch(/^unfurl-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(file.text).toContain(`"document":${text}}`);
  const wrapped = JSON.parse(file.text);
  expect(wrapped.unfurl_backup).toBe(1);
  expect(typeof wrapped.app).toBe('string');
  expect(Date.parse(wrapped.saved)).not.toBeNaN();
  expect(file.name).toBe(`unfurl-backup-${new Date(today() * DAY).toISOString().slice(0, 10)}.json`);
  const s = await state(page);
  expect(s.storage.last_backup).toBe(wrapped.saved);
  await expect.poll(async () => JSON.parse(await stored(page)).acks.backup_saved).toBe(wrapped.saved);
  expect(await stored(page)).toContain(future);
});

test('where files can be shared, "Save a backup" hands the file to the share sheet', async ({ page }) => {
  await page.addInitScript(() => {
    window.shared = [];
    navigator.canShare = (d) => !!(d && Array.isArray(d.files) && d.files.length);
    navigator.share = async (d) => { for (const f of d.files) window.shared.push({ name: f.name, type: f.type, text: await f.text() }); };
  });
  const text = docText(sessions(3));
  await seedText(page, text);
  await open(page);
  await act(page, 'open', 'history');
  await until(page, (s) => s.screen === 'history', 'history');
  await expect.poll(async () => (await page.locator('#a11y button[data-id="backup"]').count())).toBe(1);
  expect(await act(page, 'backup')).toBe(true);
  await expect.poll(() => page.evaluate(() => window.shared.length)).toBe(1);
  const [file] = await page.evaluate(() => window.shared);
  expect(file.name).toMatch(/^unfurl-backup-\d{4}-\d{2}-\d{2}\.json$/);
  expect(file.type).toBe('application/json');
  expect(file.text).toContain(`"document":${text}}`);
});

test('a backup restored through the file input on the canvas merges into a fresh browser and says what it added', async ({ page, browser }) => {
  // The first browser: five mornings, and a record from a newer Unfurl this version keeps unread.
  const future = '{"id":"f-1","outcome":"completed-with-coach","day":20001,"coach":{"name":"Ana"}}';
  await seedText(page, docText([...sessions(5), JSON.parse(future)]));
  await open(page);
  const file = await saveByDownload(page);

  // Another browser, with two of those mornings and one of its own.
  const other = await browser.newContext();
  try {
    const p = await other.newPage();
    const mine = sessions(5).slice(3);
    const own = { ...sessions(1, 'here')[0] };
    await seedText(p, docText([...mine, own], {}, ',"settings":{"voice":false}'));
    await open(p);
    await act(p, 'open', 'settings');
    await until(p, (s) => s.screen === 'settings', 'settings');
    expect(await act(p, 'reveal', 'restore')).toBe(true);
    expect((await widget(p, 'restore')).action).toBe('restore');
    // The real file input lies exactly over the control: the person's tap opens the picker.
    const overlay = p.locator('#file-overlay');
    await expect(overlay).toBeVisible();
    await expect.poll(async () => {
      const w = (await widgets(p)).find((x) => x.id === 'restore');
      const box = await overlay.boundingBox();
      return box && w && Math.abs(box.x - w.x) < 1 && Math.abs(box.y - w.y) < 1 && Math.abs(box.width - w.w) < 1 && Math.abs(box.height - w.h) < 1;
    }).toBe(true);
    const box = await overlay.boundingBox();
    const chooser = p.waitForEvent('filechooser');
    await p.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await (await chooser).setFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await until(p, (s) => s.storage.restore, 'the file read');
    expect((await state(p)).storage.restore).toEqual({ added: 4, present: 2 });
    await expect(p.locator('#a11y')).toContainText('4 sessions added, 2 already here.');
    await expect.poll(async () => JSON.parse(await stored(p)).sessions.map((x) => x.id).sort())
      .toEqual(['f-1', 'here-0', 'seed-0', 'seed-1', 'seed-2', 'seed-3', 'seed-4']);
    expect(await stored(p)).toContain(future);
    // The backup was saved after everything here happened: its settings win.
    expect((await state(p)).settings.voice).toBe(true);

    // The same file again, through the same input: nothing new.
    await p.setInputFiles('#file-overlay', { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await until(p, (s) => s.storage.restore && s.storage.restore.present === 6, 'read again');
    expect((await state(p)).storage.restore).toEqual({ added: 0, present: 6 });
    await expect(p.locator('#a11y')).toContainText('0 sessions added, 6 already here.');
    // The mirror's own control is a labelled file input too.
    await expect(p.locator('#a11y label input[type="file"]')).toHaveCount(1);
  } finally {
    await other.close();
  }
});

test('a file that is not a backup, is damaged or is newer changes nothing and says why', async ({ page }) => {
  const text = docText(sessions(2));
  await seedText(page, text);
  await open(page);
  await act(page, 'open', 'settings');
  expect(await act(page, 'reveal', 'restore')).toBe(true);
  await widget(page, 'restore');
  const files = [
    ['notes.txt', 'text/plain', 'these are my notes', 'not-json', 'This file could not be read'],
    ['sessions.csv', 'text/csv', 'date,outcome\n2026-01-01,completed\n', 'not-json', 'This file could not be read'],
    ['unfurl-v1.json', 'application/json', docText(sessions(4)), 'not-backup', 'This file is not an Unfurl backup'],
    ['broken.json', 'application/json', '{"unfurl_backup":1,"saved":"x","app":"1.0","document":{"sessions":[]}}', 'damaged', 'This backup is damaged'],
    ['future.json', 'application/json', `{"unfurl_backup":1,"saved":"x","app":"9","document":{"schema":2,"sessions":[]}}`, 'newer', 'newer version of Unfurl'],
  ];
  for (const [name, mimeType, body, reason, words] of files) {
    await page.setInputFiles('#file-overlay', { name, mimeType, buffer: Buffer.from(body) });
    await until(page, (s) => s.storage.restore && s.storage.restore.refused === reason, `${name}: ${reason}`);
    await expect(page.locator('#a11y')).toContainText(words);
    await expect(page.locator('#a11y')).toContainText('Nothing was changed.');
    expect(await stored(page), name).toBe(text);
  }
  // The same through act(), as another engine's tests drive it.
  expect(await act(page, 'restore', 'not json')).toBe(true);
  expect((await state(page)).storage.restore).toEqual({ refused: 'not-json' });
  expect(await stored(page)).toBe(text);
});

test('Home offers a backup once a month: 10 sessions, no backup in 30 days, storage not kept', async ({ browser }) => {
  const cases = [
    [9, {}, false, false, '9 sessions'],
    [10, {}, false, true, '10 sessions'],
    [10, {}, true, false, 'storage kept'],
    [10, { backup_day: today() - 29 }, false, false, 'a backup 29 days ago'],
    [10, { backup_day: today() - 30 }, false, true, 'a backup 30 days ago'],
  ];
  for (const [n, acks, persisted, offered, what] of cases) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await storageSays(page, persisted);
      await seedText(page, docText(sessions(n), acks));
      await open(page);
      await until(page, (s) => s.storage.persisted === persisted, `${what}: the browser's answer`);
      expect((await state(page)).storage.offer, what).toBe(offered);
      expect((await ids(page)).includes('offer-backup'), what).toBe(offered);
      if (!offered) continue;
      // "Not now": gone, and not again for a month.
      expect(await act(page, 'ack', 'backup')).toBe(true);
      expect(await ids(page)).not.toContain('offer-backup');
      await expect.poll(async () => JSON.parse(await stored(page)).acks.backup_offer_day).toBe(today());
      await page.reload();
      await page.evaluate(() => window.unfurl.ready);
      expect((await state(page)).storage.offer).toBe(false);
    } finally {
      await context.close();
    }
  }
});

// A whole session at test speed, finished with the tap's action.
async function finishSession(page) {
  await pastCheck(page);
  expect(await act(page, 'rate', 5)).toBe(true);
  await until(page, (s) => s.screen === 'finish', 'finished', 60_000);
  expect(await act(page, 'answer', { hurt: false })).toBe(true);
  expect(await act(page, 'finish')).toBe(true);
}

test('the first finished session asks the browser once to keep storage', async ({ page }) => {
  await storageSays(page, false);
  await open(page, 'test=1&timescale=60');
  await act(page, 'ack', 'intro');
  await until(page, (s) => s.storage.persisted === false, 'the browser has not kept storage');
  await finishSession(page);
  await until(page, (s) => s.storage.persisted === true, 'asked, and kept');
  expect(await page.evaluate(() => window.persistCalls)).toBe(1);
  expect(JSON.parse(await stored(page)).acks.persist_day).toBe(today());
});

test('without an install prompt, Home says how to add Unfurl to the Home Screen after the third session', async ({ page }) => {
  await noInstallPrompt(page);
  await seedText(page, docText(sessions(2)));
  await open(page, 'test=1&timescale=60');
  expect((await state(page)).storage.install_hint).toBe(false);
  await finishSession(page);
  await until(page, (s) => s.screen === 'home' && s.storage.install_hint, 'the steps after the third session');
  await expect(page.locator('#a11y')).toContainText('Add to Home Screen');
  await expect(page.locator('#a11y')).toContainText('Your history comes along by backup');
  expect(await act(page, 'ack', 'install')).toBe(true);
  expect((await state(page)).storage.install_hint).toBe(false);
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect((await state(page)).storage.install_hint).toBe(false);
});

test('where the browser has its own install prompt, or this is the installed app, no steps are shown', async ({ browser }) => {
  const prompt = await browser.newContext();
  try {
    const page = await prompt.newPage();
    await seedText(page, docText(sessions(3)));
    await open(page);
    expect(await page.evaluate(() => 'onbeforeinstallprompt' in window)).toBe(true);
    expect((await state(page)).storage.install_hint).toBe(false);
  } finally {
    await prompt.close();
  }
  // The installed app keeps storage of its own, empty at first: Home offers to bring the history over.
  const installed = await browser.newContext();
  try {
    const page = await installed.newPage();
    await noInstallPrompt(page);
    await page.addInitScript(() => Object.defineProperty(navigator, 'standalone', { value: true }));
    await open(page);
    const s = await state(page);
    expect(s.storage.install_hint).toBe(false);
    expect(s.storage.bring).toBe(true);
    expect(await ids(page)).toContain('restore');
    const text = JSON.stringify({ unfurl_backup: 1, saved: new Date().toISOString(), app: '1.0', document: JSON.parse(docText(sessions(4))) });
    await page.setInputFiles('#file-overlay', { name: 'unfurl-backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await until(page, (x) => x.storage.restore, 'restored on Home');
    expect((await state(page)).storage.restore).toEqual({ added: 4, present: 0 });
    expect((await state(page)).storage.bring).toBe(false);
    await expect(page.locator('#a11y')).toContainText('4 sessions added, 0 already here.');
  } finally {
    await installed.close();
  }
});

test('a page that keeps nothing (history=0) offers neither a backup nor the monthly line', async ({ page }) => {
  await noInstallPrompt(page);
  await storageSays(page, false);
  await seedText(page, docText(sessions(12)));
  await open(page, 'history=0');
  const s = await state(page);
  expect([s.storage.offer, s.storage.install_hint, s.storage.bring]).toEqual([false, false, false]);
  expect(await ids(page)).not.toContain('offer-backup');
  expect(await act(page, 'backup')).toBe(false);
  expect(await act(page, 'restore', '{}')).toBe(false);
  await act(page, 'open', 'settings');
  await until(page, (x) => x.screen === 'settings', 'settings');
  await expect(page.locator('#a11y [data-id="backup"], #a11y [data-id="restore"]')).toHaveCount(0);
  await expect(page.locator('#file-overlay')).toBeHidden();
});

test('no "Vibration" switch where the browser cannot vibrate', async ({ browser }) => {
  for (const vibrates of [true, false]) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      if (!vibrates) await page.addInitScript(() => { delete Navigator.prototype.vibrate; delete navigator.vibrate; });
      await open(page);
      expect(await page.evaluate(() => typeof navigator.vibrate)).toBe(vibrates ? 'function' : 'undefined');
      await act(page, 'open', 'settings');
      await until(page, (s) => s.screen === 'settings', 'settings');
      // The mirror lists every control, on screen or scrolled away.
      await expect(page.locator('#a11y [data-id="set-voice"]')).toHaveCount(1);
      await expect(page.locator('#a11y [data-id="set-vibration"]')).toHaveCount(vibrates ? 1 : 0);
    } finally {
      await context.close();
    }
  }
});
