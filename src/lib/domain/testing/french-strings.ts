/**
 * A heuristic scanner of the French strings of the source code, for the typography test: the
 * string literals of TypeScript (and of Svelte scripts and expressions, see svelte-strings.ts),
 * the text of Svelte markup and its quoted attribute values. Comments, CSS and the code around the strings (a
 * ternary's « ? : ») are skipped. It is a lexer, not a parser: a regular expression is told from
 * a division by the token before it, and a string built by concatenation is seen piece by piece.
 */

/** A string found in a source file, with the line it starts on (1-based). */
export interface FoundString {
	line: number;
	text: string;
	/** For each character of `text`, its index in the file, or -1 (an escape, an interpolation). */
	at: number[];
	/** Markup text or attribute (Svelte), rather than a string literal of code. */
	markup: boolean;
}

/** A string being read: where it starts, its text, and where each character comes from. */
export class Raw {
	text = '';
	at: number[] = [];
	constructor(
		readonly start: number,
		readonly markup = false
	) {}
	add(text: string, at: number) {
		this.text += text;
		for (let k = 0; k < text.length; k++) this.at.push(text.length === 1 ? at : -1);
	}
}

/** Stands for an interpolated value (`${x}`, `{x}`) inside a string or a text run. */
export const HOLE = 'x';

const ESCAPES: Record<string, string> = {
	n: '\n',
	t: '\t',
	r: '\r',
	b: '\b',
	f: '\f',
	v: '\v',
	0: '\0'
};

/** Reads an escape sequence at `i` (just after the backslash); returns the text and the next index. */
function readEscape(code: string, i: number): [string, number] {
	const c = code.charAt(i);
	if (c === 'u' && code.charAt(i + 1) === '{') {
		const end = code.indexOf('}', i);
		return [String.fromCodePoint(parseInt(code.slice(i + 2, end), 16)), end + 1];
	}
	if (c === 'u') return [String.fromCharCode(parseInt(code.slice(i + 1, i + 5), 16)), i + 5];
	if (c === 'x') return [String.fromCharCode(parseInt(code.slice(i + 1, i + 3), 16)), i + 3];
	if (c === '\n') return ['', i + 1];
	return [ESCAPES[c] ?? c, i + 1];
}

/** Whether a « / » at this point starts a regular expression, from the code before it. */
function regexAllowed(before: string): boolean {
	const t = before.trimEnd();
	if (t === '') return true;
	if (/[(,=:[!&|?{};+\-*%<>~^]$/.test(t)) return true;
	return /\b(return|typeof|case|in|of|delete|void|throw|new)$/.test(t);
}

function skipRegex(code: string, i: number): number {
	let inClass = false;
	while (i < code.length && code.charAt(i) !== '\n') {
		const c = code.charAt(i);
		if (c === '\\') i++;
		else if (c === '[') inClass = true;
		else if (c === ']') inClass = false;
		else if (c === '/' && !inClass) return i + 1;
		i++;
	}
	return i;
}

/**
 * Lexes code from `start` and pushes its string literals; stops at the `}` that closes an
 * expression opened before `start` (when `closing` is set) and returns the index after it.
 */
export function lexCode(code: string, start: number, out: Raw[], closing = false): number {
	let i = start;
	let depth = 0;
	while (i < code.length) {
		const c = code.charAt(i);
		if (c === '/' && code.charAt(i + 1) === '/') {
			const end = code.indexOf('\n', i);
			i = end < 0 ? code.length : end;
		} else if (c === '/' && code.charAt(i + 1) === '*') {
			const end = code.indexOf('*/', i + 2);
			i = end < 0 ? code.length : end + 2;
		} else if (c === '/' && regexAllowed(code.slice(Math.max(0, i - 12), i))) {
			i = skipRegex(code, i + 1);
		} else if (c === "'" || c === '"') {
			const raw = new Raw(i);
			let j = i + 1;
			while (j < code.length && code.charAt(j) !== c && code.charAt(j) !== '\n') {
				if (code.charAt(j) === '\\') {
					const [s, next] = readEscape(code, j + 1);
					raw.add(s, -1);
					j = next;
				} else raw.add(code.charAt(j), j++);
			}
			out.push(raw);
			i = j + 1;
		} else if (c === '`') {
			i = lexTemplate(code, i, out);
		} else if (c === '{') {
			depth++;
			i++;
		} else if (c === '}') {
			if (closing && depth === 0) return i + 1;
			depth--;
			i++;
		} else i++;
	}
	return i;
}

/** Reads a template literal from its backtick; an interpolation stands as HOLE. */
function lexTemplate(code: string, start: number, out: Raw[]): number {
	const raw = new Raw(start);
	let i = start + 1;
	while (i < code.length && code.charAt(i) !== '`') {
		if (code.charAt(i) === '\\') {
			const [s, next] = readEscape(code, i + 1);
			raw.add(s, -1);
			i = next;
		} else if (code.charAt(i) === '$' && code.charAt(i + 1) === '{') {
			raw.add(HOLE, -1);
			i = lexCode(code, i + 2, out, true);
		} else raw.add(code.charAt(i), i++);
	}
	out.push(raw);
	return i + 1;
}

/** Line number (1-based) of an index. */
function lineOf(text: string, index: number): number {
	let line = 1;
	for (let i = 0; i < index; i++) if (text.charAt(i) === '\n') line++;
	return line;
}

export function found(source: string, raws: Raw[], offset = 0): FoundString[] {
	return raws.map((r) => ({
		line: lineOf(source, r.start + offset),
		text: r.text,
		at: r.at.map((a) => (a < 0 ? a : a + offset)),
		markup: r.markup
	}));
}

/** The string literals of TypeScript code (comments and regular expressions skipped). */
export function tsStrings(code: string): FoundString[] {
	const out: Raw[] = [];
	lexCode(code, 0, out);
	return found(code, out);
}

/**
 * Strings that look French but are keys, never shown as they are: the section of the source
 * document is stored as « Comment faire ? » in the content files and shown through
 * SOURCE_SECTION_LABELS.
 */
export const NOT_TEXT = new Set(['Comment faire ?']);

/**
 * Whether a string reads as French prose rather than code: a letter, and a space before « : ; ? ! »,
 * guillemets, an accented letter, a typographic apostrophe or a French elision (« l'ESS »).
 */
export function looksFrench(text: string): boolean {
	if (!/\p{L}/u.test(text) || NOT_TEXT.has(text)) return false;
	return (
		/\s[:;?!](\s|$)/.test(text) ||
		/[«»’\u202f]/.test(text) ||
		/[àâçéèêëîïôûùüÿœæ]/i.test(text) ||
		/\b(l|d|qu|n|s|c|j|jusqu|lorsqu|puisqu)'\p{L}/iu.test(text)
	);
}
