// The prescription builder: a clinician's choices become a link and a QR code
// (read back here with the npm QR reader jsqr) that open Unfurl with exactly
// that routine, marked as prescribed — and the safety check still runs.
import { test, expect } from '@playwright/test';
import jsQR from 'jsqr';
import { readFileSync } from 'node:fs';
import { state, until, tap, widget, answerNone } from './helpers.mjs';

test('the builder\'s link and its QR code open the same prescribed routine, check first', async ({ page }) => {
  await page.goto('prescribe.html');
  // Leave out the press-up, hold knee-to-chest for 20 s, cap the range, add a note.
  await page.locator('#on-press_up').uncheck();
  await page.locator('#hold-knee_to_chest').fill('20');
  await page.locator('#cap').selectOption('0.8');
  await page.locator('#note').fill('Gently, every morning for two weeks.');
  const link = await page.locator('#link').inputValue();
  expect(link).toMatch(/\/\?rx=[A-Za-z0-9_-]+$/);

  // The QR code, decoded from its pixels.
  const img = await page.evaluate(async () => {
    const el = document.querySelector('#qr img');
    await el.decode();
    const c = document.createElement('canvas');
    c.width = el.naturalWidth;
    c.height = el.naturalHeight;
    const g = c.getContext('2d');
    g.drawImage(el, 0, 0);
    return { w: c.width, h: c.height, data: Array.from(g.getImageData(0, 0, c.width, c.height).data) };
  });
  const code = jsQR(Uint8ClampedArray.from(img.data), img.w, img.h);
  expect(code, 'the QR code reads').not.toBeNull();
  expect(code.data).toBe(link);

  // A value outside the range is not put in the link, and the field says so.
  await expect(page.locator('#hold-fetal-warning')).toBeHidden();
  await page.locator('#hold-fetal').fill('600');
  expect(await page.locator('#link').inputValue()).toBe(link);
  await expect(page.locator('#hold-fetal-warning')).toBeVisible();
  await expect(page.locator('#hold-fetal')).toHaveAttribute('aria-invalid', 'true');

  await page.goto(code.data + '&test=1');
  await page.evaluate(() => window.unfurl.ready);
  const s = await state(page);
  expect(s.notices).toEqual([]);
  expect(s.routine.exercises).toEqual(['knee_to_chest', 'pelvic_tilt', 'figure_four', 'spinal_twist', 'fetal']);
  expect(s.routine.range_cap).toBe(0.8);
  expect(s.routine.note).toBe('Gently, every morning for two weeks.');
  expect(s.prescribed).toBe(true);
  expect(s.prescription_changes.join('\n')).toMatch(/20 s/);
  await tap(page, 'start');
  await until(page, (x) => x.screen === 'screening', 'the one-time history questions still come first');
  await answerNone(page);
  await until(page, (x) => x.screen === 'check', 'then the safety check');
  await widget(page, 'none');
});

test('with nothing ticked the builder makes no link and says why', async ({ page }) => {
  await page.goto('prescribe.html');
  for (const box of await page.locator('#exercises input[type=checkbox]').all()) await box.uncheck();
  await expect(page.locator('#error')).toBeVisible();
  expect(await page.locator('#link').inputValue()).toBe('');
  await expect(page.locator('#copy')).toBeDisabled();
});

// The builder's language is the app's choice, asked of the app's own wasm
// (unfurl_early): the browser's language, regional tag and all; a lang= the
// build does not know gives English in both, not the browser's.
test.describe('in a Portuguese browser', () => {
  test.use({ locale: 'pt-BR' });
  test('the builder is in the language the app picks, the same way', async ({ page }) => {
    const pt = JSON.parse(readFileSync(new URL('../../assets/i18n/pt.json', import.meta.url), 'utf8'));
    const en = JSON.parse(readFileSync(new URL('../../assets/i18n/en.json', import.meta.url), 'utf8'));
    for (const [query, lang, words] of [['', 'pt', pt], ['?lang=xx', 'en', en], ['?lang=pt-PT', 'pt', pt]]) {
      await page.goto(`prescribe.html${query}`);
      await expect(page.locator('h1'), query).toHaveText(words['rx.page_title']);
      await expect(page.locator('#exercises'), query).toContainText(words['ex.knee_to_chest.name']);
      await page.goto(`./${query || '?'}${query ? '&' : ''}test=1`);
      await page.evaluate(() => window.unfurl.ready);
      expect((await state(page)).lang, `the app at ${query}`).toBe(lang);
    }
  });
});

// The note's limit is 200 characters in the builder's field and in the app
// alike (docs/embedding.md): a full note in Polish makes a link that opens.
test('a note of 200 characters in any language makes a link the app opens', async ({ page }) => {
  const note = 'ą'.repeat(200);
  await page.goto('prescribe.html');
  await page.locator('#note').fill(note + 'ę');
  const link = await page.locator('#link').inputValue();
  await page.goto(`${link}&test=1`);
  await page.evaluate(() => window.unfurl.ready);
  const s = await state(page);
  expect(s.notices).toEqual([]);
  expect(s.prescribed).toBe(true);
  expect(s.routine.note).toBe(note);
});
