/**
 * The exchange file, version 5 (current): one valibot schema for what an import accepts, the
 * types it infers, and the constants of the format. docs/format.md explains every field and
 * docs/leviers-export.schema.json publishes the same rules as a JSON Schema.
 */
import * as v from 'valibot';
import { MAX_OTHER_PARTNER, type AnswerRecord, type Diagnostic } from '../answers';
import { ACTION_PRIORITIES, ACTION_STATUSES, isIsoDay, MAX_ACTION_ITEMS } from '../plan/action';
import { MAX_LINEAGE, MAX_REVISION } from './limits';

/** The `format` field of every exchange file. */
export const FORMAT_NAME = 'leviers-export';

/** The version the app writes. Older ones are migrated on import (MIGRATIONS, read.ts). */
export const FORMAT_VERSION = 5;

export { MAX_FILE_BYTES } from './limits';

/** What a file holds: one diagnostic, one campaign with its diagnostics, or the whole database. */
export const EXPORT_SCOPES = ['diagnostic', 'campaign', 'database'] as const;

/** One of EXPORT_SCOPES. */
export type ExportScope = (typeof EXPORT_SCOPES)[number];

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** Whether a string is a UTC timestamp as toISOString writes it, naming a real instant. */
function isIsoTimestamp(s: string): boolean {
	if (!ISO_UTC.test(s)) return false;
	const t = Date.parse(s);
	// Date.parse rolls 31 February over to March: a real date prints back the same.
	return Number.isFinite(t) && new Date(t).toISOString().slice(0, 19) === s.slice(0, 19);
}

/** An id: letters, digits, `-` and `_` (UUIDs, "exemple-0-01"), 1–100 characters. */
export const IdSchema = v.pipe(
	v.string('identifiant attendu'),
	v.regex(/^[A-Za-z0-9_-]{1,100}$/, 'identifiant invalide (lettres, chiffres, - et _)')
);

/** A module id as written in a file: checked against the shipped modules later, not here. */
export const ModuleRefSchema = v.pipe(
	v.string('identifiant de module attendu'),
	v.regex(/^[a-z0-9-]{1,40}$/, 'identifiant de module invalide')
);

/** A UTC date and time, e.g. "2026-11-26T10:42:00.000Z". */
export const TimestampSchema = v.pipe(
	v.string('date attendue'),
	v.check(isIsoTimestamp, 'date attendue au format 2026-11-26T10:42:00.000Z')
);

const count = (max: number) =>
	v.pipe(
		v.number('nombre attendu'),
		v.integer('nombre entier attendu'),
		v.minValue(0),
		v.maxValue(max)
	);
const text = (max: number) =>
	v.pipe(v.string('texte attendu'), v.maxLength(max, 'texte trop long'));
// What a person typed (names, notes) is read at any length: a text over its limit
// (TEXT_LIMITS, text-limits.ts) is shortened and reported by incoming.ts, not a reason to refuse
// the whole file. The file's size limit bounds it.
const typed = v.string('texte attendu');
const named = v.pipe(v.string('texte attendu'), v.trim(), v.minLength(1, 'texte vide'));

/** A point of a diagnostic's history: `device` made the changes up to `revision`. */
export const CheckpointSchema = v.object({ device: IdSchema, revision: count(MAX_REVISION) });

/**
 * The partners of a cooperation answer: modules, and external partners from version 4
 * (EXTERNAL_PARTNER_IDS, answers.ts). Which ids fit is checked on import (incoming.ts).
 */
export const PartnerListSchema = v.pipe(v.array(ModuleRefSchema), v.maxLength(20));

/**
 * An answer: a level 0–4, "na", "nsp", a compliance ("conforme", "en-cours", "non-conforme", new
 * in version 3, for an obligation question), the partner modules of a cooperation question, or
 * null. Whether the value fits its question is checked on import (incoming.ts).
 */
