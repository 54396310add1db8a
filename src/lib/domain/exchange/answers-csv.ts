/**
 * The answers of a campaign in long format, one row per answer, for a spreadsheet's filters and
 * pivot tables.
 */
import { isExternalPartner, otherPartnerOf, type Campaign } from '../answers';
import {
	EXTERNAL_PARTNER_LABELS,
	OBLIGATION_LABELS,
	QUESTION_KIND_LABELS,
	SCALE_LABELS
} from '../content/labels';
import { moduleQuestions, type Module, type Question } from '../content/questionnaire';
import { complianceOf } from '../scoring/obligations';
import { compareForSelection } from '../scoring/selection';
import { csvDateTime, toCsv, type CsvCell } from './csv';
import type { AnswerRecord, DiagnosticSnapshot } from './format';

/** Column headers of the answers file. */
export const ANSWER_COLUMNS = [
	'Démarche',
	'Service',
	'Identifiant de la question',
	'Question',
	'Valeur',
	'Libellé de la valeur',
	'Note',
	'Date de la réponse',
	// Last, so that the columns of files exported before obligations keep their places.
	'Type de question'
] as const;

/** The diagnostic that counts for each expected module (the rule of the scores), in module order. */
export function countedSnapshots(
	campaign: Campaign,
	diagnostics: readonly DiagnosticSnapshot[],
	modules: readonly Module[]
): DiagnosticSnapshot[] {
	const best = (a: DiagnosticSnapshot, b: DiagnosticSnapshot) =>
		compareForSelection({ ...a, answers: {} }, { ...b, answers: {} });
	return modules
		.filter((m) => campaign.modules.includes(m.id))
		.flatMap((m) => {
			const mine = diagnostics.filter((d) => d.campaignId === campaign.id && d.moduleId === m.id);
			return mine.sort(best).slice(0, 1);
		});
}

/** The French name of a partner: a module's short title, an external partner's label. */
function partnerName(id: string, titles: Map<string, string>, other: string | undefined): string {
	if (id === 'autre' && other !== undefined) return `Autre\u202f: ${other}`;
	return isExternalPartner(id) ? EXTERNAL_PARTNER_LABELS[id] : (titles.get(id) ?? id);
}

/**
 * The value as stored and its French label. An obligation's label is its compliance, a level
 * given before the question became one included (3 → « Conforme »); a cooperation answer's, its
 * partners, « Autre » with the text typed; a value that fits no label (a question of another
 * version) has none.
 */
function valueCells(
	answer: AnswerRecord,
	kind: Question['type'] | undefined,
	titles: Map<string, string>
): [CsvCell, CsvCell] {
	const { value } = answer;
	if (value === null) return [null, null];
	if (Array.isArray(value)) {
		const other = otherPartnerOf(answer);
		const names = value.map((m) => partnerName(m, titles, other));
		return [value.join(', '), names.join(', ') || 'Aucun service'];
	}
	if (kind === 'obligation') {
		const compliance = complianceOf(value);
		return [String(value), compliance ? OBLIGATION_LABELS[compliance].label : null];
	}
	const scale = Object.hasOwn(SCALE_LABELS, value)
		? SCALE_LABELS[value as keyof typeof SCALE_LABELS]
		: undefined;
	return [String(value), scale?.label ?? null];
}

/** The CSV text: a header row, then one row per answer (or note), in questionnaire order. */
export function answersCsv(
	campaign: Campaign,
	diagnostics: readonly DiagnosticSnapshot[],
	modules: readonly Module[]
): string {
	const titles = new Map(modules.map((m) => [m.id as string, m.shortTitle]));
	const name = `${campaign.authority} — ${campaign.label}`;
	const rows: CsvCell[][] = [[...ANSWER_COLUMNS]];
	for (const d of diagnostics) {
		const module = modules.find((m) => m.id === d.moduleId);
		const questions = module ? moduleQuestions(module) : [];
		const order = new Map(questions.map((q, i) => [q.id, i]));
		const sorted = [...d.answers].sort(
			(a, b) => (order.get(a.questionId) ?? 1e9) - (order.get(b.questionId) ?? 1e9)
		);
		for (const a of sorted) {
			const question = questions.find((q) => q.id === a.questionId);
			rows.push([
				name,
				module?.title ?? d.moduleId,
				a.questionId,
				question?.text ?? null,
				...valueCells(a, question?.type, titles),
				a.note ?? null,
				csvDateTime(a.changedAt),
				question ? QUESTION_KIND_LABELS[question.type] : null
			]);
		}
	}
	return toCsv(rows);
}
