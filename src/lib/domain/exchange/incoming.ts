/**
 * A file's records turned into the device's, keeping only what the shipped questionnaire can
 * hold: unknown modules, questions and values are set aside and reported, never stored; texts
 * over their limit are shortened, an answer dated after the export is kept at the export's
 * date, a history kept within the bounds of limits.ts, a "complete" diagnostic with unanswered
 * questions reopened, each reported. A diagnostic stored with less than the file held gets a
 * partial checkpoint (lineage.ts), so that it never replaces the sender's fuller copy.
 */
import {
	EXTERNAL_PARTNER_IDS,
	SCALE_VALUES,
	type Answer,
	type Campaign,
	type Origin
} from '../answers';
import {
	moduleQuestions,
	type Module,
	type ModuleId,
	type Question
} from '../content/questionnaire';
import { complianceOf } from '../scoring/obligations';
import { shorten, TEXT_LIMITS, type LimitedText } from '../content/text-limits';
import { FUTURE_MARGIN, SANE_REVISION } from './limits';
import { compactLineage, partialHistory } from './lineage';
import { toRetired } from './migrate-incoming';
import type {
	AnswerRecord,
	DiagnosticSnapshot,
	ExportedCampaign,
	ExportedDiagnostic
} from './format';

/** Why part of a file is left out of the import. */
export type SetAsideReason =
	| 'unknown-module'
	| 'unknown-campaign'
	| 'other-campaign'
	| 'empty-campaign'
	| 'duplicate'
	| 'history'
	| 'unknown-question'
	| 'invalid-value'
	| 'duplicate-answer'
	| 'unknown-campaign-module'
	| 'too-long'
	| 'invalid'
	| 'revision'
	| 'incomplete'
	| 'future-date';

/** Something of the file left out, with where it was. */
export interface SetAside {
	reason: SetAsideReason;
	campaignId?: string;
	diagnosticId?: string;
	/** The module id as the file wrote it. */
	moduleId?: string;
	questionId?: string;
	/** The text shortened, for 'too-long'. */
	field?: LimitedText;
	/** For 'invalid': the diagnostic's place in the file (from 1), its first error, their number. */
	position?: number;
	detail?: string;
	errors?: number;
	/** For 'revision': the file's revision, replaced by a fresh history. */
	revision?: number;
	/** For 'incomplete': questions without an answer, out of `questions`. */
	missing?: number;
	questions?: number;
	/** For 'future-date': the answer's date, kept as the file's export date (epoch ms). */
	changedAt?: number;
	exportedAt?: number;
}

/** What incomingDiagnostic needs to know of the file itself. */
export interface FileFacts {
	device: string;
	/** Epoch ms of the export. */
	exportedAt: number;
	/** A new unique id, for the checkpoint names of the histories the import starts. */
	newId: () => string;
}

/** A text within its limit: shortened (and reported) when the file's is longer. */
function fit(
	text: string,
	field: LimitedText,
	where: Omit<SetAside, 'reason' | 'field'>,
	aside: SetAside[]
): string {
	const max = TEXT_LIMITS[field];
	if (text.length <= max) return text;
	aside.push({ reason: 'too-long', field, ...where });
	// A name is stored trimmed: a cut must not leave a space at its end.
	return field === 'note' ? shorten(text, max) : shorten(text, max).trimEnd();
}

/** The kind of a question: scale (a practice), obligation or cooperation. */
export type QuestionKind = Question['type'];

/** The shipped modules, indexed for checking answers. */
export type ModuleTable = ReadonlyMap<string, { module: Module; kinds: Map<string, QuestionKind> }>;

/** Indexes the modules: id → module and question id → question type. */
export function moduleTable(modules: readonly Module[]): ModuleTable {
	return new Map(
		modules.map((m) => [
			m.id,
			{ module: m, kinds: new Map(moduleQuestions(m).map((q) => [q.id, q.type])) }
		])
	);
}

