import { describe, expect, it } from 'vitest';
import { joiningText } from './wording';

describe('joiningText', () => {
	it('agrees the verb with the number of diagnostics', () => {
		expect(joiningText(1)).toBe(
			'1 diagnostic rejoint cette démarche, déjà présente sur cet appareil.'
		);
		expect(joiningText(0)).toBe(
			'0 diagnostic rejoint cette démarche, déjà présente sur cet appareil.'
		);
		expect(joiningText(3)).toBe(
			'3 diagnostics rejoignent cette démarche, déjà présente sur cet appareil.'
		);
	});
});
