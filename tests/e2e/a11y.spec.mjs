// The canvas is opaque to assistive technology; the DOM mirror is not. Every
// control on screen is a real button with the same label, and using it does
// what tapping the canvas does.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { open, state, widgets, until } from './helpers.mjs';

test('every control on the canvas has a labelled button in the mirror', async ({ page }) => {
  await open(page);
  const labels = (await widgets(page)).map((w) => w.label);
  const mirrored = await page.locator('#a11y button').allTextContents();
  expect(mirrored).toEqual(labels);
});

test('keyboard and screen reader: Start through the mirror opens the check, with checkboxes', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Start' }).focus();
  await page.keyboard.press('Enter');
  await until(page, (s) => s.screen === 'check', 'check');
  // Focus moves to the new screen's first control, not back to the top of the page.
  await expect(page.locator('#a11y button').first()).toBeFocused();
  const fever = page.getByRole('checkbox', { name: 'Fever, or feeling hot and shivery' });
  await expect(fever).toHaveAttribute('aria-checked', 'false');
  await fever.focus();
  await page.keyboard.press('Enter');
  await until(page, (s) => s.answers.includes('fever'), 'ticked from the keyboard');
  await expect(page.getByRole('checkbox', { name: 'Fever, or feeling hot and shivery' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('#focus-ring')).toBeVisible();
});

test('no serious accessibility violations on Home and the check', async ({ page }) => {
  await open(page);
  const home = await new AxeBuilder({ page }).analyze();
  expect(home.violations.filter((v) => ['serious', 'critical'].includes(v.impact))).toEqual([]);
  await page.getByRole('button', { name: 'Start' }).focus();
  await page.keyboard.press('Enter');
  await until(page, (s) => s.screen === 'check', 'check');
  const check = await new AxeBuilder({ page }).analyze();
  expect(check.violations.filter((v) => ['serious', 'critical'].includes(v.impact))).toEqual([]);
  expect((await state(page)).screen).toBe('check');
});
