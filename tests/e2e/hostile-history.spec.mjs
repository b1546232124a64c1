// No stored bytes can stop Unfurl starting, and none are lost: every document
// below — a wrong type at every path of the schema, __proto__ keys, half a
// surrogate pair, megabyte strings, deep nesting, numbers out of range — is
// stored, the page loaded, Home reached, a setting changed (a save), and then
// the original is either still all there in "unfurl:v1" (merged, every value
// of it equal) or kept aside verbatim under "unfurl:v1:unreadable:<time>".
// The codec itself is tested natively on the same kinds of value
// (tests/unit/history_test.cpp, tests/unit/early_test.cpp); here each one
// goes through the page, the shell and storage.
import { test, expect } from '@playwright/test';

const KEY = 'unfurl:v1';
const day = Math.floor(Date.now() / 86400000) - 3;
const record = (id, d, extra = {}) => ({
  id, routine: 'morning-back', started: '2026-01-01T07:00:00Z', ended: '2026-01-01T07:09:00Z', day: d,
  outcome: 'completed', check: { level: 'none', flags: [] }, before: 6, after: 4, hurt: false, pain: null,
  range: 0.6, exercises: ['fetal', 'knee_to_chest'], ...extra,
});
const answered = { asked: '2026-01-01T07:00:00Z', day, yes: [], result: 'none' };
const BASE = {
  schema: 1,
  sessions: [record('h-1', day - 2), record('h-2', day - 1, { note: 'stiff' }), record('h-3', day)],
  progress: { range: 0.65 },
  settings: {
    voice: true, tones: true, vibration: false, voice_rate: 0.9, volume: 0.5, dim: true, eyes_closed: false,
    soft_mattress: false, text_size: 1.25, reminder_min: 450, lang: 'en', holds: { fetal: 20 }, reps: { press_up: 3 },
    exercises_off: ['figure_four'],
  },
  acks: { intro: true, trend_day: day - 10, history: answered, inflammatory: { ...answered, yes: ['morning_stiffness'] } },
};

// Every path of the schema: each member and element, down to the leaves.
function paths(value, at = []) {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Object.keys(value);
  return [at, ...keys.flatMap((k) => paths(value[k], [...at, Array.isArray(value) ? Number(k) : k]))].filter((p) => p.length);
}
const setAt = (doc, path, v) => {
  const copy = structuredClone(doc);
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path.at(-1)] = v;
  return copy;
};
const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
// One wrong value per path, chosen from the kinds the path does not hold, in
// turn, so every kind comes up across the schema.
const WRONG = [7, 'x', true, null, [1, 'a'], { a: 1 }];

function documents() {
  const out = [];
  const add = (name, text) => out.push({ name, text });
  paths(BASE).filter((p) => p[0] !== 'schema').forEach((p, i) => {
    const here = kind(p.reduce((o, k) => o[k], BASE));
    const wrong = WRONG.filter((w) => kind(w) !== here);
    // The second and third records are like the first: one wrong value each there.
    const twice = !(p[0] === 'sessions' && p[1] > 0);
    for (const w of twice ? [wrong[i % wrong.length], wrong[(i + 2) % wrong.length]] : [wrong[i % wrong.length]])
      add(`${p.join('.')} = ${JSON.stringify(w)}`, JSON.stringify(setAt(BASE, p, w)));
  });
  // The language, the one value the shell used to read by hand, as every kind.
  for (const w of [7, true, ['de'], { code: 'de' }, null, '', 'klingon', 'de-AT', '\ud800'])
    add(`settings.lang = ${JSON.stringify(w)}`, JSON.stringify(setAt(BASE, ['settings', 'lang'], w)));
  // __proto__ as a key, at every level (JSON.parse makes it an own member).
  for (const at of ['', '"settings":{', '"acks":{', '"progress":{']) {
    const text = JSON.stringify(BASE);
    const i = at ? text.indexOf(at) + at.length : 1;
    add(`__proto__ in ${at || 'the document'}`, `${text.slice(0, i)}"__proto__":{"polluted":true,"lang":"de"},${text.slice(i)}`);
  }
  add('__proto__ in a record', JSON.stringify(BASE).replace('"id":"h-2"', '"__proto__":{"outcome":"x"},"id":"h-2"'));
  // Half a surrogate pair, as JSON.stringify writes it, where the codec reads nothing and where it reads.
  const cut = 'Ana 😀'.slice(0, -1);
  for (const p of [['sessions', 1, 'note'], ['name'], ['settings', 'nickname'], ['acks', 'who'], ['sessions', 0, 'id'],
    ['sessions', 2, 'pain'], ['settings', 'exercises_off', 0], ['acks', 'history', 'asked'], ['progress', 'by']])
    add(`${p.join('.')} = half a character`, JSON.stringify(setAt(BASE, p, cut)));
  add('half a character as a key', JSON.stringify(setAt(BASE, ['settings', 'holds', cut], 20)));
  add('half a character in an unknown key of the document', JSON.stringify({ ...BASE, [cut]: cut }));
  // A megabyte of text, where nothing reads it and where something does.
  const mb = 'a'.repeat(1 << 20);
  for (const p of [['sessions', 1, 'note'], ['settings', 'lang'], ['sessions', 0, 'id'], ['blob']])
    add(`${p.join('.')} = 1 MB`, JSON.stringify(setAt(BASE, p, mb)));
  // Deep nesting.
  const deep = (n) => `${'['.repeat(n)}${']'.repeat(n)}`;
  for (const [p, n] of [['"notes":', 10000], ['"settings":{"voice":', 5000], ['"progress":{"range":', 3000]]) {
    const text = JSON.stringify(BASE);
    const i = p === '"notes":' ? 1 : text.indexOf(p) + p.length;
    const end = p === '"notes":' ? i : i + text.slice(i).search(/[,}]/);
    add(`${p} nested ${n} deep`, p === '"notes":' ? `${text.slice(0, i)}"notes":${deep(n)},${text.slice(i)}` : `${text.slice(0, i)}${deep(n)}${text.slice(end)}`);
  }
  // Numbers out of every range: past a double, past an int, past 2^53, below zero, tiny.
  const numbers = ['1e400', '-1e400', '1e308', '-1e308', '12345678901234567890', '-2147483649', '1e-400', '0.1e1', '-0'];
  const places = ['"day":', '"volume":', '"range":', '"trend_day":', '"reminder_min":', '"press_up":', '"fetal":'];
  // Each number at three of the places, in turn, so each place gets several.
  numbers.forEach((n, k) => {
    for (const at of [places[k % 7], places[(k + 3) % 7], places[(k + 5) % 7]]) {
      const text = JSON.stringify(BASE);
      const i = text.indexOf(at) + at.length;
      add(`${at}${n}`, `${text.slice(0, i)}${n}${text.slice(text.slice(i).search(/[,}\]]/) + i)}`);
    }
  });
  return out;
}

