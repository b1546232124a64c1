// Eight languages, each one file: a regional tag finds its language, the
// chooser is one radio group a keyboard moves through, and the prescription
// builder and the installed app's name follow the language too.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { open, state, widgets, act, tap, until } from './helpers.mjs';

const CODES = ['de', 'en', 'es', 'fr', 'it', 'nl', 'pl', 'pt'];
const file = (code) => JSON.parse(readFileSync(new URL(`../../assets/i18n/${code}.json`, import.meta.url), 'utf8'));

for (const [tag, code] of [['de-AT', 'de'], ['pt-PT', 'pt'], ['pt-BR', 'pt'], ['fr-CA', 'fr'], ['nl-BE', 'nl'], ['pl-PL', 'pl'], ['it-CH', 'it']]) {
  test(`a browser set to ${tag} opens in ${code}, and so does a link with lang=${tag}`, async ({ browser }) => {
    const words = file(code);
    const context = await browser.newContext({ locale: tag, hasTouch: true, isMobile: true, viewport: { width: 412, height: 915 } });
    const page = await context.newPage();
    await open(page, 'test=1');
    expect((await state(page)).lang).toBe(code);
    await expect.poll(async () => (await widgets(page)).map((w) => w.label)).toContain(words['intro.ok']);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await context.close();

    const linked = await browser.newPage({ locale: 'en-GB' });
    await open(linked, `test=1&lang=${tag}`);
    expect((await state(linked)).lang).toBe(code);
    await linked.close();
  });
}

test('the chooser names each language in itself and is one radio group: one chosen, arrow keys move and choose', async ({ page }) => {
  await open(page, 'test=1');
  await act(page, 'ack', 'intro');
  await tap(page, 'open-settings');
  await until(page, (s) => s.screen === 'settings', 'settings');
  const radios = (await widgets(page)).filter((w) => w.id.startsWith('lang-'));
  expect(radios.map((w) => w.id)).toEqual(CODES.map((c) => `lang-${c}`));
  radios.forEach((w) => {
    expect(w.role).toBe('radio');
    expect(w.label).toBe(file(w.id.slice(5))['language.name']);
  });
  expect(radios.filter((w) => w.checked).map((w) => w.id)).toEqual(['lang-en']);

  const group = page.getByRole('radiogroup');
  await expect(group).toHaveCount(1);
  await expect(group.getByRole('radio')).toHaveCount(8);
  await expect(group.getByRole('radio', { checked: true })).toHaveText('English');
  // Tab reaches the group once, at its chosen radio.
  await expect(group.locator('[tabindex="0"]')).toHaveCount(1);
  await group.getByRole('radio', { checked: true }).focus();
  await page.keyboard.press('ArrowDown');
  await until(page, (s) => s.lang === 'es', 'the next language, Spanish, chosen by the arrow key');
  await expect(page.getByRole('radiogroup').getByRole('radio', { checked: true })).toHaveText('Español');
  await expect(page.getByRole('radiogroup').getByRole('radio', { checked: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await until(page, (s) => s.lang === 'en', 'back to English');
  await page.keyboard.press('ArrowUp');
  await until(page, (s) => s.lang === 'de', 'from the first to the last: German');
});

test('the installed app takes its name and description in the page\'s language', async ({ page }) => {
  await open(page, 'test=1&lang=pl');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', 'manifest.pl.webmanifest');
  const m = await (await page.request.get('manifest.pl.webmanifest')).json();
  expect(m.lang).toBe('pl');
  expect(m.name).toBe(file('pl')['page.title']);
  expect(m.description).toBe(file('pl')['page.description']);
  // The manifest a browser reads before the page has chosen names only Unfurl, in no language.
  const neutral = await (await page.request.get('manifest.webmanifest')).json();
  expect(neutral.name).toBe('Unfurl');
  expect(neutral.description).toBeUndefined();
  expect(neutral.icons).toEqual(m.icons);
});

test('the prescription builder is there in each language and puts the patient\'s language in the link', async ({ page }) => {
  await page.goto('./prescribe.html');
  const links = page.getByRole('navigation').getByRole('link');
  await expect(links).toHaveCount(7);
  await links.filter({ hasText: 'Deutsch' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('h1')).toHaveText(file('de')['rx.page_title']);
  await expect(page.locator('#exercises')).toContainText(file('de')['ex.knee_to_chest.name']);
  // By default the link leaves the language to the patient's phone; the clinic may name it.
  expect(new URL(await page.locator('#link').inputValue()).searchParams.has('lang')).toBe(false);
  await page.selectOption('#patient-lang', 'pl');
  const link = new URL(await page.locator('#link').inputValue());
  expect(link.searchParams.get('lang')).toBe('pl');
  const app = await page.context().newPage();
  await app.goto(link.href.replace(/^.*\?/, './?test=1&'));
  await app.evaluate(() => window.unfurl.ready);
  expect((await state(app)).lang).toBe('pl');
  expect((await state(app)).prescribed).toBe(true);
});
