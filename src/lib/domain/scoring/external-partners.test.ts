import { describe, expect, it } from 'vitest';
import { EXTERNAL_PARTNER_IDS, type DiagnosticWithAnswers, type PartnerId } from '../answers';
import { indexQuestionnaire } from '../content/questionnaire-index';
import { moduleQuestions } from '../content/questionnaire';
import { scoreCampaign } from './campaign';
import { cooperationNetwork } from './cooperation';
import { externalPartnerLinks, namedExternalPartners } from './external-partners';
import { campaign, diagnostic, fixtureQuestionnaire } from '../testing/fixtures';
import { authority, SCENARIOS, scenarioQuestionnaire, type Profile } from '../testing/scenarios';

const index = indexQuestionnaire(fixtureQuestionnaire);

describe('external partners', () => {
	it('lists, by service then partner, what each service names beyond the modules', () => {
		const links = externalPartnerLinks(
			[
				diagnostic('economie', {
					answers: {
						'ec-coop-zae': ['urbanisme', 'autre', 'communes-membres'],
						'ec-coop-achats': ['emploi-insertion', 'autre']
					},
					otherPartners: { 'ec-coop-zae': ' Chambre de commerce ', 'ec-coop-achats': 'SIAE' }
				}),
				diagnostic('dechets', {
					answers: { 'd-coop': ['eau', 'communes-membres', 'autre'] },
					otherPartners: {}
				}),
				diagnostic('eau', { answers: { 'e-coop': ['dechets'] } })
			],
			index
		);
		expect(links).toEqual([
			{
				from: 'economie',
				partner: 'communes-membres',
				via: [{ questionId: 'ec-coop-zae', topic: 'zone d’activités et écologie industrielle' }],
				names: []
			},
			{
				from: 'economie',
				partner: 'emploi-insertion',
				via: [{ questionId: 'ec-coop-achats', topic: 'achats aux acteurs de l’ESS' }],
				names: []
			},
			{
				from: 'economie',
				partner: 'autre',
				via: [
					{ questionId: 'ec-coop-zae', topic: 'zone d’activités et écologie industrielle' },
					{ questionId: 'ec-coop-achats', topic: 'achats aux acteurs de l’ESS' }
				],
				names: ['Chambre de commerce', 'SIAE']
			},
			{
				from: 'dechets',
				partner: 'communes-membres',
				via: [{ questionId: 'd-coop', topic: 'valorisation des biodéchets' }],
				names: []
			},
			{
				from: 'dechets',
				partner: 'autre',
				via: [{ questionId: 'd-coop', topic: 'valorisation des biodéchets' }],
				names: []
			}
		]);
		expect(namedExternalPartners(links)).toEqual(['communes-membres', 'emploi-insertion', 'autre']);
	});

	it('ignores an « Autre » text left without « Autre » ticked', () => {
		const links = externalPartnerLinks(
			[
				diagnostic('dechets', {
					answers: { 'd-coop': ['patrimoine'] },
					otherPartners: { 'd-coop': 'Texte resté' }
				})
			],
			index
		);
		expect(links).toEqual([
			{
				from: 'dechets',
				partner: 'patrimoine',
				via: [{ questionId: 'd-coop', topic: 'valorisation des biodéchets' }],
				names: []
			}
		]);
	});

	it('never makes a link between modules, and the network lists them apart', () => {
		const n = cooperationNetwork(
			['dechets', 'eau'],
			[diagnostic('dechets', { answers: { 'd-coop': ['espaces-verts'] } })],
			fixtureQuestionnaire
		);
		expect(n.links).toEqual([]);
		expect(n.pairs).toEqual([]);
		expect(n.external.map((l) => `${l.from}>${l.partner}`)).toEqual(['dechets>espaces-verts']);
		// Naming only external partners answers the question, like « Aucun service »: density 0.
		expect(n.respondents).toEqual(['dechets']);
		expect(n.density).toBe(0);
	});
});

/** Every cooperation answer of `ds` with every external partner ticked and an « Autre » text. */
function withEveryExternal(
	ds: readonly DiagnosticWithAnswers[],
	coopIds: ReadonlySet<string>
): DiagnosticWithAnswers[] {
	return ds.map((d) => ({
		...d,
		answers: Object.fromEntries(
			Object.entries(d.answers).map(([id, a]) => {
				if (!coopIds.has(id) || !Array.isArray(a.value)) return [id, a];
				const value: PartnerId[] = [...a.value, ...EXTERNAL_PARTNER_IDS];
				return [id, { ...a, value, otherPartner: 'Association de quartier' }];
			})
		)
	}));
}

describe('transversality with external partners', () => {
	it('is identical with and without them, in the five authorities of the method', () => {
		const coopIds = new Set(
			scenarioQuestionnaire.modules.flatMap((m) =>
				moduleQuestions(m)
					.filter((q) => q.type === 'cooperation')
					.map((q) => q.id)
			)
		);
		for (const profile of Object.values(SCENARIOS)) {
			const { campaign: c, diagnostics } = authority(profile as Profile);
			const plain = scoreCampaign(c, diagnostics, scenarioQuestionnaire);
			const named = scoreCampaign(
				c,
				withEveryExternal(diagnostics, coopIds),
				scenarioQuestionnaire
			);
			expect(named.transversality).toEqual(plain.transversality);
			expect(named.network.density).toEqual(plain.network.density);
			expect(named.network.pairs).toEqual(plain.network.pairs);
			expect(named.network.external.length).toBeGreaterThan(0);
		}
	});

	it('is identical when a service names only external partners or « Aucun service »', () => {
		const score = (dechets: PartnerId[]) =>
			scoreCampaign(
				campaign(['dechets', 'eau']),
				[
					diagnostic('dechets', {
						answers: { 'd-compost': 2, 'd-ressourcerie': 2, 'd-coop': dechets }
					}),
					diagnostic('eau', { answers: { 'e-reuse': 2, 'e-clauses': 2, 'e-coop': ['dechets'] } })
				],
				fixtureQuestionnaire
			).transversality;
		expect(score(['communes-membres', 'autre'])).toEqual(score([]));
		expect(score(['eau', 'patrimoine'])).toEqual(score(['eau']));
	});
});
