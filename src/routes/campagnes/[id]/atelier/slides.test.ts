import { describe, expect, test } from 'vitest';
import { scoreCampaign } from '$lib/domain/scoring/campaign';
import { recommend } from '$lib/domain/scoring/recommendations';
import { campaign, diagnostic, fixtureQuestionnaire } from '$lib/domain/testing/fixtures';
import { workshopSlides } from './slides';

/** The slide titles of a campaign of the waste service and the canteens. */
function titles(plpdma: 'conforme' | 'non-conforme' | 'nsp' | 'na', egalim?: 'conforme') {
	const diagnostics = [
		diagnostic('dechets', { answers: { 'd-compost': 2, 'd-tri': 3, 'd-plpdma': plpdma } }),
		diagnostic('cantines', {
			answers: { 'c-bio': 1, 'c-local': 2, ...(egalim ? { 'c-egalim': egalim } : {}) }
		})
	];
	const scores = scoreCampaign(
		campaign(['dechets', 'cantines']),
		diagnostics,
		fixtureQuestionnaire
	);
	return workshopSlides(scores, recommend(scores, fixtureQuestionnaire)).map((s) => s.title);
}

describe('workshop slides', () => {
	test('an obligation unmet or unknown gets a slide right after the transversality', () => {
		for (const plpdma of ['non-conforme', 'nsp'] as const) {
			const slides = titles(plpdma, 'conforme');
			expect(slides.indexOf('Obligations légales')).toBe(slides.indexOf('Transversalité') + 1);
		}
	});

	test('an obligation not answered counts as unknown and gets the slide too', () => {
		expect(titles('conforme')).toContain('Obligations légales');
	});

	test('no obligations slide when every obligation is met or does not apply', () => {
		expect(titles('conforme', 'conforme')).not.toContain('Obligations légales');
		expect(titles('na', 'conforme')).not.toContain('Obligations légales');
	});

	test('each top recommendation is followed by the plan of its lever, before the next steps', () => {
		const slides = titles('conforme', 'conforme');
		const recos = slides.filter((t) => /^Levier n° \d\u202f: (?!plan d’action)/.test(t));
		expect(recos.length).toBeGreaterThan(0);
		for (const [i, title] of recos.entries()) {
			const at = slides.indexOf(title);
			expect(slides[at + 1]).toBe(`Levier n° ${i + 1}\u202f: plan d’action`);
		}
		expect(slides.at(-1)).toBe('Prochaines étapes');
		expect(slides.at(-2)).toBe(`Levier n° ${recos.length}\u202f: plan d’action`);
	});
});
