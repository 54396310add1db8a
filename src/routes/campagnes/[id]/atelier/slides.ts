/**
 * The slides of the workshop mode, in the order of the issue: the campaign and its services,
 * transversality, the legal obligations when any is unmet or unknown, the radar of all services,
 * one slide per service, the cooperation matrix, the top recommendations one per slide, each
 * followed by the planned actions of its lever (where actions are added live), and the next steps.
 */
import type { CampaignScores } from '$lib/domain/scoring/campaign';
import { moduleInfo } from '$lib/domain/content/catalogue';
import type { ModuleId } from '$lib/domain/content/questionnaire';
import type { Recommendations } from '$lib/domain/scoring/recommendations';

/** How many recommendations get a slide of their own. */
export const TOP_RECOMMENDATIONS = 3;

/** One slide: what it shows, a stable key and a title for the slide counter's announcement. */
export type Slide = { key: string; title: string } & (
	| { kind: 'campaign' | 'transversality' | 'obligations' | 'radar' | 'matrix' | 'closing' }
	| { kind: 'service'; moduleId: ModuleId }
	| { kind: 'recommendation'; index: number }
	/** The plan of the lever of recommendation `index`: its actions, and adding one live. */
	| { kind: 'plan'; index: number }
);

/** Whether an obligation of the campaign is unmet or unknown: it then gets a slide. */
export function hasObligationsToAct(scores: CampaignScores): boolean {
	return scores.obligations.unmet + scores.obligations.unknown > 0;
}

/** The slides of a campaign; services that have not answered keep their slide. */
export function workshopSlides(scores: CampaignScores, recommendations: Recommendations): Slide[] {
	const services = scores.selection.expected.map((moduleId): Slide => ({
		kind: 'service',
		key: `service-${moduleId}`,
		title: moduleInfo(moduleId)?.title ?? moduleId,
		moduleId
	}));
	const recos = recommendations.levers
		.slice(0, TOP_RECOMMENDATIONS)
		.flatMap((r, index): Slide[] => [
			{
				kind: 'recommendation',
				key: `recommendation-${r.lever}`,
				title: `Levier n° ${r.rank}\u202f: ${r.title}`,
				index
			},
			{
				kind: 'plan',
				key: `plan-${r.lever}`,
				title: `Levier n° ${r.rank}\u202f: plan d’action`,
				index
			}
		]);
	return [
		{ kind: 'campaign', key: 'campaign', title: 'La démarche et ses services' },
		{ kind: 'transversality', key: 'transversality', title: 'Transversalité' },
		...(hasObligationsToAct(scores)
			? [{ kind: 'obligations', key: 'obligations', title: 'Obligations légales' } as const]
			: []),
		{ kind: 'radar', key: 'radar', title: 'Les leviers de tous les services' },
		...services,
		{ kind: 'matrix', key: 'matrix', title: 'Coopération entre services' },
		...recos,
		{ kind: 'closing', key: 'closing', title: 'Prochaines étapes' }
	];
}
