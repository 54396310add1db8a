import { describe, expect, it } from 'vitest';
import { acceptsValue, readsValue } from './answer-fit';

const scale = { type: 'scale' } as const;
const obligation = { type: 'obligation' } as const;
const cooperation = { type: 'cooperation' } as const;

describe('acceptsValue', () => {
	it('takes the scale on a scale question and refuses compliance answers there', () => {
		expect([0, 4, 'na', 'nsp'].map((v) => acceptsValue(scale, v))).toEqual([
			true,
			true,
			true,
			true
		]);
		expect(
			['conforme', 'en-cours', 'non-conforme', 5, 2.5, ['eau']].some((v) => acceptsValue(scale, v))
		).toBe(false);
	});

	it('takes the five compliance answers on an obligation, and no level (never written again)', () => {
		expect(
			['conforme', 'en-cours', 'non-conforme', 'na', 'nsp'].every((v) =>
				acceptsValue(obligation, v)
			)
		).toBe(true);
		expect([0, 3, 'oui', ['eau'], null].some((v) => acceptsValue(obligation, v))).toBe(false);
	});

	it('takes a list of other modules on a cooperation question, without itself or twice the same', () => {
		expect(acceptsValue(cooperation, ['eau', 'marches'], 'dechets')).toBe(true);
		expect(acceptsValue(cooperation, [], 'dechets')).toBe(true);
		expect(acceptsValue(cooperation, ['dechets'], 'dechets')).toBe(false);
		expect(acceptsValue(cooperation, ['eau', 'eau'], 'dechets')).toBe(false);
		expect(acceptsValue(cooperation, ['piscine'], 'dechets')).toBe(false);
		expect(acceptsValue(cooperation, 'conforme', 'dechets')).toBe(false);
	});

	it('takes the external partners after the modules, each once', () => {
		expect(acceptsValue(cooperation, ['eau', 'communes-membres', 'autre'], 'dechets')).toBe(true);
		expect(acceptsValue(cooperation, ['patrimoine'], 'dechets')).toBe(true);
		expect(acceptsValue(cooperation, ['autre', 'autre'], 'dechets')).toBe(false);
		expect(acceptsValue(cooperation, ['communes'], 'dechets')).toBe(false);
	});
});

describe('readsValue', () => {
	it('reads a level stored on an obligation (given when it was a scale question)', () => {
		expect([0, 1, 2, 3, 4].every((v) => readsValue(obligation, v))).toBe(true);
		expect(readsValue(obligation, 5)).toBe(false);
	});

	it('does not read a compliance answer stored on a scale question', () => {
		expect(readsValue(scale, 'conforme')).toBe(false);
		expect(readsValue(scale, 3)).toBe(true);
	});
});
