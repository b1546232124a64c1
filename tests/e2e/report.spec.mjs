// The clinician's report, printed as the browser prints it (page.pdf, read
// back with pdftotext): every session of a long history is there, each page
// carries its number, the period and the name typed on the report page; five
// years of mornings print. Sections other parts of the app add are laid out
// after the safety section. On phones with a share sheet, History hands over
// the report (a standalone .html file) and the CSV; elsewhere it does not offer to.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open, act, tap, until, state, widgets, pastCheck } from './helpers.mjs';

const DAY = 86400000;
const today = () => Math.floor((Date.now() - new Date().getTimezoneOffset() * 60000) / DAY);
const dateOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);

// n mornings up to today, one session each; every tenth stopped for back pain.
function history(n) {
  const t = today();
  const sessions = [];
  for (let i = 0; i < n; i++) {
    const day = t - n + 1 + i;
    const at = (h) => new Date(day * DAY + h * 3600000 + new Date().getTimezoneOffset() * 60000).toISOString().replace(/\.\d+Z$/, 'Z');
    const stopped = i % 10 === 3;
    sessions.push({ id: `seed-${i}`, routine: 'morning-back', started: at(7), ended: at(7.2), day,
      outcome: stopped ? 'stopped-pain' : 'completed', check: { level: 'none', flags: [] }, before: 3 + (i % 5),
      after: stopped ? null : 2 + (i % 4), hurt: stopped ? null : false, pain: stopped ? 'back' : null, range: 0.6,
      exercises: ['knee_to_chest', 'pelvic_tilt'] });
  }
  return { days: sessions.map((s) => s.day), doc: JSON.stringify({ schema: 1, sessions, acks: { intro: true } }) };
}

async function seed(page, doc) {
  await page.addInitScript((d) => localStorage.setItem('unfurl:v1', d), doc);
}

async function openReport(page) {
  await act(page, 'open', 'history');
  await until(page, (s) => s.screen === 'history', 'history');
  await tap(page, 'report');
  await expect(page.locator('#report')).toBeVisible();
}

// The PDF's pages as text, in order (the PDF itself is kept beside the other test output).
async function printed(page, name) {
  const dir = mkdtempSync(join(tmpdir(), 'unfurl-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(file, pdf);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/${name}.pdf`, pdf);
    const out = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    return out.stdout.split('\f').filter((p) => p.trim());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('75 sessions print with every date, the name and the period on each numbered page', async ({ page }) => {
  test.setTimeout(90_000);
  const { days, doc } = history(75);
  await seed(page, doc);
  await open(page);
  await openReport(page);
  await page.fill('#report-name', 'Ana García Prueba');
  await page.fill('#report-dob', '1961-04-09');
  const pages = await printed(page, 'report-75-sessions');
  expect(pages.length).toBeGreaterThan(1);
  const all = pages.join('\n');
  for (const d of days) expect(all, `the session of ${dateOf(d)}`).toContain(dateOf(d));
  const period = `Sessions from ${dateOf(days[0])} to ${dateOf(days.at(-1))}`;
  pages.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(text, `page ${i + 1}`).toContain('Ana García Prueba');
    expect(text, `page ${i + 1}`).toContain('1961-04-09');
    expect(text, `page ${i + 1}`).toContain(period);
  });
  // The weekly table is on the first page, the stops are named.
  expect(pages[0]).toContain('Week by week');
  // The routine as done, each exercise with its dose.
  expect(all).toContain('Routine and doses');
  for (const name of ['Knee to chest', 'Pelvic tilts', 'Figure-four stretch'])
    expect(all).toMatch(new RegExp(`${name}[^\\n]* — (\\d+ × )?hold \\d+ s`));
  expect(all).toContain('back pain');
  // Typed, printed, not kept: nothing about the person was stored.
  expect(await page.evaluate(() => localStorage.getItem('unfurl:v1:patient'))).toBeNull();
  expect(await page.evaluate(() => localStorage.getItem('unfurl:v1'))).not.toContain('Ana');
});

test('"remember on this device" keeps the name under its own key, never in the history', async ({ page }) => {
  await seed(page, history(3).doc);
  await open(page);
  await openReport(page);
  await page.fill('#report-name', 'Ana');
  await page.check('#report-remember');
  await page.fill('#report-dob', '1961-04-09');
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem('unfurl:v1:patient')))).toEqual({ name: 'Ana', dob: '1961-04-09' });
  expect(await page.evaluate(() => localStorage.getItem('unfurl:v1'))).not.toContain('Ana');
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  await openReport(page);
  await expect(page.locator('#report-name')).toHaveValue('Ana');
  await expect(page.locator('#report .report-patient')).toContainText('Ana');
  await page.uncheck('#report-remember');
  expect(await page.evaluate(() => localStorage.getItem('unfurl:v1:patient'))).toBeNull();
});