/** A campaign of the file, its unknown modules set aside. */
export function incomingCampaign(
	c: ExportedCampaign,
	table: ModuleTable,
	aside: SetAside[]
): Campaign {
	const modules: ModuleId[] = [];
	for (const m of c.modules) {
		if (table.has(m)) {
			if (!modules.includes(m as ModuleId)) modules.push(m as ModuleId);
		} else aside.push({ reason: 'unknown-campaign-module', campaignId: c.id, moduleId: m });
	}
	return {
		id: c.id,
		authority: fit(c.authority, 'authority', { campaignId: c.id }, aside),
		label: fit(c.label, 'label', { campaignId: c.id }, aside),
		modules,
		createdAt: Date.parse(c.createdAt),
		updatedAt: Date.parse(c.updatedAt)
	};
}

/**
 * Whether a value fits its question: a scale question takes a level, "na" or "nsp"; an obligation
 * a compliance, "na" or "nsp", or a level given before it became an obligation (kept as stored,
 * read by complianceOf); a cooperation question a list of other known modules and external
 * partners, each once.
 */
function validValue(
	kind: QuestionKind,
	value: Answer['value'] | null,
	own: string,
	table: ModuleTable
): boolean {
	if (value === null) return true;
	switch (kind) {
		case 'scale':
			return (SCALE_VALUES as readonly unknown[]).includes(value);
		case 'obligation':
			return complianceOf(value) !== undefined;
		case 'cooperation':
			return (
				Array.isArray(value) &&
				new Set(value).size === value.length &&
				value.every(
					(m) =>
						(m !== own && table.has(m)) || (EXTERNAL_PARTNER_IDS as readonly string[]).includes(m)
				)
			);
	}
}

/**
 * A diagnostic of the file as the device would store it (answers of unknown questions or with
 * a value of the wrong kind set aside), or null when its module is unknown.
 */
export function incomingDiagnostic(
	d: ExportedDiagnostic,
	table: ModuleTable,
	origin: Origin,
	file: FileFacts,
	aside: SetAside[]
): DiagnosticSnapshot | null {
	const entry = table.get(d.module);
	if (!entry) {
		aside.push({ reason: 'unknown-module', diagnosticId: d.id, moduleId: d.module });
		return null;
	}
	const answers: AnswerRecord[] = [];
	const seen = new Set<string>();
	const reported = aside.length;
	for (const a of d.answers) {
		const where = { diagnosticId: d.id, moduleId: d.module, questionId: a.question };
		const kind = entry.kinds.get(a.question);
		if (seen.has(a.question)) aside.push({ reason: 'duplicate-answer', ...where });
		else if (!kind) aside.push({ reason: 'unknown-question', ...where });
		else if (!validValue(kind, a.value as Answer['value'] | null, d.module, table))
			aside.push({ reason: 'invalid-value', ...where });
		else {
			let changedAt = Date.parse(a.changedAt);
			if (changedAt > file.exportedAt + FUTURE_MARGIN) {
				// Typed while the clock was ahead: the answer is kept, its date (which only drives
				// the backup reminder) brought back to the export's.
				aside.push({ reason: 'future-date', ...where, changedAt, exportedAt: file.exportedAt });
				changedAt = file.exportedAt;
			}
			const note = a.note?.trim() ? fit(a.note, 'note', where, aside) : '';
			// The « Autre (préciser) » text means something only beside "autre".
			const other =
				Array.isArray(a.value) && a.value.includes('autre') ? a.otherPartner?.trim() : '';
			if (a.value !== null || note.trim() !== '')
				answers.push({
					questionId: a.question,
					value: a.value as Answer['value'] | null,
					...(note.trim() !== '' ? { note } : {}),
					...(other ? { otherPartner: other } : {}),
					changedAt
				});
		}
		seen.add(a.question);
	}
	const who = { diagnosticId: d.id, moduleId: d.module };
	const name = fit(d.respondent?.name?.trim() ?? '', 'respondentName', who, aside) || undefined;
	const role = fit(d.respondent?.role?.trim() ?? '', 'respondentRole', who, aside) || undefined;
	// The repository marks a diagnostic complete only once every question has a value.
	const answered = new Set(answers.filter((a) => a.value !== null).map((a) => a.questionId));
	const missing = [...entry.kinds.keys()].filter((id) => !answered.has(id)).length;
	const reopen = d.status === 'complete' && missing > 0;
	if (reopen) aside.push({ reason: 'incomplete', ...who, missing, questions: entry.kinds.size });
	const retired = (d.retired ?? []).map(toRetired).map(({ note, ...r }) => {
		const kept = note?.trim() ? fit(note, 'note', { ...who, questionId: r.questionId }, aside) : '';
		return kept ? { ...r, note: kept } : r;
	});
	let history = boundedHistory(d, file.newId, aside);
	// Anything left out or changed but a date or the history: less than the file's state.
	if (aside.slice(reported).some((s) => s.reason !== 'future-date' && s.reason !== 'revision'))
		history = partialHistory(history.lineage, history.revision, file.newId);
	return {
		id: d.id,
		campaignId: d.campaignId,
		moduleId: entry.module.id,
		// The version its answers were checked against (a newer release's file included).
		questionnaireVersion: entry.module.version,
		status: reopen ? 'draft' : d.status,
		...history,
		...(name || role ? { respondent: { name, role } } : {}),
		createdAt: Date.parse(d.createdAt),
		updatedAt: Date.parse(d.updatedAt),
		origin,
		...(retired.length > 0 ? { retired } : {}),
		answers
	};
}

