/**
 * For tests: whether a migration lost an answer. Every answer given (a value or a note) must be
 * found again, with its value, at the question its mappings lead to (a compliance read from a
 * level excepted), or among the retired answers.
 */
import type { MappingFile } from '../migration/mapping';
import { migrationChain, type MigratableDiagnostic } from '../migration/migrate';

/** The question ids of `before` whose answer is neither carried nor retired in `after`. */
export function lostAnswers(
	before: MigratableDiagnostic,
	after: MigratableDiagnostic,
	mappings: readonly MappingFile[]
): string[] {
	const chain =
		migrationChain(
			before.moduleId,
			before.questionnaireVersion,
			after.questionnaireVersion,
			mappings
		) ?? [];
	const answered = new Map(after.answers.map((a) => [a.questionId, a]));
	const retired = new Set((after.retired ?? []).map((r) => `${r.fromVersion}/${r.questionId}`));
	const lost: string[] = [];
	for (const a of before.answers) {
		if (a.value === null && !a.note?.trim()) continue;
		let id = a.questionId;
		let found: boolean | undefined;
		// A value read as a compliance changes legitimately; any other carried value is as given.
		let converted = false;
		for (const step of chain) {
			if (retired.has(`${step.from}/${id}`)) {
				found = true;
				break;
			}
			const action = step.questions[id];
			if (action?.action === 'obligation') converted = true;
			if (action?.action === 'rename' || action?.action === 'obligation') id = action.to;
			else if (action?.action === 'merge' || action?.action === 'retire') {
				found = false;
				break;
			}
		}
		const carried = answered.get(id);
		const same =
			carried !== undefined &&
			(converted || a.value === null || JSON.stringify(carried.value) === JSON.stringify(a.value));
		if (!(found ?? same)) lost.push(a.questionId);
	}
	return lost;
}

/** How many answers hold something (a value or a note). */
export function answersWithContent(d: Pick<MigratableDiagnostic, 'answers'>): number {
	return d.answers.filter((a) => a.value !== null || !!a.note?.trim()).length;
}
