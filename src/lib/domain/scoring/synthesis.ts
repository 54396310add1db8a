/**
 * The one-page synthesis an officer hands to the council: the transversality with its basis,
 * the three strengths, the three levers to pull first, the obligations unmet or unknown, and
 * how many services answered. docs/methode.md, « La synthèse ».
 */
import type { CampaignScores } from './campaign';
import type { LeverId } from '../content/questionnaire';
import type { ObligationChecklist, ObligationItem } from './obligations';
import type { LeverRecommendation, Recommendations } from './recommendations';
import { LEVER_IDS } from '../content/questionnaire';
import { comparable } from './stats';
import type { Transversality } from './transversality';

/** How many strengths and levers the synthesis names. */
export const SYNTHESIS_ITEMS = 3;

/** A lever the authority is strong on: its mean over the modules evaluated, and how many. */
export interface Strength {
	lever: LeverId;
	mean: number;
	/** Modules evaluated on the lever (at least two answers each). */
	modules: number;
}

/** Everything the first page of the report shows. */
export interface Synthesis {
	transversality: Transversality;
	/** Up to three levers with the highest mean, each at least « Engagé » (50) on average. */
	strengths: Strength[];
	/** The first three recommended levers. */
	levers: LeverRecommendation[];
	/** Obligations unmet or unknown (in progress ones are listed apart in the checklist). */
	obligations: ObligationItem[];
	checklist: ObligationChecklist;
	/** Services expected, with a diagnostic that counts, complete (the steering module apart). */
	services: { expected: number; answered: number; complete: number };
	/** Whether the steering module is expected and answered. */
	steering: { expected: boolean; answered: boolean };
}

/** A strength needs an average of at least Engagé: below, it is not a strength to show. */
const STRENGTH_FROM = 50;

/** The synthesis of a campaign from its scores and recommendations. */
export function synthesis(scores: CampaignScores, recommendations: Recommendations): Synthesis {
	const strengths = LEVER_IDS.flatMap((lever): Strength[] => {
		const l = scores.levers[lever];
		return l.mean !== null && l.mean >= STRENGTH_FROM
			? [{ lever, mean: l.mean, modules: l.evaluated.length }]
			: [];
	})
		.sort(
			(a, b) =>
				comparable(b.mean) - comparable(a.mean) ||
				b.modules - a.modules ||
				LEVER_IDS.indexOf(a.lever) - LEVER_IDS.indexOf(b.lever)
		)
		.slice(0, SYNTHESIS_ITEMS);
	const basis = scores.transversality.basis;
	return {
		transversality: scores.transversality,
		strengths,
		levers: recommendations.levers.slice(0, SYNTHESIS_ITEMS),
		obligations: recommendations.obligations.filter(
			(o) => o.state === 'unmet' || o.state === 'unknown'
		),
		checklist: scores.obligations,
		services: { expected: basis.services, answered: basis.answered, complete: basis.complete },
		steering: { expected: basis.governanceExpected, answered: basis.governanceAnswered }
	};
}
