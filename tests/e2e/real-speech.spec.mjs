// Heard, not just emitted: the pelvic tilt, the spinal twist and the prone press-up at real
// speed, spoken by a real voice (espeak-ng through speech-dispatcher, see
// speech-setup.mjs). Every utterance must be spoken and end on its own — none
// interrupted or cancelled by the next cue — one after the other, never over
// each other. (How long each waited is load-dependent, so not asserted: the
// planned fit is tests/speech/check-espeak's.) About three minutes.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { open, act, state, until, startSession, pastScreening } from './helpers.mjs';

const b64url = (s) => Buffer.from(s).toString('base64url');

// One speech server for the machine: two sessions speaking at once would talk
// over each other there, whatever the app does. These run one after the other.
test.describe.configure({ mode: 'default' });

// Records what the voice really does with each utterance, from inside the page.
const recordSpeech = (page) => page.addInitScript(() => {
  window.__heard = [];
  const speak = SpeechSynthesis.prototype.speak;
  SpeechSynthesis.prototype.speak = function (u) {
    const rec = { text: u.text, lang: u.lang, voice: u.voice ? u.voice.lang : null, start: null, end: null, error: null };
    window.__heard.push(rec);
    u.addEventListener('start', () => { rec.start = performance.now(); });
    u.addEventListener('end', () => { rec.end = performance.now(); });
    u.addEventListener('error', (e) => { rec.end = performance.now(); rec.error = e.error; });
    return speak.call(this, u);
  };
});

test('pelvic tilt, twist and press-up: every sentence is heard to its end', async ({ page }) => {
  test.setTimeout(420_000);
  await recordSpeech(page);
  const rx = b64url(JSON.stringify({ exercises: [{ id: 'pelvic_tilt', reps: 5, hold_s: 3 }, { id: 'spinal_twist', hold_s: 20 },
    { id: 'press_up', reps: 3, hold_s: 1 }] }));
  await open(page, `rx=${rx}`);
  await act(page, 'ack', 'intro');
  // speech-dispatcher lists espeak-ng's thousands of voices slowly: start once they are there.
  await expect.poll(() => page.evaluate(() => speechSynthesis.getVoices().length), { timeout: 60_000 }).toBeGreaterThan(0);
  expect(await act(page, 'set', { key: 'voice_rate', value: 1.2 })).toBe(true);  // a brisk voice keeps this test short
  await startSession(page);
  await until(page, (s) => s.screen === 'finish', 'the routine reached Finish', 360_000);
  // The closing sentence too.
  await expect.poll(() => page.evaluate(() => window.__heard.every((h) => h.end !== null)), { timeout: 30_000 }).toBe(true);

  const heard = await page.evaluate(() => window.__heard);
  expect(heard.length).toBeGreaterThan(15);
  const cut = heard.filter((h) => h.error);
  expect(cut, `utterances cut off: ${JSON.stringify(cut.map((h) => `${h.error}: ${h.text}`))}`).toEqual([]);
  heard.forEach((h, i) => {
    expect(h.start, `never started: ${h.text}`).not.toBeNull();
    if (i > 0) expect(h.start, `spoken over "${heard[i - 1].text}": ${h.text}`).toBeGreaterThanOrEqual(heard[i - 1].end);
  });
  const all = heard.map((h) => h.text).join(' ');
  expect(all).toContain('shoulders pressed flat on the bed');
  expect(all).toContain('great care');
  expect(all).toContain('If symptoms spread further down a leg, stop.');
  expect(all).toContain('range that does not hurt');
  // The pelvic tilt's introduction, said as short sentences (docs/clinical.md, "Wording that is heard").
  expect(all).toContain('Tighten your belly and buttocks to flatten your lower back into the mattress.');
  // The session's own record agrees: each spoken cue went to the voice.
  const spoken = (await page.evaluate(() => window.unfurl.cues())).filter((c) => c.kind === 'speak');
  expect(heard.map((h) => h.text)).toEqual(spoken.map((c) => c.text));
  expect((await state(page)).screen).toBe('finish');
});

