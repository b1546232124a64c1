// Each language Unfurl has, end to end, from its own file: Home, the check
// with every warning sign, a blocked result, a short session whose every
// spoken cue is in that language, and the page shown without WebGL2.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { open, state, widgets, act, cues, until, answerNone, toCheck, FLAGS } from './helpers.mjs';

const words = (code) => JSON.parse(readFileSync(new URL(`../../assets/i18n/${code}.json`, import.meta.url), 'utf8'));
const EN = words('en');
const TABLE = JSON.parse(readFileSync(new URL('../../assets/triage/red-flags.json', import.meta.url), 'utf8'));
const rx = Buffer.from(JSON.stringify({ exercises: [{ id: 'press_up', reps: 3, hold_s: 1 }] })).toString('base64url');

for (const code of ['de', 'fr', 'it', 'nl', 'pl', 'pt']) {
  test(`${code}: Home, every sign, a blocked result, a session spoken in ${code}, and the page without WebGL2`, async ({ page }) => {
    test.setTimeout(120_000);
    const w = words(code);
    const errors = await open(page, `lang=${code}&test=1&timescale=60&rx=${rx}`);
    expect((await state(page)).lang).toBe(code);
    await expect(page.locator('html')).toHaveAttribute('lang', code);
    await expect.poll(async () => (await widgets(page)).map((x) => x.label)).toEqual(expect.arrayContaining([w['home.start'], w['home.history']]));
    await act(page, 'ack', 'intro');

    // The check lists every sign in this language, in the table's order, before its answer.
    await toCheck(page);
    await expect(page.locator('#a11y h2').first()).toHaveText(w['check.title']);
    await expect(page.locator('#a11y [role="checkbox"]')).toHaveText(FLAGS.map((id) => w[`flag.${id}.question`]));
    await answerNone(page);
    await until(page, (s) => s.screen === 'rating-before', 'the rating');
    await act(page, 'skip');
    await until(page, (s) => s.screen === 'finish', 'the short session, to Finish', 90_000);
    const spoken = (await cues(page)).filter((c) => c.kind === 'speak');
    expect(spoken.length).toBeGreaterThan(5);
    for (const c of spoken) expect(c.lang, c.text).toBe(code);
    const all = spoken.map((c) => c.text).join(' ');
    expect(all).toContain(w['cue.prepare'].split('. ')[0]);
    expect(all).toContain(w['cue.done'].split('. ')[0]);
    expect(all).not.toContain(EN['cue.done'].split('. ')[0]);
    await act(page, 'finish');
    await until(page, (s) => s.screen === 'home', 'home');

    // A sign of an emergency blocks the routine, in this language's words.
    await act(page, 'start');
    await until(page, (s) => s.screen === 'check', 'the check again');
    expect(await act(page, 'answer', 'chest_pain')).toBe(true);
    expect(await act(page, 'continue')).toBe(true);
    await until(page, (s) => s.screen === 'check-result', 'the result');
    await expect(page.locator('#a11y')).toContainText(w['triage.emergency.title']);
    // The number to call comes from the browser's region when it has one (docs/clinical.md).
    const number = (await state(page)).emergency.number;
    await expect(page.locator('#a11y')).toContainText(number ? w['triage.emergency.action_number'].replace('%s', number) : w['triage.emergency.action']);
    await expect.poll(async () => (await widgets(page)).map((x) => x.id)).not.toContain('continue');
    expect(errors).toEqual([]);

    // Without WebGL2 the page explains itself, with the warning signs, in this language.
    const bare = await page.context().newPage();
    await bare.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) { return type === 'webgl2' ? null : get.call(this, type, ...rest); };
    });
    await bare.goto(`./?lang=${code}`);
    await expect(bare.locator('#unsupported')).toBeVisible();
    await expect(bare.locator('#unsupported-title')).toHaveText(w['page.unsupported_title']);
    // Every sign of the check, under its tier, in this language.
    for (const tier of ['emergency', 'urgent', 'clinician', 'review'])
      await expect(bare.locator(`#unsupported .sign-${tier} li`))
        .toHaveText(TABLE.flags.filter((f) => f.tier === tier).map((f) => w[`flag.${f.id}.question`]));
    await expect(bare.locator('html')).toHaveAttribute('lang', code);
    await bare.close();
  });
}
