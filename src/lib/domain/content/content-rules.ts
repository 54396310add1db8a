/**
 * Rules that span several content files: unique ids, lever coverage, question counts and
 * verbatim quotes. Pure: the caller passes the parsed files and the source text.
 */
import {
	LEVER_IDS,
	MODULE_IDS,
	moduleQuestions,
	type ContentProblem,
	type Lever,
	type Module
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

/** Bounds on the number of scale questions per module, and the minimum of cooperation ones. */
const QUESTION_COUNTS = {
	service: { minScale: 10, maxScale: 16, minCooperation: 2 },
	transversal: { minScale: 8, maxScale: 12, minCooperation: 0 }
} as const;

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
			problems.push({ file: leverFile, field: id, message: `présent ${n} fois au lieu d'une` });
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
				message: `module présent ${n} fois au lieu d'une`
			});
	}

	const seen = new Map<string, string>();
	const leverModules = new Map<string, Set<string>>();
	for (const { file, module } of modules) {
		if (file !== `${module.id}.json`)
			problems.push({
				file,
				field: 'id',
				message: `le fichier devrait s'appeler ${module.id}.json`
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
		if (scale < bounds.minScale || scale > bounds.maxScale)
			problems.push({
				file,
				field: 'themes',
				message: `${scale} questions sur l'échelle, attendu de ${bounds.minScale} à ${bounds.maxScale}`
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
