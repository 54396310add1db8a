import { describe, expect, it } from 'vitest';
import { cooperationNetwork, pairOf } from './cooperation';
import { diagnostic, fixtureQuestionnaire } from '../testing/fixtures';
import type { ModuleId } from '../content/questionnaire';

const network = (expected: ModuleId[], ds: ReturnType<typeof diagnostic>[]) =>
	cooperationNetwork(expected, ds, fixtureQuestionnaire);
const services: ModuleId[] = ['economie', 'dechets', 'eau', 'cantines', 'transversal'];

describe('cooperation network', () => {
	it('tells reciprocated links from one-sided ones, with their topics', () => {
		const n = network(services, [
			diagnostic('cantines', { answers: { 'c-coop': ['dechets'] } }),
			diagnostic('dechets', { answers: { 'd-coop': ['cantines', 'eau', 'dechets'] } })
		]);
		expect(n.links.map((l) => `${l.from}>${l.to}`)).toEqual([
			'dechets>eau',
			'dechets>cantines',
			'cantines>dechets'
		]);
		expect(n.pairs).toEqual([
			{
				a: 'dechets',
				b: 'eau',
				kind: 'one-sided',
				declaredBy: ['dechets'],
				topics: ['valorisation des biodéchets']
			},
			{
				a: 'dechets',
				b: 'cantines',
				kind: 'reciprocated',
				declaredBy: ['dechets', 'cantines'],
				topics: ['valorisation des biodéchets', 'biodéchets et approvisionnement']
			}
		]);
		expect(pairOf(n, 'cantines', 'dechets')?.kind).toBe('reciprocated');
		expect(pairOf(n, 'eau', 'cantines')).toBeUndefined();
	});

	it('density: reciprocated 1, one-sided ½, over the pairs of expected services', () => {
		// Services: economie, dechets, eau, cantines (transversal is not a service): 6 pairs.
		// dechets ⇄ cantines 1 + dechets → eau ½ = 1.5 → 100 × 1.5 / 6 = 25.
		const n = network(services, [
			diagnostic('cantines', { answers: { 'c-coop': ['dechets', 'transversal'] } }),
			diagnostic('dechets', { answers: { 'd-coop': ['cantines', 'eau'] } })
		]);
		expect(n.services).toEqual(['economie', 'dechets', 'eau', 'cantines']);
		expect(n.density).toBe(25);
		expect(pairOf(n, 'cantines', 'transversal')?.kind).toBe('one-sided');
	});

	it('counts one link per pair, whatever the number of topics', () => {
		const n = network(
			['economie', 'urbanisme'],
			[
				diagnostic('economie', {
					answers: { 'ec-coop-zae': ['urbanisme'], 'ec-coop-achats': ['urbanisme'] }
				})
			]
		);
		expect(n.links[0]!.via.map((v) => v.questionId)).toEqual(['ec-coop-zae', 'ec-coop-achats']);
		expect(n.density).toBe(50);
	});

	it('is not measured with fewer than two services, and ignores unknown ids and bad values', () => {
		expect(network(['eau', 'transversal'], []).density).toBeNull();
		const d = diagnostic('eau', { answers: { 'e-coop': ['voirie' as ModuleId] } });
		const n = network(['eau', 'dechets'], [d, diagnostic('dechets', { answers: { 'd-coop': 3 } })]);
		expect(n.links).toEqual([]);
		expect(n.density).toBe(0);
	});
});
