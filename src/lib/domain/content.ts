/**
 * The questionnaire content shipped with the app, validated once when first imported.
 * Files live in questionnaires/ at the top of the repository; see questionnaires/README.md.
 */
import leversFile from '../../../questionnaires/levers.json';
import economie from '../../../questionnaires/economie.json';
import dechets from '../../../questionnaires/dechets.json';
import eau from '../../../questionnaires/eau.json';
import urbanisme from '../../../questionnaires/urbanisme.json';
import cantines from '../../../questionnaires/cantines.json';
import marches from '../../../questionnaires/marches.json';
import transversal from '../../../questionnaires/transversal.json';
import {
	formatProblem,
	parseLevers,
	parseModule,
	type Lever,
	type LeverId,
	type Module,
	type ModuleId,
	type ParseResult
} from './questionnaire';

function orThrow<T>(r: ParseResult<T>): T {
	if (r.ok) return r.value;
	throw new Error(`Contenu invalide :\n${r.problems.map(formatProblem).join('\n')}`);
}

/** The nine levers, in radar order. */
export const levers: Lever[] = orThrow(parseLevers('levers.json', leversFile));

/** The seven modules, in display order. */
export const modules: Module[] = [
	economie,
	dechets,
	eau,
	urbanisme,
	cantines,
	marches,
	transversal
].map((data, i) => orThrow(parseModule(`module n° ${i + 1}`, data)));

/** Looks up a module by id. */
export function getModule(id: string): Module | undefined {
	return modules.find((m) => m.id === id);
}

/** Looks up a lever by id; every LeverId exists (checked by the content tests). */
export function getLever(id: LeverId): Lever {
	return levers.find((l) => l.id === id)!;
}

/** Whether a string is one of the seven module ids. */
export function isModuleId(id: string): id is ModuleId {
	return modules.some((m) => m.id === id);
}

/** The shipped questionnaire, as the scoring engine takes it. */
export const questionnaire = { modules, levers } as const;
