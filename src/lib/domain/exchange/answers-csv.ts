/**
 * The answers of a campaign in long format, one row per answer, for a spreadsheet's filters and
 * pivot tables.
 */
import type { Campaign, ScaleValue } from '../answers';
import { SCALE_LABELS } from '../content/labels';
import { moduleQuestions, type Module } from '../content/questionnaire';
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
	'Date de la réponse'
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

function valueCells(value: AnswerRecord['value'], titles: Map<string, string>): [CsvCell, CsvCell] {
	if (value === null) return [null, null];
	if (Array.isArray(value))
		return [value.join(', '), value.map((m) => titles.get(m) ?? m).join(', ') || 'Aucun service'];
	return [String(value), SCALE_LABELS[`${value as ScaleValue}`].label];
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
				...valueCells(a.value, titles),
				a.note ?? null,
				csvDateTime(a.changedAt)
			]);
		}
	}
	return toCsv(rows);
}
