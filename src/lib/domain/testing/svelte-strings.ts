/**
 * The strings of a Svelte component, for the typography test (see french-strings.ts): the string
 * literals of its scripts and expressions, the runs of markup text and the quoted attribute values.
 */
import { found, HOLE, lexCode, Raw, type FoundString } from './french-strings';

const ENTITIES: Record<string, string> = {
	nbsp: '\u00a0',
	laquo: '«',
	raquo: '»',
	rsquo: '’',
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	hellip: '…'
};

/** Reads an HTML character reference at `i` (on its « & »), as Svelte decodes it in markup. */
function readEntity(source: string, i: number): [string, number] | null {
	const m = /^&(#\d+|#x[0-9a-f]+|[a-z]+);/i.exec(source.slice(i, i + 10));
	if (!m) return null;
	const name = m[1] ?? '';
	const text = name.startsWith('#x')
		? String.fromCodePoint(parseInt(name.slice(2), 16))
		: name.startsWith('#')
			? String.fromCodePoint(parseInt(name.slice(1), 10))
			: ENTITIES[name.toLowerCase()];
	return text === undefined ? null : [text, i + m[0].length];
}

/** Adds the markup character at `i` to `raw`, decoding a character reference; returns the next index. */
function addMarkup(source: string, i: number, raw: Raw): number {
	const entity = source.charAt(i) === '&' ? readEntity(source, i) : null;
	if (!entity) {
		raw.add(source.charAt(i), i);
		return i + 1;
	}
	raw.add(entity[0], -1);
	return entity[1];
}

/** Attributes whose value is code or an address, never text shown to a reader. */
const CODE_ATTRIBUTE =
	/^(class|style|href|src|id|for|type|name|lang|role|d|viewBox|on.*|data-.*|\w+:.*)$/;

/**
 * The strings of a Svelte component: string literals of its scripts and expressions, runs of
 * markup text (an expression inside a run stands as HOLE; a block tag `{#if}` ends the run) and
 * quoted attribute values. Styles and HTML comments are skipped. Texts are trimmed.
 */
export function svelteStrings(source: string): FoundString[] {
	const out: Raw[] = [];
	let i = 0;
	let run: Raw | null = null;
	const endRun = () => {
		if (run && run.text.trim()) out.push(run);
		run = null;
	};
	while (i < source.length) {
		if (source.startsWith('<!--', i)) {
			endRun();
			const end = source.indexOf('-->', i);
			i = end < 0 ? source.length : end + 3;
		} else if (/^<(script|style)\b/.test(source.slice(i, i + 7))) {
			endRun();
			const tag = source.startsWith('<script', i) ? 'script' : 'style';
			const open = source.indexOf('>', i) + 1;
			const close = source.indexOf(`</${tag}>`, open);
			if (tag === 'script') {
				const raws: Raw[] = [];
				lexCode(source.slice(open, close), 0, raws);
				for (const r of raws) {
					const shifted = new Raw(r.start + open);
					shifted.text = r.text;
					shifted.at = r.at.map((a) => (a < 0 ? a : a + open));
					out.push(shifted);
				}
			}
			i = close < 0 ? source.length : close + tag.length + 3;
		} else if (source.charAt(i) === '<' && /[a-zA-Z/!]/.test(source.charAt(i + 1) ?? '')) {
			endRun();
			i = readTag(source, i + 1, out);
		} else if (source.charAt(i) === '{') {
			const block = /^\{\s*([#:/@]\w*)/.exec(source.slice(i, i + 12));
			if (block) {
				endRun();
				i = lexCode(source, i + block[0].length, out, true);
			} else {
				run ??= new Raw(i, true);
				run.add(HOLE, -1);
				i = lexCode(source, i + 1, out, true);
			}
		} else {
			if (!run && source.charAt(i).trim()) run = new Raw(i, true);
			if (run) i = addMarkup(source, i, run);
			else i++;
		}
	}
	endRun();
	return found(source, out).map(trim);
}

function trim(s: FoundString): FoundString {
	const from = s.text.length - s.text.trimStart().length;
	const to = s.text.trimEnd().length;
	return { ...s, text: s.text.slice(from, to), at: s.at.slice(from, to) };
}

/** Reads a tag after its « < »: quoted attribute values and expressions; returns the index after « > ». */
function readTag(source: string, i: number, out: Raw[]): number {
	let name = '';
	while (i < source.length && source.charAt(i) !== '>') {
		const c = source.charAt(i);
		if (c === '{') i = lexCode(source, i + 1, out, true);
		else if (c === '"' || c === "'") {
			const raw = new Raw(i + 1, true);
			let j = i + 1;
			const inner: Raw[] = [];
			while (j < source.length && source.charAt(j) !== c) {
				if (source.charAt(j) === '{') {
					raw.add(HOLE, -1);
					j = lexCode(source, j + 1, inner, true);
				} else j = addMarkup(source, j, raw);
			}
			if (!CODE_ATTRIBUTE.test(name)) out.push(raw, ...inner);
			i = j + 1;
		} else if (/[\w:-]/.test(c)) {
			name = /^[\w:|.-]+/.exec(source.slice(i))![0];
			i += name.length;
		} else i++;
	}
	return i + 1;
}
