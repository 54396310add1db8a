import { expect, test, type Page } from '@playwright/test';
import { LEVER_STATUS_LABELS } from '../src/lib/domain/content/labels';
import { engineResults, exampleCampaign, shown } from './engine';
import { createExample, readModule } from './helpers';

// The workshop, the report and the comparison have their own specs (workshop.spec.ts,
// report-synthesis.spec.ts, comparison.spec.ts).

/** A text as a literal inside a regular expression. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const example = exampleCampaign();
const engine = engineResults(example);

/** The text of every JavaScript file the page downloads, to tell whether chart.js is among them. */
function scripts(page: Page): Promise<string>[] {
	const bodies: Promise<string>[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script') bodies.push(r.text());
	});
	return bodies;
}
// A string of chart.js's radial scale that survives minification.
const loadsChartJs = async (bodies: Promise<string>[]) =>
	(await Promise.all(bodies)).some((js) => js.includes('radialLinear'));

test('the dashboard shows the transversality and first lever the engine computes', async ({
	page
}) => {
	const url = await createExample(page);
	await page.getByRole('link', { name: 'Résultats', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Résultats' })).toBeVisible();
	expect(engine.scores.transversality.score).not.toBeNull();
	await expect(page.getByTestId('transversality-score')).toHaveText(
		shown(engine.scores.transversality.score)
	);
	const first = engine.recommendations.levers[0]!;
	await expect(page.getByRole('heading', { level: 3, name: first.title })).toBeVisible();
	expect(page.url()).toBe(`${url}/resultats`);
});

test('switching a service off removes it from the radar’s data table', async ({ page }) => {
	const url = await createExample(page);
	await page.goto(`${url}/resultats`);
	const table = page.getByRole('table', { name: 'Données\u202f: Leviers par service' });
	await expect(table.getByRole('columnheader')).toHaveCount(1 + engine.scores.diagnostics.length);
	await expect(table.getByRole('columnheader', { name: 'Déchets' })).toBeVisible();

	await page.getByRole('checkbox', { name: 'Déchets' }).uncheck();
	await expect(table.getByRole('columnheader', { name: 'Déchets' })).toHaveCount(0);
	await expect(table.getByRole('columnheader')).toHaveCount(engine.scores.diagnostics.length);

	await page.getByRole('checkbox', { name: 'Déchets' }).check();
	await expect(table.getByRole('columnheader', { name: 'Déchets' })).toBeVisible();
});

test('the filling page loads no chart.js; its service results show the engine’s figures', async ({
	page
}) => {
	const url = await createExample(page);
	const onFilling = scripts(page);
	await page.goto(`${url}/dechets`);
	await expect(
		page.getByRole('heading', { level: 1, name: readModule('dechets').title })
	).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(await loadsChartJs(onFilling)).toBe(false);

	const onResults = scripts(page);
	await page.getByRole('link', { name: 'Voir les résultats du service' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Résultats du service\u202f: Déchets' })
	).toBeVisible();
	const dechets = engine.scores.diagnostics.find((d) => d.moduleId === 'dechets')!;
	await expect(page.getByRole('definition').first()).toHaveText(`${shown(dechets.maturity)} / 100`);

	const table = page.getByRole('table', { name: 'Données\u202f: Leviers du service Déchets' });
	await expect(table.getByRole('columnheader')).toHaveText([
		'Levier',
		'Engagé ou réalisé',
		'Réalisé'
	]);
	const lever = 'portage-politique';
	// A lever without a score says why (too few answers, or not addressed), never 0.
	const cellText = (v: number | null) => {
		const status = dechets.levers[lever].status;
		return v !== null || status === 'evaluated' ? shown(v) : escape(LEVER_STATUS_LABELS[status]);
	};
	await expect(table.getByRole('row', { name: /Portage politique/ })).toHaveText(
		new RegExp(
			`${cellText(dechets.levers[lever].engaged)}\\s*${cellText(dechets.levers[lever].done)}$`
		)
	);
	await expect(page.getByRole('definition').nth(1)).toContainText(
		`sur ${dechets.counts.levels + dechets.counts.unknown} questions répondues, ${dechets.counts.unknown} «\u202fJe ne sais pas\u202f»`
	);

	const actions = engine.recommendations.services.find((s) => s.moduleId === 'dechets')!.actions;
	expect(actions).toHaveLength(3);
	const items = page.getByRole('listitem').filter({ has: page.getByRole('blockquote') });
	await expect(items).toHaveCount(3);
	for (const [i, action] of actions.entries())
		await expect(items.nth(i).getByRole('heading', { level: 3 })).toContainText(action.text);
	expect(await loadsChartJs(onResults)).toBe(true);
});