// The remembered name is read by web/storage.js as the codec reads a setting:
// bytes that are not an entry are nothing remembered, and never break the
// report; they are not removed unread either, only replaced when the person
// ticks "remember". A field of the wrong type is empty.
test('a remembered name that cannot be read: the report opens, types and prints, and the bytes stay until replaced', async ({ page }) => {
  await seed(page, history(3).doc);
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('unfurl:v1:patient', '{"name": "Ana", cut off');
      sessionStorage.setItem('seeded', '1');
    }
  });
  await open(page);
  await openReport(page);
  await expect(page.locator('#report-name')).toHaveValue('');
  await expect(page.locator('#report-remember')).not.toBeChecked();
  await page.fill('#report-name', 'Bea');
  await expect(page.locator('#report .report-patient')).toContainText('Bea');
  expect(await page.evaluate(() => localStorage.getItem('unfurl:v1:patient'))).toBe('{"name": "Ana", cut off');
  await page.check('#report-remember');
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem('unfurl:v1:patient')))).toEqual({ name: 'Bea', dob: '' });

  for (const bad of ['[1,2]', '"Ana"', '7']) {
    await page.evaluate((v) => localStorage.setItem('unfurl:v1:patient', v), bad);
    await page.reload();
    await page.evaluate(() => window.unfurl.ready);
    await openReport(page);
    await expect(page.locator('#report-name'), bad).toHaveValue('');
    await page.fill('#report-name', 'Bea');
    expect(await page.evaluate(() => localStorage.getItem('unfurl:v1:patient')), bad).toBe(bad);
  }
  await page.evaluate(() => localStorage.setItem('unfurl:v1:patient', '{"name":{"first":"Ana"},"dob":19610409}'));
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  await openReport(page);
  await expect(page.locator('#report-name')).toHaveValue('');
  await expect(page.locator('#report-dob')).toHaveValue('');
  await expect(page.locator('#report .report-patient')).not.toContainText('object');
});

test('on a shared tablet (history=0) the report neither shows a name left there before nor offers to keep one', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('unfurl:v1:patient', JSON.stringify({ name: 'Earlier Person', dob: '1950-01-01' }));
      sessionStorage.setItem('seeded', '1');
    }
  });
  // A morning's session on the tablet, kept only in this page.
  await open(page, 'history=0&test=1&timescale=300');
  await act(page, 'ack', 'intro');
  await pastCheck(page);
  expect(await act(page, 'skip')).toBe(true);
  await until(page, (s) => s.screen === 'finish', 'the session ran to its end', 60_000);
  expect(await act(page, 'finish')).toBe(true);
  await openReport(page);
  await expect(page.locator('#report-name')).toHaveValue('');
  await expect(page.locator('#report-remember')).toHaveCount(0);
  await expect(page.locator('#report')).not.toContainText('Earlier Person');
  await page.fill('#report-name', 'Ana');
  await expect(page.locator('#report .report-patient')).toContainText('Ana');
  expect(JSON.parse(await page.evaluate(() => localStorage.getItem('unfurl:v1:patient'))).name).toBe('Earlier Person');
});

