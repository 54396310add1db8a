/**
 * The French of the content files (docs/redaction.md §7): typography and the one inclusive form
 * in every string of questionnaires/*.json, question texts of at most 200 characters, and acronyms
 * spelled out at their first use in the question text itself. Keys that are identifiers (ids,
 * kinds, the source section « Comment faire ? », dates) are not text and are not checked.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInclusive } from './inclusive';
import { checkTypography } from './typography';

const dir = join(import.meta.dirname, '../../../../questionnaires');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

/** Keys whose value is an identifier or a date, never text shown as it is. */
const NOT_TEXT = new Set(['id', 'kind', 'type', 'section', 'lever', 'date', 'on']);

/** Every text of a content file, with its path (the id of the question or lever when there is one). */
function texts(value: unknown, path: string): [string, string][] {
	if (typeof value === 'string') return [[path, value]];
	if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
	if (!value || typeof value !== 'object') return [];
	const o = value as Record<string, unknown>;
	const at = typeof o.id === 'string' ? `${path.split(' ')[0]} ${o.id}` : path;
	return Object.entries(o)
		.filter(([k]) => !NOT_TEXT.has(k))
		.flatMap(([k, v]) => texts(v, `${at}.${k}`));
}

/** The question texts of a module file. */
function questionTexts(file: string): { id: string; text: string }[] {
	const data = read(file) as { themes?: { questions: { id: string; text: string }[] }[] };
	return (data.themes ?? []).flatMap((t) => t.questions.map(({ id, text }) => ({ id, text })));
}

/** The longest question text (docs/redaction.md §7). */
const MAX_QUESTION_TEXT = 200;

describe('the content files', () => {
	it.each(files)('%s is in French typography, with the one inclusive form', (file) => {
		const problems = texts(read(file), file).flatMap(([where, text]) => [
			...checkTypography(text).map((p) => `${where} : ${p.message} — ${p.excerpt}`),
			...checkInclusive(text).map((p) => `${where} : ${p}`)
		]);
		expect(problems).toEqual([]);
	});

	it.each(files.filter((f) => f !== 'levers.json'))(
		`%s: question texts of at most ${MAX_QUESTION_TEXT} characters`,
		(file) => {
			const long = questionTexts(file)
				.filter((q) => q.text.length > MAX_QUESTION_TEXT)
				.map((q) => `${q.id} : ${q.text.length} caractères`);
			expect(long).toEqual([]);
		}
	);
	// Acronyms at their first use in a module: question-rules.ts (content-rules, content.test.ts).
});
