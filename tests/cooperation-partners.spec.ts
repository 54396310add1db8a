import { expect, test } from '@playwright/test';
import { createExample, expectAllSaved, expectNoViolation, readModule } from './helpers';

const dechets = readModule('dechets');
const coop = dechets.questions.find((q) => q.type === 'cooperation')!;
// Markup and a formula, to see that the text is shown as typed, never as HTML.
const OTHER = 'Syndicat <b>mixte</b> =1+1';

test('external partners and « Autre » are kept, shown in the matrix, and leave the transversality alone', async ({
	page
}) => {
	// Four pages and an axe run on the longest one: more than the default 30 s on a loaded machine.
	test.setTimeout(90_000);
	const url = await createExample(page);
	await page.goto(`${url}/resultats`);
	const score = page.getByTestId('transversality-score');
	await expect(score).toHaveText(/\d/);
	const before = await score.textContent();

	await page.goto(`${url}/dechets`);
	await expect(page.getByRole('heading', { level: 1, name: dechets.title })).toBeVisible();
	const group = page.getByRole('group', { name: coop.text });
	const others = group.getByRole('group', { name: 'Autres partenaires' });
	await others.getByRole('checkbox', { name: 'Communes membres' }).check();
	await expect(group.getByLabel('Précisez l’autre partenaire')).toHaveCount(0);
	// With the keyboard: « Autre (préciser) » reveals its text field.
	await others.getByRole('checkbox', { name: 'Autre (préciser)' }).focus();
	await page.keyboard.press('Space');
	const other = group.getByLabel('Précisez l’autre partenaire');
	await expect(other).toBeVisible();
	await other.fill(OTHER);
	await expectAllSaved(page);
	await expectNoViolation(page);

	await page.reload();
	await expect(others.getByRole('checkbox', { name: 'Communes membres' })).toBeChecked();
	await expect(others.getByRole('checkbox', { name: 'Autre (préciser)' })).toBeChecked();
	await expect(other).toHaveValue(OTHER);

	await page.goto(`${url}/resultats`);
	const matrix = page.getByRole('table', { name: /Coopération entre services/ });
	await expect(matrix.getByRole('columnheader', { name: 'Hors modules' })).toBeVisible();
	await expect(matrix.getByRole('columnheader', { name: 'Communes membres' })).toBeVisible();
	await expect(matrix.getByRole('columnheader', { name: 'Autre', exact: true })).toBeVisible();
	const row = matrix
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: dechets.shortTitle, exact: true }) });
	await expect(row).toContainText(OTHER);
	await expect(page.locator('b', { hasText: 'mixte' })).toHaveCount(0);
	await expect(score).toHaveText(before!);

	// The report reuses the matrix.
	await page.goto(`${url}/rapport`);
	const printed = page.getByRole('table', { name: /Coopération entre services/ });
	await expect(printed.getByRole('columnheader', { name: 'Hors modules' })).toBeVisible();
	await expect(printed).toContainText(OTHER);

	// Unticking « Autre » clears its text: ticked again, the field is empty.
	await page.goto(`${url}/dechets`);
	await others.getByRole('checkbox', { name: 'Autre (préciser)' }).uncheck();
	await expectAllSaved(page);
	await others.getByRole('checkbox', { name: 'Autre (préciser)' }).check();
	await expect(other).toHaveValue('');
});

test('the partners stay readable and usable at 360 px', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	const url = await createExample(page);
	await page.goto(`${url}/dechets`);
	const group = page.getByRole('group', { name: coop.text });
	await group.getByRole('checkbox', { name: 'Autre (préciser)' }).check();
	const other = group.getByLabel('Précisez l’autre partenaire');
	const box = await other.boundingBox();
	expect(box!.x).toBeGreaterThanOrEqual(0);
	expect(box!.x + box!.width).toBeLessThanOrEqual(360);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
