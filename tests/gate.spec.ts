import { expect, test } from '@playwright/test';

const pages = [
	'',
	'/resultats',
	'/atelier',
	'/rapport',
	'/comparer',
	'/dechets',
	'/dechets/resultats'
];

test('every page of a campaign this device does not hold says so in the same words', async ({
	page
}) => {
	for (const path of pages) {
		await page.goto(`/campagnes/00000000-0000-4000-8000-000000000000${path}`);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Démarche introuvable' })
		).toBeVisible();
		await expect(page.getByText('Cette démarche n’existe pas sur cet appareil.')).toContainText(
			'demandez-en l’export'
		);
		await expect(page.getByRole('link', { name: 'Retour à l’accueil' })).toBeVisible();
	}
});

test('a filling page of a missing campaign lets the user leave, even with a crash copy', async ({
	page
}) => {
	const id = '00000000-0000-4000-8000-000000000001';
	await page.goto('/');
	// A note typed on that campaign before the tab was killed, and the campaign since deleted.
	await page.evaluate(
		(key) => localStorage.setItem(key, JSON.stringify({ text: 'perdu ?', at: 1 })),
		`leviers-brouillon:${id}/dechets:note:dechets-plpdma-pilotage`
	);
	await page.goto(`/campagnes/${id}/dechets`);
	await expect(page.getByRole('heading', { level: 1, name: 'Démarche introuvable' })).toBeVisible();
	await page.evaluate(() => dispatchEvent(new Event('pagehide')));
	await page.waitForTimeout(500);
	await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
	await expect(page).toHaveURL(/\/$/);
});
