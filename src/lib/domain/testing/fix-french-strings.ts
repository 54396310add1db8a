/**
 * Puts right the typography of the French strings of one source file (the strings that
 * `french-strings.ts` finds and `looksFrench` accepts): a narrow no-break space written `\u202f`
 * in code and `&#8239;` in Svelte markup, the apostrophe ’. What it cannot edit safely (a space
 * written as an escape or an entity) is returned to be fixed by hand. Used by
 * scripts/fix-typography.mjs.
 */
import { checkTypography } from '../content/typography';
import { looksFrench, tsStrings, type FoundString } from './french-strings';
import { svelteStrings } from './svelte-strings';

/** A place the fixer left alone, with the line and what is wrong. */
export interface LeftAlone {
	line: number;
	message: string;
	excerpt: string;
}

const isSpace = (c: string) => /\s/.test(c);
/** Where the character `k` of the string is in the file, or -1. */
const pos = (s: FoundString, k: number) => s.at[k] ?? -1;

/** The source range to replace for one problem, or null when it cannot be edited in place. */
function edit(s: FoundString, k: number): { from: number; to: number; text: string } | null {
	const space = s.markup ? '&#8239;' : '\\u202f';
	const c = s.text.charAt(k);
	if (c === "'") return pos(s, k) < 0 ? null : { from: pos(s, k), to: pos(s, k) + 1, text: '’' };
	if (c === '«') {
		if (!isSpace(s.text.charAt(k + 1)))
			return pos(s, k) < 0 ? null : { from: pos(s, k) + 1, to: pos(s, k) + 1, text: space };
		let end = k + 1;
		while (isSpace(s.text.charAt(end + 1))) end++;
		if (s.at.slice(k + 1, end + 1).some((a) => a < 0)) return null;
		return { from: pos(s, k + 1), to: pos(s, end) + 1, text: space };
	}
	// A mark (« : ; ? ! ») or « »: the space goes before it.
	if (!isSpace(s.text.charAt(k - 1)))
		return pos(s, k) < 0 ? null : { from: pos(s, k), to: pos(s, k), text: space };
	let begin = k - 1;
	while (isSpace(s.text.charAt(begin - 1))) begin--;
	if (s.at.slice(begin, k).some((a) => a < 0)) return null;
	return { from: pos(s, begin), to: pos(s, k - 1) + 1, text: space };
}

/** The file with its French strings put right, and what was left to fix by hand. */
export function fixFrenchStrings(
	source: string,
	svelte: boolean
): { text: string; fixed: number; leftAlone: LeftAlone[] } {
	const edits: { from: number; to: number; text: string }[] = [];
	const leftAlone: LeftAlone[] = [];
	for (const s of svelte ? svelteStrings(source) : tsStrings(source)) {
		if (!looksFrench(s.text)) continue;
		for (const p of checkTypography(s.text)) {
			const e = edit(s, p.index);
			if (e) edits.push(e);
			else leftAlone.push({ line: s.line, message: p.message, excerpt: p.excerpt });
		}
	}
	edits.sort((a, b) => b.from - a.from);
	let text = source;
	let fixed = 0;
	let before = Infinity;
	for (const e of edits) {
		if (e.to > before) continue;
		text = text.slice(0, e.from) + e.text + text.slice(e.to);
		before = e.from;
		fixed++;
	}
	return { text, fixed, leftAlone };
}
