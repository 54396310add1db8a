/**
 * The exchange file, version 4 (current): one valibot schema for what an import accepts, the
 * types it infers, and the constants of the format. docs/format.md explains every field and
 * docs/leviers-export.schema.json publishes the same rules as a JSON Schema.
 */
import * as v from 'valibot';
import { MAX_OTHER_PARTNER, type AnswerRecord, type Diagnostic } from '../answers';
import { MAX_LINEAGE, MAX_REVISION } from './limits';

/** The `format` field of every exchange file. */
export const FORMAT_NAME = 'leviers-export';

/** The version the app writes. Older ones are migrated on import (MIGRATIONS, read.ts). */
export const FORMAT_VERSION = 4;

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

/** A whole file of version 4. */
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
	diagnostics: v.pipe(v.array(ExportedDiagnosticSchema), v.maxLength(100_000))
});

/**
 * A file of version 4 with its diagnostics not yet checked: read.ts checks each one on its
 * own, so that one damaged diagnostic is set aside instead of refusing a whole backup.
 */
export const ExportEnvelopeSchema = v.object({
	...ExportFileSchema.entries,
	diagnostics: v.pipe(v.array(v.unknown()), v.maxLength(100_000))
});

/** An exchange file of the current version. */
export type ExportFile = v.InferOutput<typeof ExportFileSchema>;
/** A campaign as written in a file. */
export type ExportedCampaign = v.InferOutput<typeof ExportedCampaignSchema>;
/** A diagnostic as written in a file. */
export type ExportedDiagnostic = v.InferOutput<typeof ExportedDiagnosticSchema>;
/** A retired answer as written in a file. */
export type ExportedRetiredAnswer = v.InferOutput<typeof ExportedRetiredAnswerSchema>;

export type { AnswerRecord };

/** A diagnostic with every stored answer, notes without a value included: what is exchanged. */
export interface DiagnosticSnapshot extends Diagnostic {
	answers: AnswerRecord[];
}
