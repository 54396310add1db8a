/**
 * A file's diagnostic answered against an older questionnaire version, carried to the current
 * one by the mappings (migration/) before its answers are checked against the current module:
 * an old file then imports with its answers where they belong now and its retired answers kept.
 * Any format version goes through here, after read.ts brought the file to the current format.
 */
import type { AnswerRecord, RetiredAnswer } from '../answers';
import type { DiagnosticMigration } from '../migration/migrate';
import type { ExportedDiagnostic, ExportedRetiredAnswer } from './format';

type ExportedAnswer = ExportedDiagnostic['answers'][number];

const iso = (ms: number) => new Date(ms).toISOString();

const toRecord = (a: ExportedAnswer): AnswerRecord => ({
	questionId: a.question,
	value: a.value as AnswerRecord['value'],
	...(a.note === undefined ? {} : { note: a.note }),
	...(a.otherPartner === undefined ? {} : { otherPartner: a.otherPartner }),
	changedAt: Date.parse(a.changedAt)
});

const toExported = (a: AnswerRecord): ExportedAnswer => ({
	question: a.questionId,
	value: a.value,
	...(a.note === undefined ? {} : { note: a.note }),
	...(a.otherPartner === undefined ? {} : { otherPartner: a.otherPartner }),
	changedAt: iso(a.changedAt)
});

/** A retired answer of a file as the device holds it. */
export const toRetired = (r: ExportedRetiredAnswer): RetiredAnswer => ({
	questionId: r.question,
	text: r.text,
	value: r.value as RetiredAnswer['value'],
	...(r.note === undefined ? {} : { note: r.note }),
	changedAt: Date.parse(r.changedAt),
	fromVersion: r.fromVersion,
	...(r.reason === undefined ? {} : { reason: r.reason })
});

const toExportedRetired = (r: RetiredAnswer): ExportedRetiredAnswer => ({
	question: r.questionId,
	text: r.text,
	value: r.value,
	...(r.note === undefined ? {} : { note: r.note }),
	changedAt: iso(r.changedAt),
	fromVersion: r.fromVersion,
	...(r.reason === undefined ? {} : { reason: r.reason })
});

/** What the migration of a file's diagnostic did, for the preview. */
export interface IncomingMigration {
	diagnostic: ExportedDiagnostic;
	/** The version it was answered against, when it was migrated. */
	from?: number;
	/** How many of its answers the migration kept apart as retired answers. */
	retired: number;
}

/**
 * The diagnostic brought to the current version of its module (the same object when nothing
 * moves). A second answer to the same question is not migrated but left after the others as
 * it was, so that incoming.ts sets it aside (never merged with the first).
 */
export function migrateIncoming(
	d: ExportedDiagnostic,
	migrate: DiagnosticMigration
): IncomingMigration {
	const firsts = new Map<string, ExportedAnswer>();
	for (const a of d.answers) if (!firsts.has(a.question)) firsts.set(a.question, a);
	const before = {
		moduleId: d.module,
		questionnaireVersion: d.questionnaireVersion,
		status: d.status,
		answers: [...firsts.values()].map(toRecord),
		...(d.retired ? { retired: d.retired.map(toRetired) } : {})
	};
	const after = migrate(before);
	if (after === before) return { diagnostic: d, retired: 0 };
	const duplicates = d.answers.filter((a) => firsts.get(a.question) !== a);
	const retired = after.retired ?? [];
	return {
		diagnostic: {
			...d,
			questionnaireVersion: after.questionnaireVersion,
			status: after.status ?? d.status,
			answers: [...after.answers.map(toExported), ...duplicates],
			...(retired.length > 0 ? { retired: retired.map(toExportedRetired) } : {})
		},
		from: d.questionnaireVersion,
		retired: retired.length - (d.retired?.length ?? 0)
	};
}
