/**
 * Answers given against an older version of a module, carried to the current version by the
 * mapping files (questionnaires/migrations/README.md): kept, renamed, merged, read as a
 * compliance, or retired. Nothing is lost: an answer with no place in the new version, and every
 * answer merged into another, is kept as a retired answer.
 *
 * Deterministic on purpose: the revision, the dates and the order of the input do not change
 * the result, so two devices that migrate the same diagnostic hold equal copies (an import then
 * finds them identical) and the migration never counts as a change.
 */
import type { Answer, AnswerRecord, RetiredAnswer } from '../answers';
import { shorten, TEXT_LIMITS } from '../content/text-limits';
import { complianceOf } from '../scoring/obligations';
import type { MappingFile } from './mapping';

/** What a migration needs of a diagnostic: its module, version, status and answers. */
export interface MigratableDiagnostic {
	moduleId: string;
	questionnaireVersion: number;
	status?: 'draft' | 'complete';
	answers: AnswerRecord[];
	retired?: RetiredAnswer[];
}

/**
 * Brings a diagnostic answered against an older questionnaire version to the current one (the
 * same object when there is nothing to do): the shipped mappings in the app (shipped.ts),
 * hand-made ones in tests.
 */
export type DiagnosticMigration = <D extends MigratableDiagnostic>(diagnostic: D) => D;

/** The texts of the questions of older versions: version → question id → text. */
export type QuestionTexts = ReadonlyMap<number, ReadonlyMap<string, string>>;

/** The reason given to an answer merged into another question, when its mapping gives none. */
export const MERGED_REASON =
	'Reprise, avec d’autres réponses de la version précédente, dans une seule question.';

/** The reason given to a kept answer whose value changed when other answers were merged into it. */
export const KEPT_IN_MERGE_REASON =
	'Réponse donnée à cette question dans la version précédente\u202f; la question reprend maintenant aussi d’autres réponses, et la réponse comptée est la plus basse.';

/**
 * The mapping files that lead a module from version `from` to `to`, in order; null when a step
 * is missing (the diagnostic then stays as it is, reported as answered against another version).
 */
export function migrationChain(
	moduleId: string,
	from: number,
	to: number,
	mappings: readonly MappingFile[]
): MappingFile[] | null {
	if (!Number.isInteger(from) || from < 1) return null;
	const chain: MappingFile[] = [];
	for (let version = from; version < to; version++) {
		const step = mappings.find((m) => m.module === moduleId && m.from === version);
		if (!step) return null;
		chain.push(step);
	}
	return chain;
}

/**
 * A diagnostic brought to `currentVersion` of its module: its answers carried by each mapping of
 * the chain, its retired answers added. Returned unchanged (the same object) when it is already at
 * that version, from a newer one, or when no chain of mappings leads there. The revision and the
 * dates are kept: migrating is not a change of the respondent's. A complete diagnostic is
 * reopened (draft) when a question of `questionIds`, the current module's, is left unanswered:
 * the new questions show as unanswered, as they are.
 */
export function migrateDiagnostic<D extends MigratableDiagnostic>(
	diagnostic: D,
	currentVersion: number,
	mappings: readonly MappingFile[],
	texts: QuestionTexts,
	questionIds: readonly string[] = []
): D {
	if (diagnostic.questionnaireVersion >= currentVersion) return diagnostic;
	const chain = migrationChain(
		diagnostic.moduleId,
		diagnostic.questionnaireVersion,
		currentVersion,
		mappings
	);
	if (!chain) return diagnostic;
	let answers = diagnostic.answers;
	const retired = [...(diagnostic.retired ?? [])];
	for (const step of chain) {
		const moved = migrateStep(answers, step, texts.get(step.from));
		answers = moved.answers;
		retired.push(...moved.retired);
	}
	const answered = new Set(answers.filter((a) => a.value !== null).map((a) => a.questionId));
	const reopen = diagnostic.status === 'complete' && questionIds.some((id) => !answered.has(id));
	return {
		...diagnostic,
		questionnaireVersion: currentVersion,
		answers,
		...(retired.length > 0 ? { retired } : {}),
		...(reopen ? { status: 'draft' } : {})
	};
}

const hasContent = (a: AnswerRecord) => a.value !== null || !!a.note?.trim();

const copyValue = (value: AnswerRecord['value']): AnswerRecord['value'] =>
	Array.isArray(value) ? [...value] : value;

