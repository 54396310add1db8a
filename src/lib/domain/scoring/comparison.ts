/**
 * Comparison of two campaigns of the same authority (e.g. "Diagnostic 2025" and "Diagnostic
 * 2026"): what moved, lever by lever, service by service, and in transversality.
 */
import type { CampaignScores } from './campaign';
import { LEVER_IDS, MODULE_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
import { TRANSVERSALITY_COMPONENTS, type TransversalityComponentId } from './transversality';

/** A value before and after, and after − before (null when either side is null). */
export interface Delta {
	before: number | null;
	after: number | null;
	delta: number | null;
}

/** What moved between two campaigns. */
export interface CampaignComparison {
	/** False when the authorities differ: the figures are computed, the interface should warn. */
	sameAuthority: boolean;
	/** Campaign lever means. */
	levers: Record<LeverId, Delta>;
	/** Service maturity, for every module present in either campaign, in MODULE_IDS order. */
	services: Partial<Record<ModuleId, Delta>>;
	meconnaissance: Delta;
	transversality: Delta & { components: Record<TransversalityComponentId, Delta> };
}

/** The delta of two nullable values. */
export function delta(before: number | null, after: number | null): Delta {
	return { before, after, delta: before === null || after === null ? null : after - before };
}

/** Compares a campaign (`after`) with an earlier one (`before`). */
export function compareCampaigns(
	before: CampaignScores,
	after: CampaignScores
): CampaignComparison {
	const maturity = (c: CampaignScores, m: ModuleId) =>
		c.diagnostics.find((d) => d.moduleId === m)?.maturity ?? null;
	const present = (c: CampaignScores, m: ModuleId) =>
		c.selection.expected.includes(m) || c.diagnostics.some((d) => d.moduleId === m);
	const services: Partial<Record<ModuleId, Delta>> = {};
	for (const m of MODULE_IDS)
		if (present(before, m) || present(after, m))
			services[m] = delta(maturity(before, m), maturity(after, m));
	const bt = before.transversality;
	const at = after.transversality;
	return {
		sameAuthority:
			before.campaign.authority.trim().toLocaleLowerCase('fr') ===
			after.campaign.authority.trim().toLocaleLowerCase('fr'),
		levers: Object.fromEntries(
			LEVER_IDS.map((l) => [l, delta(before.levers[l].mean, after.levers[l].mean)])
		) as Record<LeverId, Delta>,
		services,
		meconnaissance: delta(before.meconnaissance, after.meconnaissance),
		transversality: {
			...delta(bt.score, at.score),
			components: Object.fromEntries(
				TRANSVERSALITY_COMPONENTS.map((id) => [
					id,
					delta(bt.components[id].value, at.components[id].value)
				])
			) as Record<TransversalityComponentId, Delta>
		}
	};
}
