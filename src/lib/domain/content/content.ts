/**
 * The questionnaire content shipped with the app. Files live in questionnaires/ at the top of
 * the repository (see questionnaires/README.md); they are validated against the schema by the
 * unit tests (content.test.ts), which gate every build, so the app does not parse them again at
 * start-up: that would cost every page load the validation library and ~100 ms of a slow phone.
 */
import leversFile from '../../../../questionnaires/levers.json';
import economie from '../../../../questionnaires/economie.json';
import dechets from '../../../../questionnaires/dechets.json';
import eau from '../../../../questionnaires/eau.json';
import urbanisme from '../../../../questionnaires/urbanisme.json';
import cantines from '../../../../questionnaires/cantines.json';
import marches from '../../../../questionnaires/marches.json';
import transversal from '../../../../questionnaires/transversal.json';
import type { Lever, LeverId, Module, ModuleId } from './questionnaire';

/** The nine levers, in radar order. */
export const levers: Lever[] = leversFile.levers as Lever[];

/** The seven modules, in display order. */
export const modules: Module[] = [
	economie,
	dechets,
	eau,
	urbanisme,
	cantines,
	marches,
	transversal
] as Module[];

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
