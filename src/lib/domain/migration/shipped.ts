/**
 * The mapping files shipped with the app and the frozen texts of older questions, imported
 * statically like the questionnaires (content.ts). They are validated by the unit tests
 * (shipped-migration.test.ts), not at start-up.
 */
import v1Questions from '../../../../questionnaires/migrations/v1-questions.json';
import economie12 from '../../../../questionnaires/migrations/economie-1-2.json';
import dechets12 from '../../../../questionnaires/migrations/dechets-1-2.json';
import eau12 from '../../../../questionnaires/migrations/eau-1-2.json';
import urbanisme12 from '../../../../questionnaires/migrations/urbanisme-1-2.json';
import cantines12 from '../../../../questionnaires/migrations/cantines-1-2.json';
import marches12 from '../../../../questionnaires/migrations/marches-1-2.json';
import transversal12 from '../../../../questionnaires/migrations/transversal-1-2.json';
import { modules } from '../content/content';
import { moduleQuestions, type ModuleId } from '../content/questionnaire';
import type { MappingFile } from './mapping';
import { migrateDiagnostic, type DiagnosticMigration, type QuestionTexts } from './migrate';

/**
 * Every file questionnaires/migrations/<module>-<from>-<to>.json: the one list to edit when a
 * module's version goes up (a test checks that every file of the folder is listed here). A module
 * without a file keeps its answers as they are.
 */
export const SHIPPED_MAPPINGS: readonly MappingFile[] = [
	economie12,
	dechets12,
	eau12,
	urbanisme12,
	cantines12,
	marches12,
	transversal12
] as MappingFile[];

/** The frozen question lists of older versions (v<n>-questions.json), by version. */
const FROZEN_QUESTIONS = [v1Questions] as {
	modules: Record<string, { version: number; questions: { id: string; text: string }[] }>;
}[];

/** The texts of the questions of older versions, for the retired answers. */
export const SHIPPED_TEXTS: QuestionTexts = new Map(
	FROZEN_QUESTIONS.flatMap((file) => {
		const byVersion = new Map<number, Map<string, string>>();
		for (const m of Object.values(file.modules)) {
			const texts = byVersion.get(m.version) ?? new Map<string, string>();
			for (const q of m.questions) texts.set(q.id, q.text);
			byVersion.set(m.version, texts);
		}
		return [...byVersion];
	})
);

/** The current version of a module; undefined for a module the app does not know. */
export function currentVersion(moduleId: string): number | undefined {
	return modules.find((m) => m.id === moduleId)?.version;
}

const questionIds = new Map(modules.map((m) => [m.id, moduleQuestions(m).map((q) => q.id)]));

/**
 * A diagnostic brought to the shipped version of its module by the shipped mappings; the same
 * object when there is nothing to do (current, newer, unknown module or no mapping).
 */
export const migrateToCurrent: DiagnosticMigration = (diagnostic) => {
	const version = currentVersion(diagnostic.moduleId);
	if (version === undefined) return diagnostic;
	return migrateDiagnostic(
		diagnostic,
		version,
		SHIPPED_MAPPINGS,
		SHIPPED_TEXTS,
		questionIds.get(diagnostic.moduleId as ModuleId)
	);
};
