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
