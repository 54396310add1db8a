// Puts right the French typography of the strings of src/ (docs/redaction.md §7): a narrow
// no-break space before « : ; ? ! » and inside « », the apostrophe ’. Test files and
// src/lib/domain/testing/ are left alone, as the typography test does. Prints what it fixed and
// what is left to fix by hand; review the diff (the scanner is a heuristic), then run
// `npx prettier --write` on the files it changed. Given files (a test, a Playwright spec), it
// fixes those files only, whatever they are.
//   node scripts/fix-typography.mjs [path-part…]
//   node scripts/fix-typography.mjs --files tests/results.spec.ts src/lib/score-text.test.ts
// A content file (.json) has every text put right, ids, kinds, sections and dates left alone (as
// content-typography.test.ts reads it); quotes keep their words, their spaces compare folded:
//   node scripts/fix-typography.mjs --files questionnaires/*.json
import { build } from 'esbuild';
import {
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
const cache = join(root, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(join(cache, 'leviers-typography-'));
const bundle = join(out, 'fix.mjs');
await build({
	stdin: {
		contents: `export { fixFrenchStrings } from './src/lib/domain/testing/fix-french-strings.ts';
			export { fixTypography } from './src/lib/domain/content/typography.ts';`,
		resolveDir: root,
		loader: 'ts'
	},
	bundle: true,
	format: 'esm',
	platform: 'node',
	outfile: bundle,
	logLevel: 'error'
});
const { fixFrenchStrings, fixTypography } = await import(pathToFileURL(bundle).href);
rmSync(out, { recursive: true });

/** Every .ts and .svelte file under `dir` that the typography test scans. */
function walk(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return path.endsWith('/testing') ? [] : walk(path);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
	});
}

const files =
	only[0] === '--files' ? only.slice(1).map((f) => resolve(f)) : walk(join(root, 'src'));
/** Keys of a content file whose value is an identifier or a date, never text. */
const NOT_TEXT = new Set(['id', 'kind', 'type', 'section', 'lever', 'date', 'on']);

/** A content file with every text put right (written back as JSON; run prettier after). */
function fixContent(source) {
	let fixed = 0;
	const walk = (value, key) => {
		if (typeof value === 'string') {
			if (NOT_TEXT.has(key)) return value;
			const text = fixTypography(value);
			if (text !== value) fixed++;
			return text;
		}
		if (Array.isArray(value)) return value.map((v) => walk(v, key));
		if (value && typeof value === 'object')
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
		return value;
	};
	const text = JSON.stringify(walk(JSON.parse(source)), null, '\t') + '\n';
	return { text, fixed, leftAlone: [] };
}

let total = 0;
for (const file of files) {
	const name = relative(root, file);
	if (only.length && only[0] !== '--files' && !only.some((o) => name.includes(o))) continue;
	const source = readFileSync(file, 'utf8');
	const { text, fixed, leftAlone } = file.endsWith('.json')
		? fixContent(source)
		: fixFrenchStrings(source, file.endsWith('.svelte'));
	if (fixed) {
		writeFileSync(file, text);
		console.log(`${name} : ${fixed} corrigé(s)`);
		total += fixed;
	}
	for (const p of leftAlone)
		console.log(`${name}:${p.line} : à corriger à la main, ${p.message} — ${p.excerpt}`);
}
console.log(`${total} corrigé(s) en tout`);
