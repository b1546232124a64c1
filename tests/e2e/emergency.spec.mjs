// The number to call (docs/clinical.md): in each of the eight languages, with
// a browser region and without one, the emergency result names the right
// number and its large "Call" control is a real tel: link — on the canvas (a
// real tap reaches the dialler's link), in the accessible mirror, and inside a
// clinic's frame with emergency=. Without a region the language's generic
// wording stays and no call is offered. The page shown without WebGL2 offers
// the clinic's number too.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { state, act, widgets, until, tap, pastScreening } from './helpers.mjs';

const wordsOf = (lang) => JSON.parse(readFileSync(new URL(`../../assets/i18n/${lang}.json`, import.meta.url)));
const fill = (text, ...args) => args.reduce((t, a) => t.replace('%s', a), text);

// What the browser would do with a followed link, recorded instead of done (headless has no dialler).
const recordLinks = (page) => page.addInitScript(() => {
  window.__followed = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.href.startsWith('tel:')) { window.__followed.push(this.href); return; }
    return click.call(this);
  };
});

async function emergencyResult(app) {
  await app.evaluate(() => window.unfurl.ready);
  await act(app, 'ack', 'intro');
  await pastScreening(app);
  expect(await act(app, 'answer', 'both_legs')).toBe(true);
  expect(await act(app, 'continue')).toBe(true);
  await until(app, (s) => s.screen === 'check-result' && s.check.level === 'emergency', 'the emergency result');
}

// Each language with a region the table has, and the number it gives.
const REGIONS = { en: ['en-GB', '999'], de: ['de-DE', '112'], es: ['es-MX', '911'], fr: ['fr-FR', '15', '112'],
  it: ['it-IT', '112'], nl: ['nl-NL', '112'], pl: ['pl-PL', '112'], pt: ['pt-BR', '192'] };

