/**
 * The rules of content v2 on one module (docs/redaction.md): short question texts, the bars of
 * « Engagé » and « Réalisé » on every practice question, acronyms spelled out at first use in a
 * question text, at least two questions per lever a module informs, facts that say where they were
 * read, no past date written as a future one, an honest announced time. Pure: content-rules.ts
 * applies them to every module.
 */
import { estimatedMinutes } from './module-size';
import {
	moduleQuestions,
	type ContentProblem,
	type FactReference,
	type Module,
	type Question
} from './questionnaire';

/** The longest question text: a service head reads it as one plain question. */
export const MAX_QUESTION_TEXT = 200;

/** A lever a module informs must rest on at least this many of its practice questions. */
export const MIN_QUESTIONS_PER_LEVER = 2;

/** The announced time may exceed the estimate by this much, no more (a time that scares off is not honest either). */
export const MAX_MINUTES_OVER_ESTIMATE = 15;

/** The year the facts were checked: a date up to then is past (or this year), not « à partir de ». */
const CHECKED_YEAR = 2026;

/** Words of at least two capitals (SPASER, PLPDMA, EGalim, TEOMi), whole words in Unicode. */
const CAPITALISED_WORD =
	/(?<![\p{L}\p{N}])(?=\p{L}*\p{Lu}\p{L}*\p{Lu})\p{L}{2,10}(?![\p{L}\p{N}])/gu;
const ROMAN = /^[IVXLC]+$/;

/** An acronym has at least a third of capitals: TEOMi and EGalim are, ComptaCoût is a name. */
const isAcronym = (word: string) =>
	!ROMAN.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) * 3 >= word.length;

type At = (field: string, message: string, questionId?: string) => void;

/** The acronyms used in a text, in order of appearance, each once. */
export function acronymsIn(text: string): string[] {
	return [...new Set([...text.matchAll(CAPITALISED_WORD)].map((m) => m[0]))].filter(isAcronym);
}

/**
 * Whether a text spells an acronym out: the acronym stands inside a parenthesis after its words
 * (« … (SPASER) », « … (REP : textiles…) », « … (taxe …, TEOMi ou REOMi) »), or is followed by one
 * (« SPASER (schéma …) »).
 */
export function definesAcronym(text: string, acronym: string): boolean {
	const word = `(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`;
	return new RegExp(`\\([^()]*${word}[^()]*\\)|${word}\\s*\\(`, 'u').test(text);
}

/** Problems of one question's text: too long, or not a question. */
function checkText(q: Question, at: At) {
	if (q.text.length > MAX_QUESTION_TEXT)
		at('text', `${q.text.length} caractères, au plus ${MAX_QUESTION_TEXT}`, q.id);
	if (!q.text.trimEnd().endsWith('?'))
		at('text', 'une question se termine par «\u202f?\u202f»', q.id);
}

/** A fact says where it was read, or what is not verified: one of the two, not both, not neither. */
function checkFact(ref: FactReference, at: At, questionId?: string) {
	if (!ref.checked === !ref.unverified)
		at(
			'reference',
			ref.checked
				? 'un fait vérifié (checked) ne porte pas aussi de réserve (unverified)'
				: 'un fait dit où il a été lu (checked) ou ce qui n’est pas vérifié (unverified)',
			questionId
		);
}

/**
 * « à partir du 1er janvier 2024 » written of a date that has passed reads as a future deadline.
 * Finds « à partir de / à compter de / dès » followed, within a few words, by a year not after the
 * year the facts were checked.
 */
export function pastDatesAsFuture(text: string): string[] {
	const found: string[] = [];
	for (const m of text.matchAll(
		/(?<!\p{L})(?:à partir d[eu]|à compter d[eu]|dès)(?!\p{L})[^.;:?!]{0,30}?\b(20\d\d)\b/giu
	))
		if (Number(m[1]) <= CHECKED_YEAR) found.push(m[0]);
	return found;
}

function checkDates(q: Question, at: At) {
	const texts: [string, string][] = [
		['text', q.text],
		['help', q.help]
	];
	if (q.type === 'obligation') texts.push(['todo', q.todo]);
	if (q.reference.kind === 'fact') texts.push(['reference.statement', q.reference.statement]);
	for (const [field, text] of texts)
		for (const phrase of pastDatesAsFuture(text))
			at(
				field,
				`«\u202f${phrase}\u202f»\u202f: une date passée écrite comme une échéance à venir`,
				q.id
			);
}

/**
 * Every acronym of a question text is spelled out in the first question text of the module that
 * uses it (or in the module's description, read first).
 */
function checkAcronyms(module: Module, at: At) {
	const defined = new Set(
		acronymsIn(module.description).filter((a) => definesAcronym(module.description, a))
	);
	for (const q of moduleQuestions(module))
		for (const acronym of acronymsIn(q.text)) {
			if (defined.has(acronym)) continue;
			if (definesAcronym(q.text, acronym)) defined.add(acronym);
			else
				at(
					'text',
					`le sigle ${acronym} est employé sans être développé à sa première apparition dans une question du module`,
					q.id
				);
		}
}

/** Each lever a module informs rests on at least two of its practice questions. */
function checkLeverDepth(module: Module, at: At) {
	const count = new Map<string, number>();
	for (const q of moduleQuestions(module))
		if (q.type === 'scale')
			for (const t of q.levers) count.set(t.lever, (count.get(t.lever) ?? 0) + 1);
	for (const [lever, n] of count)
		if (n < MIN_QUESTIONS_PER_LEVER)
			at(
				'levers',
				`le levier ${lever} ne repose que sur ${n} question du module, au moins ${MIN_QUESTIONS_PER_LEVER} attendues (ou retirer l’étiquette)`
			);
}

/** The announced time is at least the estimate, and not far above it. */
function checkMinutes(module: Module, at: At) {
	const estimate = estimatedMinutes(module);
	if (module.minutes === undefined)
		at('minutes', `temps annoncé manquant (estimation\u202f: ${estimate} minutes)`);
	else if (module.minutes < estimate || module.minutes > estimate + MAX_MINUTES_OVER_ESTIMATE)
		at(
			'minutes',
			`${module.minutes} minutes annoncées, l’estimation est de ${estimate} (de ${estimate} à ${estimate + MAX_MINUTES_OVER_ESTIMATE} acceptés)`
		);
}

/** Checks one module against the rules of content v2; an empty list means it follows them. */
export function checkModuleRules(file: string, module: Module): ContentProblem[] {
	const problems: ContentProblem[] = [];
	const at: At = (field, message, questionId) =>
		problems.push({ file, questionId, field, message });
	for (const q of moduleQuestions(module)) {
		// Obligations have the same checks in checkObligation (content-rules.ts).
		if (q.type !== 'obligation') checkText(q, at);
		checkDates(q, at);
		if (q.reference.kind === 'fact') checkFact(q.reference, at, q.id);
		if (q.type === 'scale' && !q.levels)
			at(
				'levels',
				'ce que «\u202fEngagé\u202f» et «\u202fRéalisé\u202f» veulent dire pour cette question manque',
				q.id
			);
	}
	checkAcronyms(module, at);
	checkLeverDepth(module, at);
	checkMinutes(module, at);
	return problems;
}
