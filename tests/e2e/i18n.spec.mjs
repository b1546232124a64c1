// Unfurl in Spanish, end to end: a clinic's link with lang=es, or a browser
// that prefers Spanish, gives every screen, every spoken cue and every
// safety sentence in Spanish; the choice in Settings is remembered.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { open, state, widgets, act, cues, tap, until, widget, answerNone, toCheck } from './helpers.mjs';

// The Spanish words the app shows, as the language file has them.
const ES = JSON.parse(readFileSync(new URL('../../assets/i18n/es.json', import.meta.url), 'utf8'));

const labels = async (page) => (await widgets(page)).map((w) => w.label);

test('a whole session in Spanish: screens, spoken cues and the page itself', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = await open(page, 'lang=es&test=1&timescale=60');
  expect((await state(page)).lang).toBe('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  expect(await labels(page)).toEqual(expect.arrayContaining(['Entendido', 'Empezar', 'Historial', 'Ajustes']));
  await expect(page.locator('#a11y h2').first()).toHaveText('Espalda por la mañana');
  await act(page, 'ack', 'intro');
  await tap(page, 'start');
  // The one-time history questions, in Spanish too.
  await until(page, (s) => s.screen === 'screening', 'screening');
  await expect(page.locator('#a11y h2').first()).toHaveText(ES['screening.title']);
  await expect(page.locator('#a11y')).toContainText('Antes de tu primera sesión');
  await answerNone(page);
  await until(page, (s) => s.screen === 'check', 'check');
  expect(await labels(page)).toContain('Fiebre, o sensación de calor y escalofríos');
  // The answer: "See the rest" until every sign has been on screen, then "None of these today".
  await until(page, (s) => s.list !== 'unknown', 'the list measured');
  const listed = (await state(page)).list;
  expect((await widget(page, 'none')).label).toBe(listed === 'seen' ? ES['check.none'] : ES['check.see_rest']);
  await answerNone(page);
  await until(page, (s) => s.screen === 'rating-before', 'rating');
  expect(await labels(page)).toContain('Omitir');
  await tap(page, 'skip');
  await until(page, (s) => s.screen === 'session', 'session');
  expect(await labels(page)).toEqual(expect.arrayContaining(['Pausa', 'Parar — me duele']));
  await until(page, (s) => s.screen === 'finish', 'the whole routine, to Finish', 150_000);
  const spoken = (await cues(page)).filter((c) => c.kind === 'speak');
  expect(spoken.length).toBeGreaterThan(15);
  for (const c of spoken) expect(c.lang).toBe('es');
  const all = spoken.map((c) => c.text).join(' ');
  for (const words of ['Empecemos', 'Rodilla al pecho', 'Basculaciones pélvicas', 'Torsión suave de columna',
    'Extensión boca abajo', 'Posición fetal de lado', 'Y suelta despacio', 'Muy bien']) expect(all).toContain(words);
  expect(all).not.toContain('Breathe');
  expect(await labels(page)).toContain('Hecho');
  expect(errors).toEqual([]);
});

test('the red-flag results are in Spanish, with the emergency still an emergency', async ({ page }) => {
  await open(page, 'lang=es');
  await act(page, 'ack', 'intro');
  await toCheck(page);
  const bladder = await widget(page, 'flag-bladder_bowel');
  expect(bladder.label).toContain('vejiga');
  await tap(page, bladder.id);
  await until(page, (s) => s.answers.includes('bladder_bowel'), 'ticked');
  await tap(page, 'continue');
  await until(page, (s) => s.screen === 'check-result' && s.check.blocked, 'blocked');
  const words = await page.locator('#a11y').innerText();
  expect(words).toContain('Pide ayuda de emergencia ahora');
  // The browser's region (en-US here) names the number; without one, the generic words (tests/e2e/emergency.spec.mjs).
  expect(words).toContain('Llama ahora al 911');
  expect(words).toContain('No hagas los estiramientos');
  const said = (await cues(page)).filter((c) => c.kind === 'speak').map((c) => c.text).join(' ');
  expect(said).toContain('Pide ayuda de emergencia ahora');
  // No way on to a session from here, in any language.
  expect((await widgets(page)).map((w) => w.id)).not.toContain('continue');
});

test('the browser’s language chooses when the link does not; Settings changes it and it is remembered', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES', hasTouch: true, isMobile: true, viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  await open(page);
  expect((await state(page)).lang).toBe('es');
  await act(page, 'ack', 'intro');
  await tap(page, 'open-settings');
  await until(page, (s) => s.screen === 'settings', 'settings');
  const english = await widget(page, 'lang-en');
  expect(english.label).toBe('English');
  expect(english.checked).toBe(false);
  expect((await widget(page, 'lang-es')).checked).toBe(true);
  await tap(page, 'lang-en');
  await until(page, (s) => s.lang === 'en', 'English now');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await labels(page)).toEqual(expect.arrayContaining(['Voice', 'Tones']));
  await page.reload();
  await page.evaluate(() => window.unfurl.ready);
  expect((await state(page)).lang).toBe('en');
  await context.close();
});

test('an unknown language gives English and a notice that says so', async ({ page }) => {
  await open(page, 'lang=xx');
  const s = await state(page);
  expect(s.lang).toBe('en');
  expect(s.notices.find((n) => n.id === 'config.lang').text).toContain('"xx" is not available');
});

test('without WebGL2, the page explains itself in Spanish too', async ({ page }) => {
  await page.addInitScript(() => {
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : get.call(this, type, ...rest); };
  });
  await page.goto('./?lang=es');
  await expect(page.locator('#unsupported')).toBeVisible();
  await expect(page.locator('#unsupported')).toContainText('Unfurl no puede iniciarse aquí');
  await expect(page.locator('#unsupported')).toContainText('Pide ayuda de emergencia ahora');
});
