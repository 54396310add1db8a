/**
 * Rules that span several content files: unique ids, lever coverage, question counts, verbatim
 * quotes and the checks on obligations. Pure: the caller passes the parsed files and the source
 * text.
 */
import { checkModuleRules } from './question-rules';
import {
	LEVER_IDS,
	MODULE_IDS,
	moduleQuestions,
	type ContentProblem,
	type Lever,
	type Module,
	type ObligationQuestion
} from './questionnaire';

/** Folds whitespace runs and typographic apostrophes, nothing else, so quotes compare verbatim. */
export function foldQuote(text: string): string {
	return text
		.replace(/[\u2019\u2018\u02bc]/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

/** Whether a quote appears verbatim (whitespace and apostrophes folded) in the source text. */
export function quoteInSource(quote: string, source: string): boolean {
	return foldQuote(source).includes(foldQuote(quote));
}

/**
 * Bounds on the number of questions per module. Scale questions are what a service is scored on;
 * obligations (a checklist worth no points) are bounded apart, and so is what a respondent answers
 * in all (scale and obligations), which sets the time a module takes.
 */
const QUESTION_COUNTS = {
	service: { minScale: 8, maxScale: 16, maxObligations: 6, maxAnswered: 20, minCooperation: 2 },
	transversal: { minScale: 8, maxScale: 16, maxObligations: 6, maxAnswered: 20, minCooperation: 0 }
} as const;

/**
 * The day the legal facts of the content were last checked (review of December 2026). An
 * obligation whose reference date is later is not yet in force and cannot be asked as a
 * compliance item. A constant, not today's date, so that the check gives the same answer on
 * every machine and every day; move it forward when the facts are checked again.
 */
export const FACTS_CHECKED_ON = '2026-12-01';

/** The longest text of an obligation question: a service head reads it as one plain question. */
export const MAX_OBLIGATION_TEXT = 200;

/** The problems of one obligation question, apart from what the schema already refuses. */
export function checkObligation(file: string, q: ObligationQuestion): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const at = (field: string, message: string) =>
		problems.push({ file, questionId: q.id, field, message });
	if (q.reference.date > FACTS_CHECKED_ON)
		at(
			'reference.date',
			`${q.reference.date} est postérieure à la vérification des faits (${FACTS_CHECKED_ON})\u202f: une obligation pas encore en vigueur ne se demande pas comme une conformité`
		);
	if (q.text.length > MAX_OBLIGATION_TEXT)
		at('text', `${q.text.length} caractères, au plus ${MAX_OBLIGATION_TEXT} pour une obligation`);
	if (!q.text.trimEnd().endsWith('?')) at('text', 'une obligation se pose comme une question');
	if (!/«\s*Conforme\s*»/.test(q.help))
		at('help', 'l’aide doit dire ce que signifie «\u202fConforme\u202f» pour cette obligation');
	if (/«\s*(Rien|En réflexion|Engagé|Réalisé|Exemplaire)\s*»/.test(q.help))
		at('help', 'l’aide d’une obligation ne parle pas des niveaux de l’échelle');
	return problems;
}

/** Every lever must be informed by questions of at least this many modules. */
const MIN_MODULES_PER_LEVER = 4;

/** Checks the whole content; an empty list means it is consistent. */
export function checkContent(
	modules: { file: string; module: Module }[],
	levers: Lever[],
	source: string
): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const leverFile = 'levers.json';

	for (const id of LEVER_IDS) {
		const n = levers.filter((l) => l.id === id).length;
		if (n !== 1)
			problems.push({ file: leverFile, field: id, message: `présent ${n} fois au lieu d’une` });
	}
	for (const lever of levers) {
		if (!quoteInSource(lever.source.quote, source))
			problems.push({
				file: leverFile,
				field: `${lever.id}.source.quote`,
				message: 'citation absente du document source'
			});
	}

	for (const id of MODULE_IDS) {
		const n = modules.filter((m) => m.module.id === id).length;
		if (n !== 1)
			problems.push({
				file: `${id}.json`,
				field: 'id',
				message: `module présent ${n} fois au lieu d’une`
			});
	}

	const seen = new Map<string, string>();
	const leverModules = new Map<string, Set<string>>();
	for (const { file, module } of modules) {
		if (file !== `${module.id}.json`)
			problems.push({
				file,
				field: 'id',
				message: `le fichier devrait s’appeler ${module.id}.json`
			});
		for (const theme of module.themes) {
			const where = seen.get(theme.id);
			if (where)
				problems.push({
					file,
					field: `thème ${theme.id}`,
					message: `identifiant déjà utilisé dans ${where}`
				});
			seen.set(theme.id, file);
		}
		problems.push(...checkModuleRules(file, module));
		const questions = moduleQuestions(module);
		for (const q of questions) {
			const where = seen.get(q.id);
			if (where)
				problems.push({
					file,
					questionId: q.id,
					field: 'id',
					message: `identifiant déjà utilisé dans ${where}`
				});
			seen.set(q.id, file);
			if (q.reference.kind === 'source' && !quoteInSource(q.reference.quote, source))
				problems.push({
					file,
					questionId: q.id,
					field: 'reference.quote',
					message: 'citation absente du document source'
				});
			if (q.type === 'obligation') problems.push(...checkObligation(file, q));
			if (q.type === 'scale') {
				const tagged = new Set<string>();
				for (const tag of q.levers) {
					if (tagged.has(tag.lever))
						problems.push({
							file,
							questionId: q.id,
							field: 'levers',
							message: `levier ${tag.lever} cité deux fois`
						});
					tagged.add(tag.lever);
					if (!leverModules.has(tag.lever)) leverModules.set(tag.lever, new Set());
					leverModules.get(tag.lever)!.add(module.id);
				}
			}
		}
		const bounds =
			module.id === 'transversal' ? QUESTION_COUNTS.transversal : QUESTION_COUNTS.service;
		const scale = questions.filter((q) => q.type === 'scale').length;
		const coop = questions.filter((q) => q.type === 'cooperation').length;
		const obligations = questions.filter((q) => q.type === 'obligation').length;
		if (scale < bounds.minScale || scale > bounds.maxScale)
			problems.push({
				file,
				field: 'themes',
				message: `${scale} questions sur l’échelle, attendu de ${bounds.minScale} à ${bounds.maxScale}`
			});
		if (obligations > bounds.maxObligations)
			problems.push({
				file,
				field: 'themes',
				message: `${obligations} obligations, au plus ${bounds.maxObligations}`
			});
		if (scale + obligations > bounds.maxAnswered)
			problems.push({
				file,
				field: 'themes',
				message: `${scale + obligations} questions à répondre (échelle et obligations), au plus ${bounds.maxAnswered}`
			});
		if (coop < bounds.minCooperation)
			problems.push({
				file,
				field: 'themes',
				message: `${coop} question(s) de coopération, au moins ${bounds.minCooperation} attendues`
			});
	}

	for (const id of LEVER_IDS) {
		const n = leverModules.get(id)?.size ?? 0;
		if (n < MIN_MODULES_PER_LEVER)
			problems.push({
				file: leverFile,
				field: id,
				message: `renseigné par ${n} module(s), au moins ${MIN_MODULES_PER_LEVER} attendus`
			});
	}
	return problems;
}
