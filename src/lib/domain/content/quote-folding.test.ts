import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldQuote, quoteInSource } from './content-rules';

const source = readFileSync(
	join(
		import.meta.dirname,
		'../../../../questionnaires/source/cress-2.2-leviers-actions-territoriales.txt'
	),
	'utf8'
);

describe('quote folding', () => {
	it('folds whitespace and typographic apostrophes, nothing else', () => {
		expect(foldQuote('l’ESS  et\n la  collectivité')).toBe("l'ESS et la collectivité");
		expect(quoteInSource('favoriser son appropriation', source)).toBe(true);
		expect(quoteInSource('favoriser son Appropriation', source)).toBe(false);
		expect(
			quoteInSource('favoriser son appropriation.', 'favoriser son appropriation\u202f;')
		).toBe(false);
	});
});
