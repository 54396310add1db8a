/**
 * French typography of user-facing text (docs/redaction.md §7): a narrow no-break space (U+202F)
 * before « : ; ? ! » and inside « », and the apostrophe ’. Pure: `checkTypography` lists what is
 * wrong in one string, `fixTypography` writes it right.
 */

/** Narrow no-break space, the space French typography puts before « ; ? ! » and inside « ». */
export const NNBSP = '\u202f';
/** No-break space, also accepted before « : ». */
export const NBSP = '\u00a0';

/** One typographic problem in a string. */
export interface TypographyProblem {
	/** Index in the string of the offending character. */
	index: number;
	/** What is wrong, in French. */
	message: string;
	/** The text around it, with the spaces made visible (␣ ordinary, ⍽ no-break, ˽ narrow). */
	excerpt: string;
}

/**
 * Where a mark counts as French punctuation: it ends a word group (followed by a space, the end,
 * or a closing sign). Not a straight quote: « "a";"b" » is a CSV line, « content:"x" » CSS.
 */
const ENDS_GROUP = /^($|[\s»)\]}.,…?!])/;
/** What may stand right before « ? » or « ! » without a space: another mark (« ?! »), an ellipsis, an opening bracket. */
const GLUED_BEFORE_MARK = /[?!…([]/;
/** Spans that are not French prose: addresses, HTML entities. */
const NOT_PROSE = /\b[a-z][a-z0-9+.-]*:\/\/\S+|\bmailto:\S+|&#?[a-z0-9]+;/gi;

const SHOW: Record<string, string> = { ' ': '␣', [NBSP]: '⍽', [NNBSP]: '˽' };

function excerpt(text: string, index: number): string {
	const from = Math.max(0, index - 12);
	return text.slice(from, index + 4).replace(/[ \u00a0\u202f]/g, (c) => SHOW[c] ?? c);
}

/** Replaces the spans that are not prose by as many letters, so indices stay the same. */
function maskNonProse(text: string): string {
	return text.replace(NOT_PROSE, (m) => 'x'.repeat(m.length));
}

/** The typographic problems of one French string; an empty list means it is right. */
export function checkTypography(text: string): TypographyProblem[] {
	const problems: TypographyProblem[] = [];
	const t = maskNonProse(text);
	const at = (index: number, message: string) =>
		problems.push({ index, message, excerpt: excerpt(text, index) });

	for (let i = 0; i < t.length; i++) {
		const c = t.charAt(i);
		const before = i > 0 ? t.charAt(i - 1) : '';
		const after = t.slice(i + 1);
		if (c === ':' || c === ';' || c === '?' || c === '!') {
			// « 14:32 », « 1:2 », « a;b », « ?x=1 »: not French punctuation.
			if (!ENDS_GROUP.test(after) || i === 0) continue;
			if ((c === '?' || c === '!') && (GLUED_BEFORE_MARK.test(before) || t.endsWith('...', i)))
				continue;
			if (before === NNBSP || (c === ':' && before === NBSP)) continue;
			if (before === ' ')
				at(i, `espace ordinaire avant «\u202f${c}\u202f» (espace fine insécable attendue)`);
			else if (before === NBSP)
				at(i, `espace insécable avant «\u202f${c}\u202f» (espace fine attendue)`);
			else if (/\s/.test(before)) at(i, `espace inattendue avant «\u202f${c}\u202f»`);
			else at(i, `espace fine insécable manquante avant «\u202f${c}\u202f»`);
		} else if (c === '«') {
			if (i === t.length - 1) continue;
			const next = t.charAt(i + 1);
			if (next === NNBSP) continue;
			if (/\s/.test(next)) at(i, 'espace ordinaire après «\u202f(espace fine insécable attendue)');
			else at(i, 'espace fine insécable manquante après «');
		} else if (c === '»') {
			if (i === 0) continue;
			if (before === NNBSP) continue;
			if (/\s/.test(before))
				at(i, 'espace ordinaire avant\u202f» (espace fine insécable attendue)');
			else at(i, 'espace fine insécable manquante avant\u202f»');
		} else if (c === "'") {
			at(i, 'apostrophe droite (’ attendue)');
		}
	}
	return problems;
}

/**
 * The string with its French typography put right: the space before « : ; ? ! » and inside « »
 * becomes (or is added as) a narrow no-break space, and an apostrophe between letters becomes ’.
 * Addresses and numbers such as « 14:32 » are left alone. `checkTypography` of the result is empty
 * unless a straight quote is used as a quotation mark.
 */
export function fixTypography(text: string): string {
	const problems = checkTypography(text);
	if (problems.length === 0) return text;
	const chars = [...text.split('')];
	// From the end, so that indices stay valid while spaces are added.
	for (const { index } of [...problems].reverse()) {
		const c = chars[index];
		if (c === "'") {
			if (/\p{L}/u.test(chars[index - 1] ?? '')) chars[index] = '’';
		} else if (c === '«') {
			if (/\s/.test(chars[index + 1] ?? '')) chars[index + 1] = NNBSP;
			else chars.splice(index + 1, 0, NNBSP);
		} else if (/\s/.test(chars[index - 1] ?? '')) chars[index - 1] = NNBSP;
		else chars.splice(index, 0, NNBSP);
	}
	return chars.join('');
}