export const AnswerValueSchema = v.union(
	[
		v.picklist([0, 1, 2, 3, 4, 'na', 'nsp', 'conforme', 'en-cours', 'non-conforme']),
		PartnerListSchema,
		v.null()
	],
	'réponse attendue\u202f: 0 à 4, "na", "nsp", "conforme", "en-cours", "non-conforme", une liste de modules ou null'
);

const questionRef = v.pipe(
	v.string('identifiant de question attendu'),
	v.minLength(1),
	v.maxLength(100)
);

/** One answer of a diagnostic. */
export const ExportedAnswerSchema = v.object({
	question: questionRef,
	value: AnswerValueSchema,
	note: v.optional(typed),
	/** Version 4: the « Autre (préciser) » text of a cooperation answer naming "autre". */
	otherPartner: v.optional(text(MAX_OTHER_PARTNER)),
	changedAt: TimestampSchema
});

/**
 * Version 4: an answer of an older questionnaire version with no place in the current one
 * (questionnaires/migrations/README.md), kept and never scored.
 */
export const ExportedRetiredAnswerSchema = v.object({
	question: questionRef,
	/** The question's text in the version it was answered against. */
	text: v.pipe(v.string('texte attendu'), v.minLength(1), v.maxLength(1000, 'texte trop long')),
	value: AnswerValueSchema,
	note: v.optional(typed),
	changedAt: TimestampSchema,
	fromVersion: v.pipe(count(1e6), v.minValue(1)),
	reason: v.optional(text(1000))
});

/** One service's diagnostic with its answers and its history across devices. */
export const ExportedDiagnosticSchema = v.object({
	id: IdSchema,
	campaignId: IdSchema,
	module: ModuleRefSchema,
	questionnaireVersion: v.pipe(count(1e6), v.minValue(1)),
	status: v.picklist(['draft', 'complete'], 'statut attendu\u202f: "draft" ou "complete"'),
	revision: count(MAX_REVISION),
	respondent: v.optional(v.object({ name: v.optional(typed), role: v.optional(typed) })),
	createdAt: TimestampSchema,
	updatedAt: TimestampSchema,
	lineage: v.pipe(v.array(CheckpointSchema), v.maxLength(MAX_LINEAGE)),
	answers: v.pipe(v.array(ExportedAnswerSchema), v.maxLength(500)),
	retired: v.optional(v.pipe(v.array(ExportedRetiredAnswerSchema), v.maxLength(500)))
});

/** A campaign (démarche). */
export const ExportedCampaignSchema = v.object({
	id: IdSchema,
	authority: named,
	label: named,
	modules: v.pipe(v.array(ModuleRefSchema), v.maxLength(50)),
	createdAt: TimestampSchema,
	updatedAt: TimestampSchema
});

/** A day, "2026-11-26" (an action's start, due date, follow-up note). */
export const DaySchema = v.pipe(
	v.string('date attendue'),
	v.check((s: string) => isIsoDay(s), 'date attendue au format 2026-11-26')
);

/** A lever id as written in a file: one this version does not know is kept and listed. */
const LeverRefSchema = v.pipe(
	v.string('identifiant de levier attendu'),
	v.regex(/^[a-z0-9-]{1,60}$/, 'identifiant de levier invalide')
);

/** An amount (budget, indicator target): its range is checked on import (actionProblems). */
const amount = v.number('nombre attendu');

/**
 * Version 5: one action of a campaign's plan (PlanAction, plan/action.ts). Its texts are read
 * at any length and shortened on import, its unknown levers and services kept and listed.
 */
