/**
 * Whole authorities for the method's scenarios and properties (docs/methode.md, « Cinq
 * collectivités »): six services and the steering module, each with eight practices over the
 * nine levers and one cooperation question, built from a short profile.
 */
import type { Campaign, DiagnosticWithAnswers, ScaleValue } from '../answers';
import { LEVER_IDS, MODULE_IDS, type ModuleId } from '../content/questionnaire';
import type { Questionnaire } from '../content/questionnaire-index';
import { campaign, coop, diagnostic, module, scale } from './fixture-builders';
import { fixtureLevers } from './fixtures';

/** The six services (the steering module apart). */
export const SERVICES = MODULE_IDS.filter((m) => m !== 'transversal');

/** Practices per module. */
export const PRACTICES = 8;

const practiceId = (m: ModuleId, i: number) => `${m}-p${i + 1}`;
const coopId = (m: ModuleId) => `${m}-coop`;

/** Each module: practice i informs two levers, shifted by the module's rank so modules differ. */
export const scenarioQuestionnaire: Questionnaire = {
	levers: fixtureLevers,
	modules: MODULE_IDS.map((m, r) =>
		module(m, m, [
			[
				...Array.from({ length: PRACTICES }, (_, i) =>
					scale(practiceId(m, i), {
						[LEVER_IDS[(i + r) % LEVER_IDS.length]!]: 1 + (i % 2),
						[LEVER_IDS[(i + r + 1) % LEVER_IDS.length]!]: 1
					})
				),
				...(m === 'transversal' ? [] : [coop(coopId(m), `projets communs de ${m}`)])
			]
		])
	)
};

/** A link between two services: declared by both, or by the first only. */
export type Link = [ModuleId, ModuleId, 'both' | 'one'];

/** An authority as a profile: each answering module's practices, and the links declared. */
export interface Profile {
	/** Expected modules; by default every module that answers. */
	expected?: ModuleId[];
	/** The answers of each module that answers, practice by practice (a shorter list repeats). */
	answers: Partial<Record<ModuleId, (ScaleValue | undefined)[]>>;
	/** Links; a service that answers and has none says « aucun service ». */
	links?: Link[];
	/** Services that leave the cooperation question unanswered. */
	silent?: ModuleId[];
}

/** The campaign and diagnostics of a profile. */
export function authority(profile: Profile): {
	campaign: Campaign;
	diagnostics: DiagnosticWithAnswers[];
} {
	const answering = MODULE_IDS.filter((m) => profile.answers[m] !== undefined);
	const partners = new Map<ModuleId, ModuleId[]>();
	for (const [a, b, kind] of profile.links ?? []) {
		partners.set(a, [...(partners.get(a) ?? []), b]);
		if (kind === 'both') partners.set(b, [...(partners.get(b) ?? []), a]);
	}
	const diagnostics = answering.map((m) => {
		const levels = profile.answers[m]!;
		const answers: Record<string, ScaleValue | ModuleId[]> = {};
		for (let i = 0; i < PRACTICES; i++) {
			const v = levels.length === 0 ? undefined : levels[i % levels.length];
			if (v !== undefined) answers[practiceId(m, i)] = v;
		}
		if (m !== 'transversal' && !profile.silent?.includes(m))
			answers[coopId(m)] = MODULE_IDS.filter((x) => partners.get(m)?.includes(x));
		return diagnostic(m, { answers });
	});
	return { campaign: campaign(profile.expected ?? answering), diagnostics };
}

/** Every pair of the six services, for profiles that tick every box. */
export const EVERY_PAIR: Link[] = SERVICES.flatMap((a, i) =>
	SERVICES.slice(i + 1).map((b): Link => [a, b, 'both'])
);

/** The five contrasted authorities of docs/methode.md, from the least to the most transversal. */
export const SCENARIOS = {
	/** 1. Every service and the steering module « En réflexion », every cooperation box ticked. */
	boxTicking: {
		answers: Object.fromEntries(MODULE_IDS.map((m) => [m, [1]])),
		links: EVERY_PAIR
	},
	/** 2. One champion at Exemplaire, five services that do nothing, two links it alone declares. */
	loneChampion: {
		answers: {
			economie: [4],
			dechets: [0],
			eau: [0],
			urbanisme: [0],
			cantines: [0],
			marches: [0],
			transversal: [2]
		},
		links: [
			['economie', 'dechets', 'one'],
			['economie', 'marches', 'one']
		]
	},
	/** 3. Two services at Réalisé that never work together; no steering module. */
	twoApart: {
		answers: { dechets: [3], cantines: [3] },
		links: []
	},
	/** 4. Two strong services, four half-way, three pairs that cooperate both ways. */
	activeFewLinks: {
		answers: {
			economie: [3],
			dechets: [3],
			eau: [2, 1],
			urbanisme: [2, 1],
			cantines: [2, 1],
			marches: [2, 1],
			transversal: [2, 1]
		},
		links: [
			['economie', 'dechets', 'both'],
			['economie', 'marches', 'both'],
			['dechets', 'cantines', 'both']
		]
	},
	/** 5. Every service engaged or better, eight two-way links, a steering module in place. */
	connected: {
		answers: {
			economie: [3, 2],
			dechets: [3, 2],
			eau: [2, 3],
			urbanisme: [2],
			cantines: [3, 2],
			marches: [2],
			transversal: [3]
		},
		links: [
			['economie', 'dechets', 'both'],
			['economie', 'marches', 'both'],
			['economie', 'urbanisme', 'both'],
			['dechets', 'cantines', 'both'],
			['dechets', 'eau', 'both'],
			['eau', 'urbanisme', 'both'],
			['cantines', 'marches', 'both'],
			['urbanisme', 'marches', 'both']
		]
	}
} satisfies Record<string, Profile>;
