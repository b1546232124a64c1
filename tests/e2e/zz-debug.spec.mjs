import { test, expect } from '@playwright/test';
import { open, state, act, widgets, until, tap, seed, historyAnsweredToday } from './helpers.mjs';
for (const dpr of [2.625, 2, 3, 1.5]) test.describe(`d${dpr}`, () => {
  test.use({ viewport: { width: 412, height: 915 }, deviceScaleFactor: dpr });
  test(`dbg ${dpr}`, async ({ page }) => {
    await seed(page, { acks: { intro: true, history: historyAnsweredToday() } });
    await open(page, 'test=1&timescale=4');
    await tap(page, 'start');
    await until(page, (s) => s.screen === 'check' && s.list !== 'unknown', 'c');
    console.log(dpr, 'before', (await state(page)).list, JSON.stringify((await widgets(page)).slice(-3).map(w => [w.id, w.y, w.h, w.label.slice(0, 12)])));
    await tap(page, 'none');
    await page.waitForTimeout(1500);
    console.log(dpr, 'after', (await state(page)).list, JSON.stringify((await widgets(page)).slice(-3).map(w => [w.id, w.y, w.h, w.label.slice(0, 12)])));
  });
});
