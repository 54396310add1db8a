/**
 * How big a module is, as the module lists say it: practice questions (the scale, what a service
 * is scored on) and legal obligations (a checklist worth no points) counted apart.
 */
import { moduleQuestions, type Module } from './questionnaire';

/** The counts of one module. */
export interface ModuleSize {
	/** Questions on the 0–4 scale. */
	scale: number;
	/** Legal obligations (compliance items). */
	obligations: number;
	/** Cooperation questions (which services the service works with). */
	cooperation: number;
	themes: number;
}

/** Counts the questions of a module by kind. */
export function moduleSize(module: Module): ModuleSize {
	const questions = moduleQuestions(module);
	const count = (type: string) => questions.filter((q) => q.type === type).length;
	return {
		scale: count('scale'),
		obligations: count('obligation'),
		cooperation: count('cooperation'),
		themes: module.themes.length
	};
}

const plural = (n: number, one: string) => `${n} ${n > 1 ? `${one}s` : one}`;

/**
 * The French line under a module's title: « 12 questions, 3 obligations · 4 thèmes », without the
 * obligations when there are none. Cooperation questions are not counted, as before obligations.
 */
export function describeModuleSize(size: ModuleSize): string {
	const questions = [plural(size.scale, 'question')];
	if (size.obligations > 0) questions.push(plural(size.obligations, 'obligation'));
	return `${questions.join(', ')} · ${plural(size.themes, 'thème')}`;
}
