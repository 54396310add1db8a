import { describe, expect, it } from 'vitest';
import { scoreCampaign } from './campaign';
import { campaign, diagnostic, fixtureQuestionnaire } from '../testing/fixtures';
import { comparePriorities, type LeverPriority } from './priority';
import type { ModuleId } from '../content/questionnaire';
import { recommend } from './recommendations';

const run = (modules: ModuleId[], ds: ReturnType<typeof diagnostic>[], q = fixtureQuestionnaire) =>
	recommend(scoreCampaign(campaign(modules), ds, q), q);

describe('lever ranking', () => {
	it('breaks equal priorities by the lever order of the source document', () => {
		// marchés: m-clauses [commande-publique 2] = 2, m-reserve [commande-publique 1,
		// mise-en-relation 1] = 2 → both levers at 50: gap ½ × reach 1 = 0.5 each.
		const r = run(
			['marches'],
			[diagnostic('marches', { answers: { 'm-clauses': 2, 'm-reserve': 2 } })]
		);
		expect(r.levers.map((l) => [l.lever, l.priority, l.rank])).toEqual([
			['mise-en-relation', 0.5, 1],
			['commande-publique', 0.5, 2]
		]);
	});

	it('puts the wider reach first at equal priority', () => {
		// portage-politique: déchets 50 and transversal 50 → ½ × 2 = 1; mutualisation and
		// collectivité usager: déchets 0 → 1 × 1 = 1; mise-en-relation: déchets 50 → 0.5.
		const r = run(
			['dechets', 'transversal'],
			[
				diagnostic('dechets', { answers: { 'd-compost': 0, 'd-plpdma': 2 } }),
				diagnostic('transversal', { answers: { 't-elu': 2 } })
			]
		);
		expect(r.levers.map((l) => l.lever)).toEqual([
			'portage-politique',
			'mutualisation',
			'collectivite-usager',
			'mise-en-relation'
		]);
	});

	it('then the higher méconnaissance', () => {
		const p = (lever: LeverPriority['lever'], meconnaissance: number): LeverPriority => ({
			lever,
			modules: [],
			reach: 2,
			gap: 0.5,
			meconnaissance,
			priority: 1
		});
		const sorted = [p('portage-politique', 0), p('sensibilisation', 10)].sort(comparePriorities);
		expect(sorted.map((x) => x.lever)).toEqual(['sensibilisation', 'portage-politique']);
	});

	it('recommends nothing when every answer is Exemplaire', () => {
		const r = run(
			['marches'],
			[diagnostic('marches', { answers: { 'm-clauses': 4, 'm-reserve': 4 } })]
		);
		expect(r.levers).toEqual([]);
		expect(r.services).toEqual([{ moduleId: 'marches', actions: [] }]);
	});

	it('raises a lever by méconnaissance: "Je ne sais pas" alone makes it a priority', () => {
		const r = run(['eau'], [diagnostic('eau', { answers: { 'e-asso': 'nsp', 'e-clauses': 2 } })]);
		// mise-en-relation: only nsp → gap 1, reach 1, méconnaissance 100 → 2.
		expect(r.levers[0]).toMatchObject({
			lever: 'mise-en-relation',
			gap: 1,
			meconnaissance: 100,
			priority: 2
		});
	});
});

describe('what a recommendation says', () => {
	const r = run(
		['dechets', 'eau', 'cantines', 'transversal'],
		[
			diagnostic('dechets', {
				answers: { 'd-compost': 4, 'd-ressourcerie': 'na', 'd-plpdma': 1, 'd-coop': ['eau'] }
			}),
			diagnostic('eau', { answers: { 'e-reuse': 1, 'e-asso': 'nsp', 'e-coop': ['dechets'] } }),
			diagnostic('cantines', {
				answers: { 'c-compost': 0, 'c-local': 2 },
				notes: { 'c-compost': 'Pas de composteur.' }
			}),
			diagnostic('transversal', { answers: { 't-copil': 0 } })
		]
	);
	const byLever = (id: string) => r.levers.find((l) => l.lever === id)!;

	it('quotes the answers that drive the gap, never Exemplaire or Non concerné', () => {
		const mutualisation = byLever('mutualisation');
		expect(
			mutualisation.evidence.map((e) => [
				e.moduleId,
				e.score,
				e.answers.map((a) => [a.questionId, a.value])
			])
		).toEqual([
			['cantines', 0, [['c-compost', 0]]],
			['eau', 25, [['e-reuse', 1]]],
			['dechets', 100, []]
		]);
		expect(mutualisation.evidence[0]!.answers[0]!.note).toBe('Pas de composteur.');
	});

	it('addresses the actions to the modules below Réalisé, weakest first', () => {
		expect(byLever('mutualisation').actions).toEqual([
			{ text: 'Action A du levier Mutualisation', modules: ['cantines', 'eau'] },
			{ text: 'Action B du levier Mutualisation', modules: ['cantines', 'eau'] }
		]);
		expect(byLever('mutualisation').source).toMatchObject({ kind: 'source', section: 'Enjeux' });
	});

	it('suggests services to bring together, never a reciprocated pair nor the transversal module', () => {
		const mer = byLever('mise-en-relation');
		expect(mer.modules).toEqual(['dechets', 'eau', 'cantines', 'transversal']);
		// déchets ⇄ eau is reciprocated. Topic affinity with mise-en-relation: déchets' theme 1/4,
		// eau's 1/5, cantines' 1/8 → déchets + cantines first.
		const pairs = mer.bringTogether.map((p) => `${p.a}+${p.b}:${p.kind}:${p.basis.affinity}`);
		expect(pairs).toEqual(['dechets+cantines:create:0.25', 'eau+cantines:create:0.2']);
	});

	it('gives each service its next steps: find out, engage, complete, share', () => {
		const actions = Object.fromEntries(
			r.services.map((s) => [
				s.moduleId,
				s.actions.map((a) => `${a.questionId}:${a.kind}:${a.target}`)
			])
		);
		expect(actions.eau).toEqual(['e-reuse:engage:2', 'e-asso:find-out:null']);
		expect(actions.cantines).toEqual(['c-compost:engage:2', 'c-local:complete:3']);
		expect(actions.dechets).toEqual(['d-plpdma:engage:2']);
	});

	it('still recommends when a lever is missing from the content, without quote', () => {
		const q = { ...fixtureQuestionnaire, levers: [] };
		const bare = run(['marches'], [diagnostic('marches', { answers: { 'm-clauses': 1 } })], q);
		expect(bare.levers[0]).toMatchObject({
			lever: 'commande-publique',
			label: 'commande-publique',
			actions: [],
			source: null
		});
	});
});
