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
		// déchets all at Engagé: mise en relation, mutualisation and collectivité usager each rest
		// on two answers at 50 → gap ½, one service → priority ½. Portage politique rests on one
		// answer (d-elu): the lever does not concern the service.
		const r = run(
			['dechets'],
			[diagnostic('dechets', { answers: { 'd-compost': 2, 'd-ressourcerie': 2, 'd-tri': 2 } })]
		);
		expect(r.levers.map((l) => [l.lever, l.priority, l.rank, l.answers])).toEqual([
			['mise-en-relation', 0.5, 1, 2],
			['mutualisation', 0.5, 2, 2],
			['collectivite-usager', 0.5, 3, 2]
		]);
	});

	it('reach alone changes the ranking: a lever that concerns two services passes one that concerns one', () => {
		// Déchets answers the same in both campaigns: mutualisation gap ¾, mise en relation ⅔,
		// collectivité usager ½. In the second campaign eau is at Engagé on collectivité usager and
		// mutualisation (gap ½ each) and « Non concerné » on mise en relation: collectivité usager
		// now concerns two services, ½ + ½ = 1 > ⅔, and passes mise en relation.
		const dechets = diagnostic('dechets', {
			answers: { 'd-compost': 1, 'd-ressourcerie': 1, 'd-tri': 3, 'd-elu': 'nsp' }
		});
		const alone = run(['dechets'], [dechets]);
		const withEau = run(
			['dechets', 'eau'],
			[
				dechets,
				diagnostic('eau', {
					answers: { 'e-reuse': 2, 'e-pluie': 2, 'e-clauses': 'na', 'e-asso': 'na' }
				})
			]
		);
		expect(alone.levers.map((l) => l.lever)).toEqual([
			'mutualisation',
			'mise-en-relation',
			'collectivite-usager'
		]);
		expect(withEau.levers.map((l) => l.lever)).toEqual([
			'mutualisation',
			'collectivite-usager',
			'mise-en-relation'
		]);
		const cu = withEau.levers.find((l) => l.lever === 'collectivite-usager')!;
		expect(cu).toMatchObject({ reach: 2, priority: 1, gap: 0.5, answers: 4 });
		const mr = withEau.levers.find((l) => l.lever === 'mise-en-relation')!;
		expect(mr.priority).toBeCloseTo(2 / 3, 12);
	});

	it('counts « Je ne sais pas » once: not knowing weighs what « Rien » weighs, never double', () => {
		const unknown = run(
			['dechets'],
			[diagnostic('dechets', { answers: { 'd-ressourcerie': 'nsp', 'd-tri': 'nsp' } })]
		);
		const nothing = run(
			['dechets'],
			[diagnostic('dechets', { answers: { 'd-ressourcerie': 0, 'd-tri': 0 } })]
		);
		const mr = (r: typeof unknown) => r.levers.find((l) => l.lever === 'mise-en-relation')!;
		expect(mr(unknown)).toMatchObject({ gap: 1, priority: 1, meconnaissance: 100 });
		expect(mr(nothing)).toMatchObject({ gap: 1, priority: 1, meconnaissance: 0 });
		// At equal priority the lever with more « Je ne sais pas » is not pushed above: it ties, and
		// the tie-break (reach, then méconnaissance) orders them.
	});

	it('then the higher méconnaissance at equal priority and reach', () => {
		const p = (lever: LeverPriority['lever'], meconnaissance: number): LeverPriority => ({
			lever,
			modules: [],
			reach: 2,
			gap: 0.5,
			meconnaissance,
			answers: 4,
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
		expect(r.services).toEqual([{ moduleId: 'marches', obligations: [], actions: [] }]);
	});
});

describe('obligations come before levers', () => {
	const r = run(
		['dechets', 'cantines', 'eau'],
		[
			diagnostic('dechets', { answers: { 'd-plpdma': 'nsp', 'd-compost': 0, 'd-tri': 0 } }),
			diagnostic('cantines', { answers: { 'c-egalim': 'non-conforme', 'c-bio': 4 } })
		]
	);

	it('lists the unmet, then the unknown ones, with the law and what to do', () => {
		expect(r.obligations.map((o) => [o.moduleId, o.questionId, o.state])).toEqual([
			['cantines', 'c-egalim', 'unmet'],
			['dechets', 'd-plpdma', 'unknown']
		]);
		expect(r.obligations[0]).toMatchObject({
			reference: { text: 'Texte de loi c-egalim', date: '2026-01-01' },
			todo: 'Pour se mettre en conformité : c-egalim'
		});
	});

	it('puts each service’s obligations first in its advice', () => {
		const dechets = r.services.find((s) => s.moduleId === 'dechets')!;
		expect(dechets.obligations.map((o) => o.questionId)).toEqual(['d-plpdma']);
		expect(dechets.actions.length).toBeGreaterThan(0);
		const met = run(
			['dechets'],
			[diagnostic('dechets', { answers: { 'd-plpdma': 'conforme', 'd-compost': 0 } })]
		);
		expect(met.obligations).toEqual([]);
		expect(met.services[0]!.obligations).toEqual([]);
	});
});

