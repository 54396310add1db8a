/**
 * The questionnaire content model: one valibot schema is the single source of the TypeScript
 * types and of the validation of questionnaires/*.json.
 */
import * as v from 'valibot';

/** Identifiers of the seven modules, in the order the interface lists them. */
export const MODULE_IDS = [
	'economie',
	'dechets',
	'eau',
	'urbanisme',
	'cantines',
	'marches',
	'transversal'
] as const;

/** One of the seven modules (six services plus the transversal steering module). */
export type ModuleId = (typeof MODULE_IDS)[number];

/** Identifiers of the nine levers of the source document, in the order of the radar axes. */
export const LEVER_IDS = [
	'portage-politique',
	'mise-en-relation',
	'mutualisation',
	'collectivite-usager',
	'commande-publique',
	'connaissance-acteurs',
	'appropriation',
	'identification-services',
	'sensibilisation'
] as const;

/** One of the nine levers. */
export type LeverId = (typeof LEVER_IDS)[number];

/** Sections of the source document a quote can come from. */
export const SOURCE_SECTIONS = ['Enjeux', 'Comment faire ?'] as const;

const nonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const slug = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'identifiant attendu en minuscules et tirets')
);

/** A verbatim passage of the source document (checked against it by a unit test). */
export const SourceQuoteSchema = v.strictObject({
	kind: v.literal('source'),
	section: v.picklist(SOURCE_SECTIONS),
	quote: nonEmpty(1000)
});

/** A legal or technical fact: what it says, the text that says it, and its date. */
export const FactReferenceSchema = v.strictObject({
	kind: v.literal('fact'),
	/** The fact in plain French, e.g. "Tri à la source des biodéchets généralisé". */
	statement: nonEmpty(400),
	/** The text, e.g. "Loi n° 2020-105 du 10 février 2020 (AGEC), art. 88". */
	text: nonEmpty(300),
	/** ISO date of the text or of the obligation's start. */
	date: v.pipe(v.string(), v.isoDate('date attendue au format AAAA-MM-JJ')),
	/**
	 * Where the fact was read: the official page (Légifrance article and the version read, or the
	 * ministry's or ADEME's page) and the day it was read.
	 */
	checked: v.optional(
		v.strictObject({
			where: nonEmpty(300),
			on: v.pipe(v.string(), v.isoDate('date attendue au format AAAA-MM-JJ'))
		})
	),
	/** What could not be verified, and how the wording stays true without it. */
	unverified: v.optional(nonEmpty(400))
});

/** Where a question or lever comes from. */
export const ReferenceSchema = v.variant('kind', [SourceQuoteSchema, FactReferenceSchema]);

/** A lever a question informs, with the weight of the question in that lever's score. */
export const LeverTagSchema = v.strictObject({
	lever: v.picklist(LEVER_IDS, 'levier inconnu'),
	weight: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3))
});

/**
 * The form of the id of a measure of ADEME's référentiels, as the repository
 * incubateur-ademe/territoires-en-transitions builds it (`<référentiel>_<identifiant>`):
 * `eci_2.1`, `eci_2.1.3`, `te_3.4.1`, `te_3.4.1.2`. The « TE » référentiel also has tâches named
 * by a letter, `te_3.4.6.3.a`, and alternative measures for authorities without the competence,
 * `te_1.1.1alter`, `te_6.3.5alterepci.1`.
 */
export const ADEME_ID_PATTERN = /^(eci|te)_[0-9]+(\.([0-9]+(alter[a-z]*)?|[a-z]))*$/;

/**
 * Ids of measures of ADEME's référentiels (Territoire Engagé Transition Écologique) that a question
 * matches: `eci_…` for the Économie circulaire référentiel, `te_…` for the merged « TE » one. Each id
 * must exist in the copy of the référentiels' structure under questionnaires/referentiels/
 * (checked by referentiels.test.ts; docs/referentiels.md lists the measures per module).
 */
export const AdemeIdsSchema = v.optional(
	v.pipe(
		v.array(v.pipe(v.string(), v.regex(ADEME_ID_PATTERN, 'identifiant ADEME attendu'))),
		v.minLength(1)
	)
);

const questionBase = {
	id: slug,
	text: nonEmpty(300),
	help: nonEmpty(1200),
	reference: ReferenceSchema,
	ademe: AdemeIdsSchema
};

/** What « Engagé » and « Réalisé » look like for one practice question (docs/redaction.md). */
export const LevelBarsSchema = v.strictObject({
	engage: nonEmpty(160),
	realise: nonEmpty(160)
});

/** A question answered on the 0–4 scale, plus "Non concerné" and "Je ne sais pas". */
export const ScaleQuestionSchema = v.strictObject({
	...questionBase,
	type: v.literal('scale'),
	levers: v.pipe(v.array(LeverTagSchema), v.minLength(1, 'au moins un levier')),
	/** What « Engagé » and « Réalisé » look like for this question. */
	levels: v.optional(LevelBarsSchema)
});

/** "Avec quels services travaillez-vous sur … ?": a multi-select of the other modules. */
export const CooperationQuestionSchema = v.strictObject({
	...questionBase,
	type: v.literal('cooperation'),
	/** The theme of the cooperation, shown in the network, e.g. "biodéchets des cantines". */
	topic: nonEmpty(80)
});

/**
 * A legal obligation of the service, asked as a compliance item (« Conforme », « En cours de mise
 * en conformité », « Non conforme », « Non concerné », « Je ne sais pas »). Like ADEME's
 * prerequisites it is worth no points: it is never part of maturity, lever scores or
 * transversality, it is shown as a checklist, and an unmet or unknown one comes first in the
 * advice. Its reference is the legal text with its date; `todo` says what to do to comply.
 */
