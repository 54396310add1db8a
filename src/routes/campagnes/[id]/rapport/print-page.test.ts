import { describe, expect, it } from 'vitest';
import { cssString, pageRule } from './print-page';

const HOSTILE =
	'Ville\r} body * { display: none } @top-center { content: "Transversalité : 100 / 100" }' +
	'\f\n@import url(https://evil.example/x.css); </style><style>\\"\'';

describe('cssString', () => {
	it('keeps letters, digits and spaces, and escapes everything else in hex', () => {
		expect(cssString('Val d’Exemple 2026')).toBe('"Val d\\2019 Exemple 2026"');
		expect(cssString('a"b\\c')).toBe('"a\\22 b\\5c c"');
		// Carriage return, form feed and line feed are the three CSS newlines.
		expect(cssString('\r\f\n')).toBe('"\\d \\c \\a "');
		// The space that ends an escape is not the text's: the text's own space follows it.
		expect(cssString('A, B')).toBe('"A\\2c  B"');
		expect(cssString('🌱')).toBe('"\\1f331 "');
	});

	it('leaves no character in a hostile text that could end the string or the rule', () => {
		const literal = cssString(HOSTILE);
		expect(literal.slice(1, -1)).toMatch(/^[\p{L}\p{N} \\]*$/u);
		// Each backslash starts a hex escape, never an escaped quote or newline.
		expect(literal.slice(1, -1)).toMatch(/^(?:[\p{L}\p{N} ]|\\[0-9a-f]{1,6} )*$/u);
	});
});

describe('pageRule', () => {
	it('has the same structure whatever the header holds', () => {
		const braces = (css: string) => css.replace(/[^{};"]/g, '');
		expect(braces(pageRule(HOSTILE, HOSTILE))).toBe(braces(pageRule('Ville', 'Le 1er mars')));
	});
});
