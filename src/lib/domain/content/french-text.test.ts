/**
 * French typography and the inclusive form (docs/redaction.md §7) in the labels module and in
 * the user-facing strings of src. The content files are checked by content-typography.test.ts.
 * The strings of src are found by a heuristic scanner (src/lib/domain/testing/french-strings.ts):
 * string literals and Svelte markup that look French. `node scripts/fix-typography.mjs` fixes
 * what it reports.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksFrench, tsStrings } from '../testing/french-strings';
import { svelteStrings } from '../testing/svelte-strings';
import { checkInclusive } from './inclusive';
import * as labels from './labels';
import { SOURCE_SECTIONS } from './questionnaire';
import { checkTypography } from './typography';

/** Every string inside a value, with its path. */
function strings(value: unknown, path: string): [string, string][] {
	if (typeof value === 'string') return [[path, value]];
	if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
	return [];
}

const problems = (found: [string, string][]) =>
	found.flatMap(([where, text]) => [
		...checkTypography(text).map((p) => `${where} : ${p.message} — ${p.excerpt}`),
		...checkInclusive(text).map((p) => `${where} : ${p}`)
	]);

describe('the labels module', () => {
	it('is written in French typography, with the one inclusive form', () => {
		const found = Object.entries(labels).flatMap(([name, value]) => strings(value, name));
		for (const section of SOURCE_SECTIONS)
			found.push([`sourceCitation(${section})`, labels.sourceCitation(section)]);
		expect(found.length).toBeGreaterThan(40);
		expect(problems(found)).toEqual([]);
	});

	it('cites the source as CRESS Normandie, with the page and its section', () => {
		expect(labels.sourceCitation('Enjeux')).toBe(
			'CRESS Normandie, boîte à outils, fiche 2.2 «\u202fDifférents leviers permettent de développer des actions territoriales\u202f», section «\u202fEnjeux\u202f»'
		);
		expect(labels.sourceCitation('Comment faire ?')).toMatch(
			/section «\u202fComment faire\u202f\?\u202f»$/
		);
	});
});

const root = join(import.meta.dirname, '../../..');

/** The .ts and .svelte files of src the scanner reads: not tests, not test fixtures. */
function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'testing' ? [] : sourceFiles(path);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('the French strings of src', () => {
	const found = sourceFiles(root).flatMap((file) => {
		const source = readFileSync(file, 'utf8');
		const name = relative(join(root, '..'), file);
		return (file.endsWith('.svelte') ? svelteStrings(source) : tsStrings(source))
			.filter((s) => looksFrench(s.text))
			.map((s): [string, string] => [`${name}:${s.line}`, s.text]);
	});

	it('are found (the scanner reads the markup and the code)', () => {
		expect(found.length).toBeGreaterThan(500);
		expect(found.some(([where]) => where.includes('SourceQuote.svelte'))).toBe(true);
	});

	it('are written in French typography, with the one inclusive form (file:line)', () => {
		expect(problems(found)).toEqual([]);
	});
});

describe('checkInclusive', () => {
	it('accepts the forms of the guide', () => {
		for (const text of [
			'chef·fe de service',
			'les élu·es et les agent·es',
			'un·e acheteur·euse',
			'l’animateur·rice',
			'la personne chargée de mission ou le·la chargé·e de mission',
			'un·e référent·e, des usager·ères',
			'il ou elle',
			'le sourçage, la délibération.',
			'Loi n° 2020-105, art. L.541-1'
		])
			expect(checkInclusive(text), text).toEqual([]);
	});

	it('reports the forms that differ from it', () => {
		for (const text of [
			'acheteur·se',
			'acheteur·ses',
			'élu·e·s',
			'agent.e.s',
			'élu.e',
			'élu•e',
			'élu(e)s',
			'animateur·trice',
			'usager·e',
			'porte-t-il·elle',
			'le sourcing'
		])
			expect(checkInclusive(text), text).toHaveLength(1);
	});
});
