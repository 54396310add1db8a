/**
 * The questionnaire as the scoring engine reads it. The engine never imports the shipped content:
 * every function takes a `Questionnaire`, so scores are pure functions of answers + content and
 * tests run on small hand-made fixtures.
 */
import {
	type CooperationQuestion,
	type Lever,
	type LeverId,
	type Module,
	type ModuleId,
	type ObligationQuestion,
	type ScaleQuestion
} from './questionnaire';

/** The content the engine scores against: the modules and the levers. */
export interface Questionnaire {
	modules: readonly Module[];
	levers: readonly Lever[];
}

/** A scale question with its position in the module (display order breaks ties). */
export interface IndexedScaleQuestion {
	question: ScaleQuestion;
	order: number;
}

/**
 * A cooperation question with the levers its theme informs: the scale questions that sit in the
 * same theme say what the cooperation is about, e.g. "biodéchets" → collectivité usager.
 */
export interface IndexedCooperationQuestion {
	question: CooperationQuestion;
	order: number;
	/** Affinity of the topic with each lever: the lever's share of the theme's tag weights (0–1). */
	levers: ReadonlyMap<LeverId, number>;
}

/** An obligation question with its position in the module. */
export interface IndexedObligationQuestion {
	question: ObligationQuestion;
	order: number;
}

/** One module, indexed by question id. */
export interface ModuleIndex {
	module: Module;
	scale: ReadonlyMap<string, IndexedScaleQuestion>;
	/** The scale questions tagged with each lever, with the tag's weight, in display order. */
	byLever: ReadonlyMap<LeverId, readonly (IndexedScaleQuestion & { weight: number })[]>;
	/** The legal obligations (compliance items), in display order; never scored. */
	obligations: ReadonlyMap<string, IndexedObligationQuestion>;
	cooperation: ReadonlyMap<string, IndexedCooperationQuestion>;
	/** The cooperation questions in display order, and by topic (first question per topic). */
	cooperationList: readonly IndexedCooperationQuestion[];
	byTopic: ReadonlyMap<string, IndexedCooperationQuestion>;
}

/** The whole questionnaire, indexed by module and lever id. */
export interface QuestionnaireIndex {
	modules: ReadonlyMap<ModuleId, ModuleIndex>;
	levers: ReadonlyMap<LeverId, Lever>;
	/** The short title of a module (its id when the module is absent). */
	title(id: ModuleId): string;
}

function indexModule(module: Module): ModuleIndex {
	const scale = new Map<string, IndexedScaleQuestion>();
	const cooperation = new Map<string, IndexedCooperationQuestion>();
	const obligations = new Map<string, IndexedObligationQuestion>();
	let order = 0;
	for (const theme of module.themes) {
		const levers = new Map<LeverId, number>();
		let total = 0;
		for (const q of theme.questions)
			if (q.type === 'scale')
				for (const tag of q.levers) {
					levers.set(tag.lever, (levers.get(tag.lever) ?? 0) + tag.weight);
					total += tag.weight;
				}
		for (const [lever, weight] of levers) levers.set(lever, weight / total);
		for (const q of theme.questions) {
			// The first occurrence of an id wins; the content tests forbid duplicates anyway.
			if (q.type === 'scale' && !scale.has(q.id)) scale.set(q.id, { question: q, order });
			if (q.type === 'obligation' && !obligations.has(q.id))
				obligations.set(q.id, { question: q, order });
			if (q.type === 'cooperation' && !cooperation.has(q.id))
				cooperation.set(q.id, { question: q, order, levers });
			order++;
		}
	}
	const byLever = new Map<LeverId, (IndexedScaleQuestion & { weight: number })[]>();
	for (const entry of scale.values())
		for (const { lever, weight } of entry.question.levers)
			byLever.set(lever, [...(byLever.get(lever) ?? []), { ...entry, weight }]);
	const cooperationList = [...cooperation.values()];
	const byTopic = new Map<string, IndexedCooperationQuestion>();
	for (const c of cooperationList)
		if (!byTopic.has(c.question.topic)) byTopic.set(c.question.topic, c);
	return { module, scale, byLever, obligations, cooperation, cooperationList, byTopic };
}

const cache = new WeakMap<Questionnaire, QuestionnaireIndex>();

/**
 * Indexes a questionnaire once (memoised on the object, which content never mutates). When two
 * modules or levers share an id, the first one wins.
 */
export function indexQuestionnaire(questionnaire: Questionnaire): QuestionnaireIndex {
	const cached = cache.get(questionnaire);
	if (cached) return cached;
	const modules = new Map<ModuleId, ModuleIndex>();
	for (const m of questionnaire.modules) if (!modules.has(m.id)) modules.set(m.id, indexModule(m));
	const levers = new Map<LeverId, Lever>();
	for (const l of questionnaire.levers) if (!levers.has(l.id)) levers.set(l.id, l);
	const index: QuestionnaireIndex = {
		modules,
		levers,
		title: (id) => modules.get(id)?.module.shortTitle ?? id
	};
	cache.set(questionnaire, index);
	return index;
}