describe('what a recommendation says', () => {
	const r = run(
		['dechets', 'eau', 'cantines', 'marches', 'transversal'],
		[
			diagnostic('dechets', {
				answers: { 'd-compost': 4, 'd-ressourcerie': 'na', 'd-tri': 1, 'd-coop': ['eau'] }
			}),
			diagnostic('eau', {
				answers: { 'e-reuse': 1, 'e-pluie': 1, 'e-asso': 'nsp', 'e-coop': ['dechets'] }
			}),
			diagnostic('cantines', {
				answers: { 'c-bio': 2, 'c-local': 0 },
				notes: { 'c-local': 'Pas de lot réservé.' }
			}),
			diagnostic('marches', { answers: { 'm-clauses': 1, 'm-reserve': 2 } }),
			diagnostic('transversal', { answers: { 't-copil': 0, 't-elu': 1 } })
		]
	);
	const byLever = (id: string) => r.levers.find((l) => l.lever === id)!;

	it('quotes the answers that drive the gap, never Exemplaire or Non concerné', () => {
		// collectivité usager: eau (e-reuse 1 w2, e-pluie 1 w1) → 25; déchets (d-compost 4,
		// d-tri 1) → 62.5; cantines rests on one answer and is not concerned.
		const cu = byLever('collectivite-usager');
		expect(
			cu.evidence.map((e) => [e.moduleId, e.score, e.answers.map((a) => [a.questionId, a.value])])
		).toEqual([
			[
				'eau',
				25,
				[
					['e-reuse', 1],
					['e-pluie', 1]
				]
			],
			['dechets', 62.5, [['d-tri', 1]]]
		]);
		expect(cu).toMatchObject({ reach: 2, answers: 4 });
	});

	it('addresses the actions to the modules below Réalisé, weakest first', () => {
		expect(byLever('collectivite-usager').actions).toEqual([
			{ text: 'Action A du levier Collectivité usager', modules: ['eau', 'dechets'] },
			{ text: 'Action B du levier Collectivité usager', modules: ['eau', 'dechets'] }
		]);
		expect(byLever('collectivite-usager').source).toMatchObject({ kind: 'source' });
	});

	it('suggests services to bring together, never a reciprocated pair nor the transversal module', () => {
		// commande publique concerns cantines (c-bio, c-local) and marchés (m-clauses, m-reserve),
		// who do not cite each other. Affinity of marchés’ topic with the lever: 3/4.
		const cp = byLever('commande-publique');
		expect(cp.modules).toEqual(['cantines', 'marches']);
		const pairs = cp.bringTogether.map((p) => `${p.a}+${p.b}:${p.kind}:${p.basis.affinity}`);
		expect(pairs).toEqual(['cantines+marches:create:0.75']);
		// collectivité usager: déchets ⇄ eau is reciprocated, nothing to suggest.
		expect(byLever('collectivite-usager').bringTogether).toEqual([]);
	});

	it('gives each service its next steps: find out, engage, complete, share', () => {
		const actions = Object.fromEntries(
			r.services.map((s) => [
				s.moduleId,
				s.actions.map((a) => `${a.questionId}:${a.kind}:${a.target}`)
			])
		);
		expect(actions.eau).toEqual(['e-reuse:engage:2', 'e-pluie:engage:2', 'e-asso:find-out:null']);
		expect(actions.cantines).toEqual(['c-local:engage:2', 'c-bio:complete:3']);
	});

	it('still recommends when a lever is missing from the content, without quote', () => {
		const q = { ...fixtureQuestionnaire, levers: [] };
		const bare = run(
			['marches'],
			[diagnostic('marches', { answers: { 'm-clauses': 1, 'm-reserve': 1 } })],
			q
		);
		expect(bare.levers[0]).toMatchObject({
			lever: 'commande-publique',
			label: 'commande-publique',
			actions: [],
			source: null
		});
	});
});
