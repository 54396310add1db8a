import { expect, test } from '@playwright/test';
import { createExample, expectNoViolation, readModule } from './helpers';

test('the home, questionnaires, new campaign and campaign pages have no accessibility violation', async ({
	page
}) => {
	for (const path of ['/', '/modules', '/campagnes/nouvelle']) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoViolation(page);
	}
	await createExample(page);
	await expectNoViolation(page);
});

test('the module page has no accessibility violation', async ({ page }) => {
	await page.goto('/modules/dechets');
	await expect(
		page.getByRole('heading', { level: 1, name: readModule('dechets').title })
	).toBeVisible();
	await expectNoViolation(page);
});

test('the filling page and the service results have no accessibility violation', async ({
	page
}) => {
	const url = await createExample(page);
	await page.goto(`${url}/dechets`);
	await expect(
		page.getByRole('heading', { level: 1, name: readModule('dechets').title })
	).toBeVisible();
	await expectNoViolation(page);
	await page.getByRole('link', { name: 'Voir les résultats du service' }).click();
	await expect(page.getByRole('button', { name: 'Télécharger l’image' })).toBeEnabled();
	await expectNoViolation(page);
});

test('the dashboard has no accessibility violation', async ({ page }) => {
	const url = await createExample(page);
	await page.goto(`${url}/resultats`);
	await expect(page.getByRole('button', { name: 'Télécharger l’image' })).toBeEnabled();
	await expectNoViolation(page);
});

test('the comparison has no accessibility violation', async ({ page }) => {
	await createExample(page);
	const url = await createExample(page);
	await page.goto(`${url}/comparer`);
	await expect(page.getByRole('button', { name: 'Télécharger l’image' })).toBeEnabled();
	await expectNoViolation(page);
});

test('the report has no accessibility violation', async ({ page }) => {
	const url = await createExample(page);
	await page.goto(`${url}/rapport`);
	await expect(page.getByRole('button', { name: 'Télécharger l’image' })).toBeEnabled();
	await expectNoViolation(page);
});

test('every slide of the workshop has no accessibility violation', async ({ page }) => {
	// One axe run per slide (fifteen or so with the obligations slide): seconds each on 2 cores.
	test.setTimeout(120_000);
	await page.setViewportSize({ width: 1920, height: 1080 });
	const url = await createExample(page);
	await page.goto(`${url}/atelier`);
	const next = page.getByRole('button', { name: /Suivante/ });
	for (let n = 1; ; n++) {
		await expect(page.getByRole('region', { name: new RegExp(`^${n} /`) })).toBeVisible();
		await expectNoViolation(page);
		if (await next.isDisabled()) break;
		await page.keyboard.press('ArrowRight');
	}
});
