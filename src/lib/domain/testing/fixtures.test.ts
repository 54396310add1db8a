import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteInSource } from '../content/content-rules';
import { fixtureLevers, fixtureModules } from './fixtures';
import { LEVER_IDS, parseLevers, parseModule } from '../content/questionnaire';

const source = readFileSync(
	join(
		import.meta.dirname,
		'../../../../questionnaires/source/cress-2.2-leviers-actions-territoriales.txt'
	),
	'utf8'
);

describe('test fixtures', () => {
	it('are valid content: every module and lever passes the schema', () => {
		for (const m of fixtureModules) expect(parseModule(m.id, m).ok, m.id).toBe(true);
		const levers = parseLevers('levers', { version: 1, levers: fixtureLevers });
		expect(levers.ok && levers.value.map((l) => l.id)).toEqual([...LEVER_IDS]);
	});

	it('quote the source document verbatim', () => {
		for (const l of fixtureLevers) expect(quoteInSource(l.source.quote, source), l.id).toBe(true);
	});
});
