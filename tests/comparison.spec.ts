import { expect, test } from '@playwright/test';
import { compareCampaigns } from '../src/lib/domain/scoring/comparison';
import { formatDelta } from '../src/lib/format';
import { transversalityText } from '../src/lib/score-text';
import { engineResults, exampleCampaign, shown } from './engine';
import { createExample, expectAllSaved, openModule, readModule, scale } from './helpers';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const example = exampleCampaign();
const engine = engineResults(example);

test('the comparison shows the engine’s deltas between two campaigns of one authority', async ({
	page
}) => {
	await createExample(page);
	const url = await createExample(page);
	// The later campaign moves one practice of the waste service to Exemplaire.
	const dechets = readModule('dechets');
	const before = example.diagnostics.find((d) => d.moduleId === 'dechets')!;
	const q = dechets.questions.find(
		(q) =>
			q.type === 'scale' &&
			typeof before.answers[q.id]?.value === 'number' &&
			before.answers[q.id]!.value !== 4
	)!;
	await openModule(page, url, dechets.title);
	await scale(page, q).getByLabel('4 · Exemplaire').check();
	await expectAllSaved(page);

	const after = example.diagnostics.map((d) =>
		d.moduleId === 'dechets'
			? { ...d, answers: { ...d.answers, [q.id]: { ...d.answers[q.id]!, value: 4 as const } } }
			: d
	);
	const later = engineResults(example, after).scores;
	const expected = compareCampaigns(engine.scores, later);
	expect(expected.services.dechets!.delta).toBeGreaterThan(0);

	await page.goto(`${url}/comparer`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Comparer deux démarches' })
	).toBeVisible();
	await expect(
		page.getByText('Les deux démarches sont calculées avec la même méthode (v2).')
	).toBeVisible();
	// Each campaign's transversality as it reads, « partielle » when a component is not measured.
	const summary = page.getByRole('region', { name: 'Transversalité', exact: true });
	await expect(summary).toContainText(transversalityText(engine.scores.transversality));
	await expect(summary).toContainText(transversalityText(later.transversality));
	const services = page.getByRole('table', { name: /Maturité de chaque service/ });
	await expect(services.getByRole('row', { name: /Déchets/ })).toHaveText(
		new RegExp(
			`${shown(expected.services.dechets!.before)}\\s*${shown(expected.services.dechets!.after)}\\s*▲\\s*en hausse\\s*${escape(formatDelta(expected.services.dechets!.delta))}`
		)
	);
	await expect(services.getByRole('row', { name: /Eau/ })).toContainText('stable');
	const transversality = page.getByRole('table', { name: /Transversalité et ses quatre/ });
	await expect(transversality.getByRole('row')).toHaveCount(1 + 1 + 4);
	await expect(transversality.getByRole('row', { name: /^Transversalité/ })).toContainText(
		formatDelta(expected.transversality.delta)
	);
	await expect(
		page
			// An accessible name folds the narrow no-break space into a space.
			.getByRole('table', { name: /Données\s: Score moyen des leviers/ })
			.getByRole('columnheader')
	).toHaveCount(3);

	// Obligations met in each campaign, from each one's checklist.
	const obligations = page.getByRole('table', { name: /Obligations légales de chaque démarche/ });
	await expect(obligations.getByRole('row', { name: /Obligations remplies/ })).toHaveText(
		new RegExp(`${engine.scores.obligations.met}\\s*${later.obligations.met}\\s*`)
	);
	await expect(obligations.getByRole('row', { name: /Obligations applicables/ })).toHaveText(
		new RegExp(`${engine.scores.obligations.applicable}\\s*${later.obligations.applicable}\\s*`)
	);
});