test('the printed report is black and white: every text, fill and line a grey', async ({ page }) => {
  await seed(page, history(12).doc);
  await open(page);
  await openReport(page);
  await page.emulateMedia({ media: 'print' });
  const coloured = await page.evaluate(() => {
    const out = [];
    const grey = (c) => {
      const m = c.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
      return !m || m[4] === '0' || (m[1] === m[2] && m[2] === m[3]);
    };
    for (const el of document.querySelectorAll('#report .report-page, #report .report-page *')) {
      const cs = getComputedStyle(el);
      for (const prop of ['color', 'backgroundColor', 'borderTopColor', 'fill', 'stroke'])
        if (cs[prop] && cs[prop] !== 'none' && !grey(cs[prop])) out.push(`${el.tagName}.${el.className?.baseVal ?? el.className} ${prop} ${cs[prop]}`);
    }
    return out;
  });
  expect(coloured).toEqual([]);
});

test('five years of mornings print, from the first to the last', async ({ page }) => {
  test.setTimeout(180_000);
  const { days, doc } = history(5 * 365);
  await seed(page, doc);
  await open(page);
  await openReport(page);
  await expect(page.locator('#report .report-sessions tbody tr')).toHaveCount(days.length);
  const pages = await printed(page, 'report-5-years');
  expect(pages.length).toBeGreaterThan(20);
  expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  const all = pages.join('\n');
  for (const d of [days[0], days[400], days.at(-1)]) expect(all).toContain(dateOf(d));
});

