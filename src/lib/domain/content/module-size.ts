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

/** Words a respondent reads per minute (French, careful reading of administrative text). */
export const READING_WORDS_PER_MINUTE = 180;

/** Minutes to decide and give one answer: recall what the service did, check a document. */
export const MINUTES_PER_ANSWER = 1;

const words = (text: string | undefined) => (text ? text.split(/\s+/).filter(Boolean).length : 0);

/** The words a respondent reads in a module: texts, helps, the bars of each level and the todos. */
export function moduleWords(module: Module): number {
	let n = words(module.description);
	for (const q of moduleQuestions(module)) {
		n += words(q.text) + words(q.help);
		if (q.type === 'scale') n += words(q.levels?.engage) + words(q.levels?.realise);
		if (q.type === 'obligation') n += words(q.todo);
	}
	return n;
}

/**
 * An honest estimate of the time a module takes, in minutes, rounded up to 5: everything read at
 * READING_WORDS_PER_MINUTE, plus MINUTES_PER_ANSWER for every question (practice, obligation and
 * cooperation alike). The `minutes` a module announces must be at least this (content-rules.ts).
 */
export function estimatedMinutes(module: Module): number {
	const answers = moduleQuestions(module).length;
	const minutes = moduleWords(module) / READING_WORDS_PER_MINUTE + answers * MINUTES_PER_ANSWER;
	return Math.ceil(minutes / 5) * 5;
}

const plural = (n: number, one: string) => `${n} ${n > 1 ? `${one}s` : one}`;

/** The time a module announces (its `minutes`), or the estimate while it announces none. */
export function announcedMinutes(module: Module): number {
	return module.minutes ?? estimatedMinutes(module);
}

/**
 * The time a service takes, as the home page says it: « 30 à 45 minutes » from the shortest and
 * longest of the modules' announced times, « 30 minutes » when they agree.
 */
export function describeMinutesRange(modules: readonly Module[]): string {
	return describeMinutes(modules.map(announcedMinutes));
}

/** The same from the announced times (as the catalogue holds them). */
export function describeMinutes(all: readonly number[]): string {
	if (all.length === 0) return '';
	const low = Math.min(...all);
	const high = Math.max(...all);
	return low === high ? `${low} minutes` : `${low} à ${high} minutes`;
}

/**
 * The French line under a module's title: « 12 questions, 3 obligations · 4 thèmes · environ
 * 35 min », without the obligations when there are none. Cooperation questions are not counted,
 * as before obligations; the time counts every question.
 */
export function describeModuleSize(size: ModuleSize, minutes?: number): string {
	const questions = [plural(size.scale, 'question')];
	if (size.obligations > 0) questions.push(plural(size.obligations, 'obligation'));
	const parts = [questions.join(', '), plural(size.themes, 'thème')];
	if (minutes !== undefined) parts.push(`environ ${minutes}\u00a0min`);
	return parts.join(' · ');
}