/** One step: the answers of version `step.from` as answers and retired answers of the next. */
function migrateStep(
	answers: readonly AnswerRecord[],
	step: MappingFile,
	texts: ReadonlyMap<string, string> | undefined
): { answers: AnswerRecord[]; retired: RetiredAnswer[] } {
	// The mapping's order, not the input's (a database and a file list answers differently),
	// orders merged notes and retired answers.
	const order = new Map(Object.keys(step.questions).map((id, i) => [id, i]));
	const rank = (a: AnswerRecord) => order.get(a.questionId) ?? order.size;
	const sorted = [...answers].sort(
		(a, b) => rank(a) - rank(b) || (a.questionId < b.questionId ? -1 : 1)
	);
	const groups = new Map<string, AnswerRecord[]>();
	const retired: RetiredAnswer[] = [];
	const passed: AnswerRecord[] = [];
	const retiredSources = new Set<AnswerRecord>();
	const carry = (target: string, a: AnswerRecord) =>
		groups.set(target, [...(groups.get(target) ?? []), a]);
	const retire = (a: AnswerRecord, reason?: string) => {
		if (!hasContent(a)) return;
		retired.push({
			questionId: a.questionId,
			text: texts?.get(a.questionId) ?? a.questionId,
			value: copyValue(a.value),
			...(a.note?.trim() ? { note: a.note } : {}),
			changedAt: a.changedAt,
			fromVersion: step.from,
			...(reason ? { reason } : {})
		});
	};
	for (const a of sorted) {
		const action = Object.hasOwn(step.questions, a.questionId)
			? step.questions[a.questionId]
			: undefined;
		if (!action) {
			// Not a question of that version: left as it is, for the import to judge.
			passed.push(a);
			continue;
		}
		switch (action.action) {
			case 'keep':
				carry(a.questionId, a);
				break;
			case 'rename':
				carry(action.to, a);
				break;
			case 'obligation': {
				const level =
					typeof a.value === 'number'
						? action.levels?.[String(a.value) as '0' | '1' | '2' | '3' | '4']
						: undefined;
				const value = a.value === null ? null : (level ?? complianceOf(a.value));
				if (value === undefined) retire(a);
				else carry(action.to, { ...a, value });
				// A level read its own way stays in view, with why, as a retired answer.
				if (level !== undefined) {
					retire(a, action.reason);
					retiredSources.add(a);
				}
				break;
			}
			case 'merge':
				carry(action.into, a);
				retire(a, action.reason ?? MERGED_REASON);
				retiredSources.add(a);
				break;
			case 'retire':
				retire(a, action.reason);
		}
	}
	const out: AnswerRecord[] = [];
	for (const a of passed) {
		if (groups.has(a.questionId)) retire(a);
		else out.push(a);
	}
	for (const [target, sources] of groups) {
		const merged = mergeAnswers(target, sources);
		out.push(merged);
		// A kept (or renamed) answer whose value the merge changed stays in view as it was given.
		const changed = (a: AnswerRecord) => JSON.stringify(a.value) !== JSON.stringify(merged.value);
		if (sources.length > 1)
			for (const a of sources)
				if (!retiredSources.has(a) && changed(a)) retire(a, KEPT_IN_MERGE_REASON);
	}
	return { answers: out, retired };
}

/** One answer from those carried to the same question (most often one). */
function mergeAnswers(target: string, sources: readonly AnswerRecord[]): AnswerRecord {
	if (sources.length === 1) return { ...sources[0]!, questionId: target };
	const notes = sources.map((s) => s.note?.trim()).filter((n): n is string => !!n);
	const other = sources.find((s) => s.otherPartner)?.otherPartner;
	return {
		questionId: target,
		value: mergedValue(sources.map((s) => s.value)),
		...(notes.length > 0 ? { note: shorten(notes.join('\n'), TEXT_LIMITS.note) } : {}),
		...(other ? { otherPartner: other } : {}),
		changedAt: Math.max(...sources.map((s) => s.changedAt))
	};
}

const COMPLIANCE_ORDER = ['non-conforme', 'en-cours', 'conforme'] as const;

/**
 * The value of a merged question: the lowest level among the answers that have one (a merged
 * question asks for all its parts); for an obligation the worst compliance; for a cooperation
 * question every partner named; else « Je ne sais pas » if any said so, else « Non concerné ».
 * Null when only notes were written.
 */
export function mergedValue(values: readonly AnswerRecord['value'][]): AnswerRecord['value'] {
	const given = values.filter((v): v is Answer['value'] => v !== null);
	if (given.length === 0) return null;
	const lists = given.filter((v) => Array.isArray(v));
	if (lists.length > 0) return [...new Set(lists.flat())];
	const levels = given.filter((v): v is 0 | 1 | 2 | 3 | 4 => typeof v === 'number');
	const compliance = given.some((v) => typeof v === 'string' && v !== 'na' && v !== 'nsp');
	if (compliance) {
		const ranks = given
			.map((v) => COMPLIANCE_ORDER.indexOf(complianceOf(v) as never))
			.filter((r) => r >= 0);
		return COMPLIANCE_ORDER[Math.min(...ranks)]!;
	}
	if (levels.length > 0) return Math.min(...levels) as Answer['value'];
	return given.includes('nsp') ? 'nsp' : 'na';
}
