import { expect, test, type Page } from '@playwright/test';
import { LEVER_STATUS_LABELS, TRANSVERSALITY_LABELS } from '../src/lib/domain/content/labels';
import type { ObligationChecklist } from '../src/lib/domain/scoring/obligations';
import { plural } from '../src/lib/format';
import { engineResults, exampleCampaign, shown } from './engine';
import {
	createCampaign,
	createExample,
	expectAllSaved,
	openModule,
	readModule,
	scale
} from './helpers';

const example = exampleCampaign();
const engine = engineResults(example);

/** How many obligation items the shipped content gives these modules. */
const obligationsIn = (modules: readonly string[]) =>
	modules.reduce(
		(n, m) => n + readModule(m).questions.filter((q) => (q.type as string) === 'obligation').length,
		0
	);

/** The heading ObligationChecklist writes for a checklist. */
function checklistHeading(c: ObligationChecklist): string {
	if (c.items.length === 0)
		return 'Conformité réglementaire\u202f: Aucune obligation légale dans ce questionnaire.';
	if (c.applicable === 0) return 'Conformité réglementaire\u202f: Aucune obligation ne s’applique.';
	return `Conformité réglementaire\u202f: ${c.met} sur ${plural(c.applicable, 'obligation')} ${c.met > 1 ? 'remplies' : 'remplie'}`;
}

async function openDashboard(page: Page, url: string) {
	await page.goto(`${url}/resultats`);
	await expect(page.getByRole('heading', { level: 1, name: 'Résultats' })).toBeVisible();
}

test('the dashboard shows the transversality with its basis, the checklist and what advice rests on', async ({
	page
}) => {
	const url = await createExample(page);
	await openDashboard(page, url);
	const t = engine.scores.transversality;
	const panel = page.getByRole('region', { name: 'Transversalité' });
	await expect(panel.getByTestId('transversality-score')).toHaveText(shown(t.score));
	await expect(
		t.partial
			? panel.getByText(/mesurables — partielle :/)
			: panel.getByText('/ 100', { exact: true })
	).toBeVisible();
	if (t.partial) await expect(panel).toContainText(`sur ${shown(t.maximum)} mesurables`);
	const b = t.basis;
	await expect(panel).toContainText(
		`${b.answered} ${b.answered > 1 ? 'services' : 'service'} sur ${b.services} ${b.answered > 1 ? 'ont' : 'a'} répondu, ${plural(b.complete, 'diagnostic terminé', 'diagnostics terminés')}`
	);
	for (const { label } of Object.values(TRANSVERSALITY_LABELS))
		await expect(
			panel.getByRole('heading', { level: 3, name: new RegExp(`^${label}`) })
		).toBeVisible();
	await expect(panel).not.toContainText(/Couverture|Équilibre/);

	// The campaign's checklist: as many items as the content has obligations for its modules.
	expect(engine.scores.obligations.items).toHaveLength(obligationsIn(example.campaign.modules));
	await expect(
		page.getByRole('heading', { level: 2, name: checklistHeading(engine.scores.obligations) })
	).toBeVisible();
	const toAct = page.getByRole('heading', {
		level: 2,
		name: 'Obligations légales à traiter en premier'
	});
	await expect(toAct).toHaveCount(engine.recommendations.obligations.length ? 1 : 0);

	const first = engine.recommendations.levers[0]!;
	const card = page
		.getByRole('article')
		.filter({ has: page.getByRole('heading', { name: first.title }) });
	await expect(card).toContainText(
		`repose sur ${plural(first.answers, 'réponse')} de ${plural(first.modules.length, 'service')}`
	);
});

test('a service with too few answers, then mostly « Je ne sais pas », says so', async ({
	page
}) => {
	const url = await createCampaign(page);
	const dechets = readModule('dechets');
	const [q1, q2, q3, q4, q5] = dechets.questions.filter((q) => q.type === 'scale');
	await openModule(page, url, dechets.title);
	await scale(page, q1!).getByLabel('3 · Réalisé').check();
	await scale(page, q2!).getByLabel('Je ne sais pas').check();
	await expectAllSaved(page);

	await page.goto(`${url}/dechets/resultats`);
	await expect(page.getByText('Résultat non évalué\u202f: trop peu de réponses')).toBeVisible();
	const maturity = page.getByRole('definition');
	await expect(maturity.first()).toHaveText('non évaluée');
	await expect(maturity.nth(1)).toContainText(
		'sur 2 questions répondues, 1 «\u202fJe ne sais pas\u202f»'
	);
	const counts = page.getByRole('table', { name: 'Sur quelles réponses repose chaque levier' });
	await expect(counts.getByText(LEVER_STATUS_LABELS['too-few']).first()).toBeVisible();
	// The radar draws no axis at 0: its data table says why each is empty, its legend says so.
	const radar = page.getByRole('table', { name: 'Données\u202f: Leviers du service Déchets' });
	await expect(
		radar.getByRole('cell', { name: LEVER_STATUS_LABELS['too-few'] }).first()
	).toBeVisible();
	await expect(page.getByText('Un levier non évalué n’est pas tracé')).toBeVisible();
	await expect(
		page.getByRole('heading', {
			level: 2,
			// An accessible name folds the narrow no-break space into a space.
			name: new RegExp(`^Conformité réglementaire\\s: `)
		})
	).toHaveText(
		obligationsIn(['dechets']) === 0
			? 'Conformité réglementaire\u202f: Aucune obligation légale dans ce questionnaire.'
			: new RegExp(`0 sur ${plural(obligationsIn(['dechets']), 'obligation')}`)
	);

	await openModule(page, url, dechets.title);
	await scale(page, q3!).getByLabel('2 · Engagé').check();
	await scale(page, q4!).getByLabel('Je ne sais pas').check();
	await scale(page, q5!).getByLabel('Je ne sais pas').check();
	await expectAllSaved(page);
	await page.goto(`${url}/dechets/resultats`);
	await expect(
		page.getByText(
			'Résultat peu fiable\u202f: la plupart des réponses sont «\u202fJe ne sais pas\u202f»'
		)
	).toBeVisible();
	// (3/4 + 2/4 + 0 + 0 + 0) / 5 questions = 25: « Je ne sais pas » counts as nothing shown.
	await expect(maturity.first()).toHaveText('25 / 100');
	await expect(maturity.nth(1)).toContainText(
		'sur 5 questions répondues, 3 «\u202fJe ne sais pas\u202f»'
	);

	// Only one service answered and the steering module has not: the transversality is partial.
	await openDashboard(page, url);
	const panel = page.getByRole('region', { name: 'Transversalité' });
	await expect(panel).toContainText('— partielle\u202f: ');
	// Nobody answered a cooperation question and the steering module has not answered.
	await expect(panel).toContainText('la coopération et la gouvernance ne sont pas mesurées');
	await expect(panel).toContainText('1 service sur 6 a répondu, aucun diagnostic terminé');
	await expect(page.getByText(/Déchets 25 \(peu fiable/)).toBeVisible();
});