for (const [lang, [tag, number, second]] of Object.entries(REGIONS)) {
  test(`${lang}: with the region ${tag} the emergency result offers to call ${number}; without a region, the generic wording`, async ({ browser }) => {
    const w = wordsOf(lang);
    const context = await browser.newContext({ locale: tag, hasTouch: true, isMobile: true, viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    await recordLinks(page);
    await page.goto('./');
    await emergencyResult(page);
    const s = await state(page);
    expect(s.lang).toBe(lang);
    expect(s.emergency).toMatchObject({ number, source: 'region', region: tag.slice(3) });
    const shown = second ? fill(w['triage.emergency.number_or'], number, second) : number;
    const call = (await widgets(page)).find((x) => x.id === 'call');
    expect(call, 'the call control').toBeTruthy();
    expect(call).toMatchObject({ role: 'link', href: `tel:${number}`, label: fill(w['triage.emergency.call'], number) });
    expect(call.h, 'a large control').toBeGreaterThanOrEqual(44);
    await expect(page.locator('#a11y')).toContainText(fill(w['triage.emergency.action_number'], shown));
    await expect(page.locator(`#a11y a[href="tel:${number}"]`)).toHaveText(fill(w['triage.emergency.call'], number));
    // Said as it is shown, each digit on its own.
    const said = (await page.evaluate(() => window.unfurl.cues())).filter((c) => c.key === 'result.emergency').map((c) => c.text).join(' ');
    expect(said).toContain(number.split('').join(' '));
    // A real tap on the control follows the tel: link.
    await tap(page, 'call');
    await expect.poll(() => page.evaluate(() => window.__followed)).toEqual([`tel:${number}`]);
    await context.close();

    const plain = await browser.newContext({ locale: lang, hasTouch: true, isMobile: true, viewport: { width: 412, height: 915 } });
    const p2 = await plain.newPage();
    await p2.goto('./');
    await emergencyResult(p2);
    expect((await state(p2)).emergency).toMatchObject({ number: null, source: 'none' });
    expect((await widgets(p2)).some((x) => x.id === 'call'), 'no number: no call control').toBe(false);
    await expect(p2.locator('#a11y')).toContainText(w['triage.emergency.action']);
    await plain.close();
  });
}

test('inside a clinic\'s frame, emergency= is the number offered, and the mirror\'s link leaves the frame', async ({ browser, baseURL }) => {
  const dir = mkdtempSync(join(tmpdir(), 'unfurl-clinic-'));
  const port = 9100 + Math.floor(Math.random() * 800);
  // The app from another origin than the clinic's page, as a clinic embeds it.
  const app = new URL(baseURL);
  app.hostname = '127.0.0.1';
  const src = `${app.origin}/?embed=1&emergency=2222&clinic=Riverside%20Physio`;
  writeFileSync(join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>Riverside Physio</title>
    <iframe title="Unfurl" src="${src}" style="width:360px;height:640px;border:0"></iframe>`);
  const server = spawn('node', ['scripts/static-server.mjs', dir, String(port)], { stdio: 'ignore' });
  try {
    await expect.poll(() => fetch(`http://localhost:${port}/`).then((r) => r.ok, () => false), { timeout: 15_000 }).toBe(true);
    const context = await browser.newContext({ locale: 'en-US', hasTouch: true, isMobile: true, viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    await page.goto(`http://localhost:${port}/`);
    await expect.poll(() => page.frames().length).toBeGreaterThan(1);
    const frame = page.frames().find((f) => f.url().startsWith(app.origin));
    await frame.waitForFunction(() => window.unfurl);
    await emergencyResult(frame);
    expect((await frame.evaluate(() => window.unfurl.state())).emergency).toMatchObject({ number: '2222', source: 'clinic' });
    const call = (await frame.evaluate(() => window.unfurl.widgets())).find((x) => x.id === 'call');
    expect(call).toMatchObject({ href: 'tel:2222' });
    const link = frame.locator('#a11y a[href="tel:2222"]');
    await expect(link).toHaveAttribute('target', '_top');
    await context.close();
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the page shown without WebGL2 offers the clinic\'s number, and the generic wording without one', async ({ page }) => {
  await page.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : get.call(this, type, ...rest); };
  });
  const w = wordsOf('en');
  await page.goto('./?emergency=999');
  await expect(page.locator('#unsupported')).toBeVisible();
  await expect(page.locator('#unsupported .sign-emergency')).toContainText(fill(w['triage.emergency.action_number'], '999'));
  await expect(page.locator('#unsupported a[href="tel:999"]')).toHaveText(fill(w['triage.emergency.call'], '999'));
  await page.goto('./?emergency=99-9');
  await expect(page.locator('#unsupported')).toBeVisible();
  await expect(page.locator('#unsupported .sign-emergency')).toContainText(w['triage.emergency.action']);
  await expect(page.locator('#unsupported a[href^="tel:"]')).toHaveCount(0);
});

// An answer is a choice, not momentum: tapping "See the rest ↓" every quarter
// of a second on a 360×640 phone never answers the check nor acts on the next
// screen; a deliberate tap after a moment's rest does.
for (const size of [{ width: 360, height: 640 }, { width: 320, height: 568 }]) {
  test(`${size.width}×${size.height}: taps in a scrolling rhythm never answer the check`, async ({ browser }) => {
    const context = await browser.newContext({ hasTouch: true, isMobile: true, viewport: size });
    const page = await context.newPage();
    await page.goto('./');
    await page.evaluate(() => window.unfurl.ready);
    await act(page, 'ack', 'intro');
    await pastScreening(page);
    const none = (await widgets(page)).find((x) => x.id === 'none');
    expect(none.action).toBe('reveal');
    const x = none.x + none.w / 2, y = none.y + none.h / 2;
    for (let i = 0; i < 16; i++) {
      await page.touchscreen.tap(x, y);
      await page.waitForTimeout(250);
    }
    let s = await state(page);
    expect(s.screen, 'sixteen taps in a rhythm answered nothing').toBe('check');
    expect(s.list).toBe('seen');
    await page.waitForTimeout(900);
    await page.touchscreen.tap(x, y);
    await until(page, (st) => st.screen === 'rating-before', 'a deliberate tap answers');
    for (let i = 0; i < 6; i++) {
      await page.touchscreen.tap(x, y);
      await page.waitForTimeout(250);
    }
    s = await state(page);
    expect(s.screen, 'the rhythm did not act on the next screen').toBe('rating-before');
    await context.close();
  });
}