test('sections the report is given are laid out after the safety section, title and rows', async ({ page }) => {
  await seed(page, history(2).doc);
  await open(page);
  await openReport(page);
  // The renderer alone, fed one section as another part of the app would.
  await page.evaluate(async () => {
    const { showReport } = await import('./report.js');
    const labels = Object.fromEntries(['title', 'routine', 'plot', 'sessions', 'safety', 'none', 'print', 'close', 'share',
      'name', 'dob', 'remember', 'weeks', 'before', 'after'].map((k) => [k, `L-${k}`]));
    labels.page = ['P ', ' / ', ''];
    labels.patient = ['N ', ' D ', ''];
    showReport(document.getElementById('report'), {
      labels, lang: 'en', made: 'made', summary: 'summary', period: 'period', note: '', routine_name: 'R',
      routine: [], changes: [], weeks: { head: ['w'], rows: [] }, plot: [], safety: [],
      sessions: { head: ['d'], rows: [['2026-01-01']] }, file: 'x.html',
      sections: [{ title: 'Before the first session', rows: [['Cancer, and this pain is new', 'No'], ['Result', 'Nothing here points to it']] }],
    });
  });
  const headings = await page.locator('#report h2').allTextContents();
  const at = headings.indexOf('Before the first session');
  expect(at).toBeGreaterThan(headings.indexOf('L-safety'));
  expect(at).toBeLessThan(headings.indexOf('L-sessions'));
  const rows = await page.locator('#report .report-section tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  expect(rows).toEqual([['Cancer, and this pain is new', 'No'], ['Result', 'Nothing here points to it']]);
});

test('where files can be shared, History shares the report as .html and the CSV', async ({ page }) => {
  await page.addInitScript(() => {
    window.shared = [];
    navigator.canShare = (d) => !!(d && Array.isArray(d.files) && d.files.length);
    navigator.share = async (d) => {
      if (!navigator.userActivation.isActive) throw new DOMException('no tap', 'NotAllowedError');
      for (const f of d.files) window.shared.push({ name: f.name, type: f.type, text: await f.text() });
    };
  });
  const { days, doc } = history(4);
  await seed(page, doc);
  await open(page);
  await act(page, 'open', 'history');
  await until(page, (s) => s.screen === 'history', 'history');
  await tap(page, 'share-csv');
  await expect.poll(() => page.evaluate(() => window.shared.length)).toBe(1);
  await tap(page, 'share-report');
  await expect.poll(() => page.evaluate(() => window.shared.length)).toBe(2);
  const [csv, report] = await page.evaluate(() => window.shared);
  expect([csv.name, csv.type]).toEqual(['unfurl-sessions.csv', 'text/csv']);
  expect(csv.text.trim().split('\r\n').length).toBe(5);
  expect([report.name, report.type]).toEqual(['unfurl-report.html', 'text/html']);
  expect(report.text).toMatch(/^<!doctype html>/);
  expect(report.text).not.toMatch(/<script/i);
  for (const d of days) expect(report.text).toContain(dateOf(d));
  await expect(page.locator('#report')).toBeHidden();  // shared, not opened
  // From the printable page too, with the name typed there; and nothing left the device
  // but through the person's own share.
  const requests = [];
  const origin = new URL(page.url()).origin;
  page.on('request', (r) => { if (!r.url().startsWith(origin) && !r.url().startsWith('blob:')) requests.push(r.url()); });
  expect(await act(page, 'export', 'report')).toBe(true);
  await expect(page.locator('#report')).toBeVisible();
  await page.fill('#report-name', 'Ana');
  await page.locator('#report .report-buttons button', { hasText: 'Share with my physiotherapist' }).tap();
  await expect.poll(() => page.evaluate(() => window.shared.length)).toBe(3);
  const fromPage = (await page.evaluate(() => window.shared))[2];
  expect([fromPage.name, fromPage.type]).toEqual(['unfurl-report.html', 'text/html']);
  expect(fromPage.text).toContain('Ana');
  expect(requests).toEqual([]);
});

test('where files cannot be shared, History offers only the download and the printable report', async ({ page }) => {
  await seed(page, history(2).doc);
  await open(page);
  await act(page, 'open', 'history');
  await until(page, (s) => s.screen === 'history', 'history');
  const ids = (await widgets(page)).map((w) => w.id);
  expect(ids).toEqual(expect.arrayContaining(['export-csv', 'report']));
  expect(ids).not.toContain('share-csv');
  expect(await act(page, 'share', 'csv')).toBe(false);
});

test.describe('a first visit whose connection is lost before the service worker has kept anything', () => {
  test.use({ serviceWorkers: 'block' });
  test('a report asked for before its code could be fetched says so, and opens when asked again once it can be', async ({ page }) => {
    // As Firefox does, a module that failed to load stays failed under the
    // same name for the page's life, even once the connection is back.
    let offline = true;
    const failed = new Set();
    await page.route('**/report.js*', (route) => {
      const url = route.request().url();
      if (!offline && !failed.has(url)) return route.continue();
      failed.add(url);
      return route.abort('internetdisconnected');
    });
    await seed(page, history(3).doc);
    await open(page);
    await act(page, 'open', 'history');
    await until(page, (s) => s.screen === 'history', 'history');
    await tap(page, 'report');
    await until(page, (s) => s.notices.some((n) => n.id === 'report.failed'), 'the report failed notice');
    const words = JSON.parse(readFileSync(new URL('../../assets/i18n/en.json', import.meta.url), 'utf8'));
    expect((await state(page)).notices.find((n) => n.id === 'report.failed').text).toBe(words['notice.report_failed']);
    await expect(page.locator('#a11y')).toContainText(words['notice.report_failed']);  // on the screen, and to a screen reader
    await expect(page.locator('#report')).toBeHidden();

    offline = false;
    await tap(page, 'report');
    await expect(page.locator('#report')).toBeVisible();
    expect((await state(page)).notices.map((n) => n.id)).not.toContain('report.failed');  // no longer true, no longer said
  });
});