export const ObligationQuestionSchema = v.strictObject({
	...questionBase,
	type: v.literal('obligation'),
	reference: FactReferenceSchema,
	/** What to do to comply, in one or two sentences, e.g. "Faire adopter le programme…". */
	todo: nonEmpty(600)
});

/** Any question of a module. */
export const QuestionSchema = v.variant('type', [
	ScaleQuestionSchema,
	ObligationQuestionSchema,
	CooperationQuestionSchema
]);

/** A group of questions shown together. */
export const ThemeSchema = v.strictObject({
	id: slug,
	title: nonEmpty(120),
	questions: v.pipe(v.array(QuestionSchema), v.minLength(1))
});

/** One questionnaire file: questionnaires/<id>.json. */
export const ModuleSchema = v.strictObject({
	id: v.picklist(MODULE_IDS, 'module inconnu'),
	version: v.pipe(v.number(), v.integer(), v.minValue(1)),
	title: nonEmpty(120),
	/** Short name of the service, for legends and the cooperation matrix (≤ 22 characters). */
	shortTitle: nonEmpty(22),
	/** Who should answer, in one paragraph. */
	description: nonEmpty(1200),
	/** The time announced to fill the module, in minutes (checked against `estimatedMinutes`). */
	minutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(90))),
	themes: v.pipe(v.array(ThemeSchema), v.minLength(1))
});

/** One lever of levers.json. */
export const LeverSchema = v.strictObject({
	id: v.picklist(LEVER_IDS, 'levier inconnu'),
	/** Radar axis label. */
	label: nonEmpty(22),
	title: nonEmpty(160),
	description: nonEmpty(1200),
	actions: v.pipe(v.array(nonEmpty(400)), v.minLength(2), v.maxLength(4)),
	source: SourceQuoteSchema
});

/** questionnaires/levers.json. */
export const LeversFileSchema = v.strictObject({
	version: v.pipe(v.number(), v.integer(), v.minValue(1)),
	levers: v.array(LeverSchema)
});

/** A verbatim passage of the source document. */
export type SourceQuote = v.InferOutput<typeof SourceQuoteSchema>;
/** A source quote or a dated legal fact. */
export type Reference = v.InferOutput<typeof ReferenceSchema>;
/** A lever tag with its weight. */
export type LeverTag = v.InferOutput<typeof LeverTagSchema>;
/** A 0–4 scale question. */
export type ScaleQuestion = v.InferOutput<typeof ScaleQuestionSchema>;
/** A legal obligation (compliance item). */
export type ObligationQuestion = v.InferOutput<typeof ObligationQuestionSchema>;
/** A dated legal or technical fact. */
export type FactReference = v.InferOutput<typeof FactReferenceSchema>;
/** A cooperation (multi-select of services) question. */
export type CooperationQuestion = v.InferOutput<typeof CooperationQuestionSchema>;
/** Any question. */
export type Question = v.InferOutput<typeof QuestionSchema>;
/** A questionnaire module. */
export type Module = v.InferOutput<typeof ModuleSchema>;
/** A lever. */
export type Lever = v.InferOutput<typeof LeverSchema>;

/** A problem found in a content file, located as precisely as possible. */
export interface ContentProblem {
	file: string;
	questionId?: string;
	field: string;
	message: string;
}

/** Formats a problem as one French line: "dechets.json › question dechets-plpdma › help : …". */
export function formatProblem(p: ContentProblem): string {
	const where = [p.file, p.questionId ? `question ${p.questionId}` : null, p.field]
		.filter(Boolean)
		.join(' › ');
	return `${where}\u202f: ${p.message}`;
}

function locate(file: string, data: unknown, issue: v.BaseIssue<unknown>): ContentProblem {
	const keys = (issue.path ?? []).map((item) => item.key as string | number);
	let questionId: string | undefined;
	let field = keys.join('.') || '(racine)';
	// Paths into a question look like themes.<i>.questions.<j>.<field…>: name the question by id.
	const q = keys.indexOf('questions');
	if (q >= 0 && keys.length > q + 1) {
		let node: unknown = data;
		for (const k of keys.slice(0, q + 2)) node = (node as Record<string | number, unknown>)?.[k];
		const id = (node as { id?: unknown } | undefined)?.id;
		questionId = typeof id === 'string' ? id : `n° ${Number(keys[q + 1]) + 1}`;
		field = keys.slice(q + 2).join('.') || '(question)';
	}
	return { file, questionId, field, message: issue.message };
}

/** Result of parsing one content file. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: ContentProblem[] };

/** Validates one module file; problems name the file, the question id and the field. */
export function parseModule(file: string, data: unknown): ParseResult<Module> {
	const r = v.safeParse(ModuleSchema, data);
	return r.success
		? { ok: true, value: r.output }
		: { ok: false, problems: r.issues.map((i) => locate(file, data, i)) };
}

/** Validates levers.json. */
export function parseLevers(file: string, data: unknown): ParseResult<Lever[]> {
	const r = v.safeParse(LeversFileSchema, data);
	return r.success
		? { ok: true, value: r.output.levers }
		: { ok: false, problems: r.issues.map((i) => locate(file, data, i)) };
}

/** Every question of a module, in display order. */
export function moduleQuestions(module: Module): Question[] {
	return module.themes.flatMap((t) => t.questions);
}
