import { describe, expect, it } from 'vitest';
import { shorten, TEXT_LIMITS, textTooLong } from './text-limits';

describe('text limits', () => {
	it('accept a text at its limit and refuse one code unit more, naming field and limit', () => {
		expect(textTooLong('label', 'x'.repeat(TEXT_LIMITS.label))).toBeNull();
		expect(textTooLong('label', 'x'.repeat(TEXT_LIMITS.label + 1))).toBe(
			'Le libellé de la démarche compte 201 caractères, pour une limite de 200\u202f: raccourcissez ce texte.'
		);
		// An emoji counts two, as the browser's maxlength counts it.
		expect(textTooLong('respondentRole', '🌾'.repeat(101))).toMatch(/compte 202 caractères/);
	});

	it('shorten to the limit without splitting a character written as two code units', () => {
		expect(shorten('abcdef', 4)).toBe('abcd');
		expect(shorten('abc', 4)).toBe('abc');
		expect(shorten('abc🌾d', 4)).toBe('abc');
		expect(shorten('ab🌾d', 4)).toBe('ab🌾');
	});
});