export const ExportedActionSchema = v.object({
	id: IdSchema,
	campaignId: IdSchema,
	title: named,
	description: v.optional(typed),
	objectives: v.optional(typed),
	levers: v.pipe(v.array(LeverRefSchema), v.maxLength(50)),
	pilot: v.optional(ModuleRefSchema),
	partners: v.pipe(v.array(ModuleRefSchema), v.maxLength(50)),
	responsible: v.optional(v.object({ name: v.optional(typed), role: v.optional(typed) })),
	startDate: v.optional(DaySchema),
	dueDate: v.optional(DaySchema),
	status: v.picklist(ACTION_STATUSES, 'statut d’action non prévu'),
	priority: v.picklist(
		ACTION_PRIORITIES,
		'priorité attendue\u202f: "elevee", "moyenne" ou "basse"'
	),
	budget: v.optional(amount),
	indicator: v.optional(
		v.object({ name: typed, target: v.optional(amount), unit: v.optional(typed) })
	),
	steps: v.pipe(
		v.array(v.object({ id: IdSchema, text: typed, done: v.boolean('vrai ou faux attendu') })),
		v.maxLength(MAX_ACTION_ITEMS)
	),
	followUps: v.pipe(
		v.array(v.object({ id: IdSchema, date: DaySchema, text: typed })),
		v.maxLength(MAX_ACTION_ITEMS)
	),
	source: v.variant('kind', [
		v.object({ kind: v.literal('manual') }),
		v.object({
			kind: v.literal('recommendation'),
			lever: LeverRefSchema,
			index: count(1000)
		}),
		v.object({ kind: v.literal('carried'), campaignId: IdSchema, actionId: IdSchema })
	]),
	revision: count(MAX_REVISION),
	lineage: v.pipe(v.array(CheckpointSchema), v.maxLength(MAX_LINEAGE)),
	createdAt: TimestampSchema,
	updatedAt: TimestampSchema
});

/** The most actions a file may hold. */
export const MAX_FILE_ACTIONS = 100_000;

/** A whole file of version 5. */
export const ExportFileSchema = v.object({
	format: v.literal(FORMAT_NAME),
	version: v.literal(FORMAT_VERSION),
	app: v.object({ name: text(100), version: text(50) }),
	exportedAt: TimestampSchema,
	device: IdSchema,
	scope: v.picklist(EXPORT_SCOPES),
	questionnaires: v.pipe(
		v.array(v.object({ module: ModuleRefSchema, version: count(1e6) })),
		v.maxLength(100)
	),
	campaigns: v.pipe(v.array(ExportedCampaignSchema), v.maxLength(10_000)),
	diagnostics: v.pipe(v.array(ExportedDiagnosticSchema), v.maxLength(100_000)),
	/** Version 5: the actions of the campaigns' plans (format-actions.ts checks each one). */
	actions: v.pipe(v.array(v.unknown()), v.maxLength(MAX_FILE_ACTIONS))
});

/**
 * A file of version 5 with its diagnostics and actions not yet checked: read.ts checks each one
 * on its own, so that one damaged diagnostic or action is set aside instead of refusing a whole
 * backup.
 */
export const ExportEnvelopeSchema = v.object({
	...ExportFileSchema.entries,
	diagnostics: v.pipe(v.array(v.unknown()), v.maxLength(100_000))
});

/**
 * The envelope of versions 2 to 4 (no actions), which their schemas (format-v2..v4.ts) take
 * with their own version number.
 */
export const PlanlessEnvelopeSchema = v.omit(ExportEnvelopeSchema, ['actions', 'version']);

/** An exchange file of the current version, its actions checked (format-actions.ts). */
export type ExportFile = Omit<v.InferOutput<typeof ExportFileSchema>, 'actions'> & {
	actions: ExportedAction[];
};
/** A campaign as written in a file. */
export type ExportedCampaign = v.InferOutput<typeof ExportedCampaignSchema>;
/** A diagnostic as written in a file. */
export type ExportedDiagnostic = v.InferOutput<typeof ExportedDiagnosticSchema>;
/** A retired answer as written in a file. */
export type ExportedRetiredAnswer = v.InferOutput<typeof ExportedRetiredAnswerSchema>;

export type { AnswerRecord };
/** An action as written in a file. */
export type ExportedAction = v.InferOutput<typeof ExportedActionSchema>;

/** A diagnostic with every stored answer, notes without a value included: what is exchanged. */
export interface DiagnosticSnapshot extends Diagnostic {
	answers: AnswerRecord[];
}