// A session of the given exercises in lang at voice speed 1.2, heard through
// the real voice: every utterance in that language's voice, started, ended on
// its own and never over the one before, each the cue the app emitted.
// Returns everything said, in order.
async function hearSession(page, lang, exercises, { atLeast, finishWithin }) {
  await recordSpeech(page);
  await open(page, `lang=${lang}&rx=${b64url(JSON.stringify({ exercises }))}`);
  await act(page, 'ack', 'intro');
  await expect.poll(() => page.evaluate(() => speechSynthesis.getVoices().length), { timeout: 120_000 }).toBeGreaterThan(0);
  const voices = await page.evaluate((l) => speechSynthesis.getVoices().filter((v) => v.lang.toLowerCase().startsWith(l)).length, lang);
  expect(voices, `espeak-ng offers ${lang} voices`).toBeGreaterThan(0);
  expect(await act(page, 'set', { key: 'voice_rate', value: 1.2 })).toBe(true);
  await startSession(page);
  await until(page, (s) => s.screen === 'finish', 'the routine reached Finish', finishWithin);
  await expect.poll(() => page.evaluate(() => window.__heard.every((h) => h.end !== null)), { timeout: 30_000 }).toBe(true);
  const heard = await page.evaluate(() => window.__heard);
  expect(heard.length).toBeGreaterThan(atLeast);
  expect(heard.filter((h) => h.error).map((h) => `${h.error}: ${h.text}`)).toEqual([]);
  heard.forEach((h, i) => {
    expect(h.lang).toBe(lang);
    expect(h.voice, `a ${lang} voice for: ${h.text}`).toMatch(new RegExp(`^${lang}`, 'i'));
    expect(h.start, `never started: ${h.text}`).not.toBeNull();
    if (i > 0) expect(h.start, `spoken over "${heard[i - 1].text}": ${h.text}`).toBeGreaterThanOrEqual(heard[i - 1].end);
  });
  const spoken = (await page.evaluate(() => window.unfurl.cues())).filter((c) => c.kind === 'speak');
  expect(heard.map((h) => h.text)).toEqual(spoken.map((c) => c.text));
  return heard.map((h) => h.text).join(' ');
}

test('in Spanish, a Spanish voice says every sentence to its end', async ({ page }) => {
  test.setTimeout(420_000);
  const all = await hearSession(page, 'es', [{ id: 'pelvic_tilt', reps: 5, hold_s: 3 }, { id: 'press_up', reps: 3, hold_s: 1 }],
    { atLeast: 8, finishWithin: 300_000 });
  expect(all).toContain('Empecemos');
  expect(all).toContain('Aprieta el abdomen y los glúteos para aplanar la parte baja de la espalda contra el colchón.');
  // docs/clinical.md: never a bare "para." as a spoken command in Spanish; "detente".
  expect(all).toContain('Si los síntomas se extienden más abajo por una pierna, detente.');
});

// German has the longest words of Unfurl's languages: its sentences are the
// likeliest to outlast their place. Three exercises, every kind of sentence:
// the preparation, introductions, counted repetitions, a hold, and the close.
test('in German, a German voice says every sentence of a session to its end', async ({ page }) => {
  test.setTimeout(420_000);
  const german = JSON.parse(readFileSync(new URL('../../assets/i18n/de.json', import.meta.url), 'utf8'));
  const all = await hearSession(page, 'de', [{ id: 'pelvic_tilt', reps: 5, hold_s: 3 }, { id: 'press_up', reps: 3, hold_s: 1 },
    { id: 'fetal', hold_s: 10 }], { atLeast: 10, finishWithin: 360_000 });
  // The opening and the closing words as de.json writes them, each said whole.
  expect(all).toContain(german['cue.prepare'].split('. ')[0]);
  expect(all).toContain(german['cue.done'].split('. ')[0]);
});

// The number to call, heard (docs/clinical.md, "The number to call"): a
// person with eyes closed hears the emergency result with the number said
// digit by digit, to its end, in English (en-GB: 999) and in German (de-DE: 112).
for (const [lang, tag, number] of [['en', 'en-GB', '999'], ['de', 'de-DE', '112']]) {
  test(`${lang}: the emergency result says the number to call, ${number}, to its end`, async ({ browser }) => {
    test.setTimeout(180_000);
    const context = await browser.newContext({ locale: tag, viewport: { width: 412, height: 915 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await recordSpeech(page);
    await open(page);
    await act(page, 'ack', 'intro');
    await expect.poll(() => page.evaluate(() => speechSynthesis.getVoices().length), { timeout: 120_000 }).toBeGreaterThan(0);
    await pastScreening(page);
    expect(await act(page, 'answer', 'both_legs')).toBe(true);
    expect(await act(page, 'continue')).toBe(true);
    await until(page, (s) => s.screen === 'check-result' && s.emergency.number === number, 'the emergency result');
    await expect.poll(() => page.evaluate((n) => window.__heard.some((h) => h.text.includes(n) && h.end !== null),
      number.split('').join(' ')), { timeout: 60_000 }).toBe(true);
    const said = (await page.evaluate(() => window.__heard)).find((h) => h.text.includes(number.split('').join(' ')));
    expect(said.error, `cut off: ${said.text}`).toBeNull();
    expect(said.start).not.toBeNull();
    expect(said.voice, `a ${lang} voice`).toMatch(new RegExp(`^${lang}`, 'i'));
    await context.close();
  });
}
