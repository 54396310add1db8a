/**
 * The five authorities of docs/methode.md (« Cinq collectivités ») and the ordering property of
 * issue 12: an authority that only thinks scores below one that practises and cooperates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScaleValue } from '../answers';
import type { ModuleId } from '../content/questionnaire';
import { scoreCampaign } from './campaign';
import {
	authority,
	PRACTICES,
	SCENARIOS,
	scenarioQuestionnaire as q,
	SERVICES,
	type Link,
	type Profile
} from '../testing/scenarios';

const transversalityOf = (p: Profile) => {
	const { campaign, diagnostics } = authority(p);
	return scoreCampaign(campaign, diagnostics, q).transversality;
};
const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

describe('five contrasted authorities', () => {
	const t = Object.fromEntries(
		Object.entries(SCENARIOS).map(([name, p]) => [name, transversalityOf(p as Profile)])
	) as Record<keyof typeof SCENARIOS, ReturnType<typeof transversalityOf>>;

	it('gives the figures of docs/methode.md', () => {
		const figures = Object.fromEntries(
			Object.entries(t).map(([name, x]) => [
				name,
				[round(x.score), x.maximum, ...Object.values(x.components).map((c) => round(c.value))]
			])
		);
		expect(figures).toEqual({
			boxTicking: [7, 100, 0, 20, 0, 0],
			loneChampion: [28, 100, 16.7, 1.3, 16.7, 100],
			twoApart: [45, 80, 100, 0, 100, null],
			activeFewLinks: [50.3, 100, 61.7, 13.9, 100, 50],
			connected: [83.7, 100, 100, 53.3, 100, 100]
		});
	});

	it('orders them as a sustainable-development officer would', () => {
		const order = Object.entries(t)
			.sort(([, a], [, b]) => a.score! - b.score!)
			.map(([name]) => name);
		expect(order).toEqual([
			'boxTicking',
			'loneChampion',
			'twoApart',
			'activeFewLinks',
			'connected'
		]);
		expect(t.twoApart.partial).toBe(true);
	});
});

/** Eight answers of a service that is at most « En réflexion ». */
const thinking = fc.array(fc.constantFrom<ScaleValue | undefined>(0, 1, 'na', 'nsp', undefined), {
	minLength: PRACTICES,
	maxLength: PRACTICES
});
/**
 * Eight answers of a service « Engagé » or better on most of its questions: at least five of
 * eight; the other three anything (« Rien », « Je ne sais pas », « Non concerné »…).
 */
const engaged = fc
	.tuple(
		fc.array(fc.constantFrom<ScaleValue>(2, 3, 4), { minLength: PRACTICES, maxLength: PRACTICES }),
		fc.array(fc.constantFrom<ScaleValue>(0, 1, 2, 3, 4, 'na', 'nsp'), {
			minLength: 3,
			maxLength: 3
		}),
		fc.nat()
	)
	.map(([levels, rest, at]) => {
		const out = [...levels];
		rest.forEach((v, i) => (out[(at + i) % PRACTICES] = v));
		return out;
	});
const anything = fc.array(
	fc.constantFrom<ScaleValue | undefined>(0, 1, 2, 3, 4, 'na', 'nsp', undefined),
	{ minLength: PRACTICES, maxLength: PRACTICES }
);
const allPairs = (ms: readonly ModuleId[]) =>
	ms.flatMap((a, i) => ms.slice(i + 1).map((b) => [a, b] as const));

/** An authority where every service (and the steering module, if any) is at most En réflexion. */
const inactive = fc
	.record({
		services: fc.shuffledSubarray([...SERVICES], { minLength: 2 }),
		steering: fc.option(thinking, { nil: undefined }),
		linkSeed: fc.array(fc.constantFrom<'both' | 'one' | null>('both', 'one', null), {
			minLength: 15,
			maxLength: 15
		})
	})
	.chain(({ services, steering, linkSeed }) =>
		fc.tuple(...services.map(() => thinking)).map((answers): Profile => {
			const links = allPairs(services).flatMap(([a, b], i): Link[] =>
				linkSeed[i] ? [[a, b, linkSeed[i]!]] : []
			);
			return {
				answers: {
					...Object.fromEntries(services.map((m, i) => [m, answers[i]!])),
					...(steering ? { transversal: steering } : {})
				},
				links
			};
		})
	);

/**
 * An authority of at least three services where at least half are « Engagé » or better on most
 * of their questions (the others anything, or absent) and at least three pairs cooperate
 * both ways.
 */
const active = fc
	.record({
		services: fc.shuffledSubarray([...SERVICES], { minLength: 3 }),
		steering: fc.option(anything, { nil: undefined }),
		pairSeed: fc.nat()
	})
	.chain(({ services, steering, pairSeed }) => {
		const half = Math.ceil(services.length / 2);
		return fc
			.tuple(
				...services.map((_, i) => (i < half ? engaged : fc.option(anything, { nil: undefined })))
			)
			.map((answers): Profile => {
				const pairs = allPairs(services);
				const links = [0, 1, 2].map((k): Link => {
					const [a, b] = pairs[(pairSeed + k) % pairs.length]!;
					return [a, b, 'both'];
				});
				const present: ModuleId[] = services.filter((_, i) => answers[i] !== undefined);
				return {
					expected: [...services, ...(steering ? (['transversal'] as const) : [])],
					answers: {
						...Object.fromEntries(
							present.map((m) => [m, answers[(services as ModuleId[]).indexOf(m)]!])
						),
						...(steering ? { transversal: steering } : {})
					},
					links: links.filter(([a, b]) => present.includes(a) || present.includes(b))
				};
			});
	});

/** The most box-ticking inactive authority: six services and steering at 1, every pair both ways. */
const mostInactive: Profile = SCENARIOS.boxTicking;
/**
 * The thinnest active one: six services, three « Engagé » on five of their eight practices and
 * « Rien » on the other three, three absent, steering absent, three two-way pairs between
 * an engaged and an absent service.
 */
const thinnestActive: Profile = {
	expected: [...SERVICES],
	answers: {
		economie: [2, 2, 2, 2, 2, 0, 0, 0],
		dechets: [2, 2, 2, 2, 2, 0, 0, 0],
		eau: [2, 2, 2, 2, 2, 0, 0, 0]
	},
	links: [
		['economie', 'urbanisme', 'both'],
		['dechets', 'cantines', 'both'],
		['eau', 'marches', 'both']
	]
};

describe('the ordering property', () => {
	it('holds at the extremes: the most box-ticking inactive authority below the thinnest active one', () => {
		const [low, high] = [transversalityOf(mostInactive), transversalityOf(thinnestActive)];
		expect(low.score).toBeCloseTo(7, 9);
		// diffusion 3/6 → 50 × 0.2 = 10; coopération 3 × 0.2 / 15 → 4 × 0.35 = 1.4; leviers
		// partagés: the engaged services share levers at ⅝ or more with absent ones at 0.
		expect(high.score!).toBeGreaterThan(11.4);
		expect(low.score!).toBeLessThan(high.score!);
	});

	it('an authority at most « En réflexion » everywhere scores below any authority that practises and cooperates', () => {
		fc.assert(
			fc.property(inactive, active, (low, high) => {
				const [a, b] = [transversalityOf(low), transversalityOf(high)];
				expect(b.score).not.toBeNull();
				// A transversality that cannot be computed is never shown above a figure: count it 0.
				expect(a.score ?? 0).toBeLessThan(b.score!);
			}),
			{ numRuns: 300 }
		);
	});
});