// Where a value of `orig` is not in `now` (null when all are): the volume
// aside, which the test itself sets. Iterative: some documents nest deeper
// than a recursive walk could go.
function missing(orig, now) {
  const todo = [[orig, now, '']];
  while (todo.length) {
    const [a, b, path] = todo.pop();
    if (path === 'settings.volume') continue;
    if (a === null || typeof a !== 'object') {
      if (a !== b) return path;
      continue;
    }
    if (b === null || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return path;
    if (Array.isArray(a) && a.length !== b.length) return `${path} (length)`;
    for (const k of Object.keys(a)) {
      if (!Object.prototype.hasOwnProperty.call(b, k)) return `${path}.${k} (missing)`;
      todo.push([a[k], b[k], path ? `${path}.${k}` : k]);
    }
  }
  return null;
}

test('no stored document stops the start, and none loses a byte at the next save', async ({ browser }) => {
  const docs = documents();
  expect(docs.length).toBeGreaterThanOrEqual(200);
  test.setTimeout(15 * 60_000);
  // Two pages side by side, each with its own storage (two contexts): one per core.
  const lanes = 2;
  const failures = [];
  let checked = 0, asides = 0, merged = 0;
  await Promise.all(Array.from({ length: lanes }, async (_, lane) => {
    // A small screen: software GL draws each first frame in less time.
    const context = await browser.newContext({ viewport: { width: 240, height: 400 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto('./?test=1');
    for (let i = lane; i < docs.length; i += lanes) {
      const { name, text } = docs[i];
      errors.length = 0;
      await page.evaluate(([k, t]) => { localStorage.clear(); sessionStorage.clear(); localStorage.setItem(k, t); }, [KEY, text]);
      await page.reload();
      try {
        await page.waitForFunction(() => window.unfurl.state().screen === 'home', null, { timeout: 30_000, polling: 100 });
      } catch (e) {
        failures.push(`${name}: never reached Home (${JSON.stringify(await page.evaluate(() => window.unfurl.state().screen))})`);
        continue;
      }
      // The save: a setting the person changes. None of these documents is a newer Unfurl's, so every one is written.
      const changed = await page.evaluate(() => window.unfurl.act('set', { key: 'volume', value: 0.3 }));
      await page.waitForFunction((k) => { try { return JSON.parse(localStorage.getItem(k)).settings.volume === 0.3; } catch (e) { return false; } },
        KEY, { timeout: 10_000, polling: 50 }).catch(() => {});
      const stored = await page.evaluate((k) => Object.fromEntries(Object.keys(localStorage).filter((x) => x === k || x.startsWith(`${k}:`)).map((x) => [x, localStorage.getItem(x)])), KEY);
      if (!changed || !stored[KEY] || JSON.parse(stored[KEY]).settings.volume !== 0.3) {
        failures.push(`${name}: the change was not saved`);
        continue;
      }
      const aside = Object.entries(stored).some(([k, v]) => k.startsWith(`${KEY}:unreadable:`) && v === text);
      let kept = aside;
      let why = 'neither merged nor kept aside';
      if (!aside) {
        const bad = missing(JSON.parse(text), JSON.parse(stored[KEY]));
        kept = !bad;
        if (bad) why = `lost at ${bad}`;
      }
      if (!kept) failures.push(`${name}: ${why}`);
      else if (aside) asides++;
      else merged++;
      if (errors.length) failures.push(`${name}: ${errors.join('; ').slice(0, 200)}`);
      checked++;
    }
    await context.close();
  }));
  expect(failures).toEqual([]);
  expect(checked).toBe(docs.length);
  // Both outcomes were met, many times: the checks above ran on each.
  expect([asides >= 10, merged >= 150]).toEqual([true, true]);
});
