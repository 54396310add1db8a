import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createExample, readModule } from './helpers';

test('a second diagnostic of a service that does not count is named on the dashboard', async ({
	page
}) => {
	const url = await createExample(page);
	// A second, less revised copy of the déchets diagnostic, as "Garder les deux" would leave.
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('leviers');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const tx = open.result.transaction('diagnostics', 'readwrite');
					const store = tx.objectStore('diagnostics');
					const all = store.getAll();
					all.onsuccess = () => {
						const original = all.result.find((d: { moduleId: string }) => d.moduleId === 'dechets');
						store.add({
							...original,
							id: 'copie-ancienne',
							revision: 1,
							respondent: { name: 'Ancienne copie' },
							origin: { kind: 'file', fileName: 'dechets-vieux.json', importedAt: 1 }
						});
					};
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				};
			})
	);
	await page.goto(`${url}/resultats`);
	const notes = page.getByRole('region', { name: 'Diagnostics non retenus ou à vérifier' });
	await expect(notes).toContainText(readModule('dechets').title);
	await expect(notes).toContainText('Ancienne copie');
	await expect(notes).toContainText('«\u202fdechets-vieux.json\u202f»');
	await expect(notes).toContainText('n’est pas compté');
});

test('service results say how many answers each lever rests on', async ({ page }) => {
	const url = await createExample(page);
	await page.goto(`${url}/dechets/resultats`);
	const table = page.getByRole('table', { name: 'Sur quelles réponses repose chaque levier' });
	await expect(table.getByRole('row')).toHaveCount(10);
	const m = JSON.parse(readFileSync('questionnaires/dechets.json', 'utf8'));
	const levers = JSON.parse(readFileSync('questionnaires/levers.json', 'utf8')).levers;
	const tagged = (lever: string) =>
		m.themes
			.flatMap((t: { questions: unknown[] }) => t.questions)
			.filter((q: { levers?: { lever: string }[] }) => q.levers?.some((l) => l.lever === lever))
			.length;
	for (const lever of levers) {
		const row = table.getByRole('row', { name: new RegExp(`^${lever.label}`) });
		// A lever no question informs says so in one cell; otherwise the first cell is the
		// lever's score (or why it has none), then how many questions.
		const count = tagged(lever.id);
		if (count === 0)
			await expect(row.getByRole('cell')).toHaveText(['non abordé par ce questionnaire']);
		else await expect(row.getByRole('cell').nth(1)).toHaveText(String(count));
	}
});