/**
 * The revision and lineage a diagnostic is stored with: its latest checkpoints, or a fresh
 * history (revision 1, one checkpoint of a new random name, never one of the sender's) when its
 * revision is beyond any real use, so that editing it can never pass the format's bound.
 */
function boundedHistory(d: ExportedDiagnostic, newId: () => string, aside: SetAside[]) {
	if (d.revision <= SANE_REVISION)
		return { revision: d.revision, lineage: compactLineage(d.lineage) };
	aside.push({ reason: 'revision', diagnosticId: d.id, moduleId: d.module, revision: d.revision });
	return { revision: 1, lineage: [{ device: newId(), revision: 1 }] };
}

const valueKey = (v: Answer['value'] | null) =>
	Array.isArray(v) ? [...v].sort().join(',') : String(v);

const answerKey = (r: AnswerRecord) =>
	`${valueKey(r.value)}\u0000${r.note ?? ''}\u0000${r.otherPartner ?? ''}`;

const retiredKey = (d: DiagnosticSnapshot) =>
	(d.retired ?? [])
		.map((r) => `${r.fromVersion}/${r.questionId}\u0000${valueKey(r.value)}\u0000${r.note ?? ''}`)
		.sort()
		.join('\u0001');

/** How many questions have a different value or note in the two copies. */
export function differingAnswers(a: DiagnosticSnapshot, b: DiagnosticSnapshot): number {
	// A cleared answer without a note is stored as an empty row but never exported: no answer.
	const keys = (d: DiagnosticSnapshot) =>
		new Map(
			d.answers.filter((r) => r.value !== null || r.note).map((r) => [r.questionId, answerKey(r)])
		);
	const mine = keys(a);
	const theirs = keys(b);
	const ids = new Set([...mine.keys(), ...theirs.keys()]);
	return [...ids].filter((id) => mine.get(id) !== theirs.get(id)).length;
}

/**
 * Whether two copies hold the same answers, notes, status, respondent and retired answers (dates
 * aside).
 */
export function sameContent(a: DiagnosticSnapshot, b: DiagnosticSnapshot): boolean {
	if (a.moduleId !== b.moduleId || a.status !== b.status) return false;
	if ((a.respondent?.name || '') !== (b.respondent?.name || '')) return false;
	if ((a.respondent?.role || '') !== (b.respondent?.role || '')) return false;
	return differingAnswers(a, b) === 0 && retiredKey(a) === retiredKey(b);
}
