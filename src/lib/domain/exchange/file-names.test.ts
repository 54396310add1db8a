import { describe, expect, it } from 'vitest';
import type { Campaign } from '../answers';
import {
	backupFileName,
	campaignFileName,
	csvFileName,
	diagnosticFileName,
	slug
} from './file-names';

const campaign: Campaign = {
	id: 'x',
	authority: 'Communauté de communes exemple',
	label: 'Diagnostic 2026',
	modules: ['dechets'],
	createdAt: 0,
	updatedAt: 0
};
const day = new Date(2026, 10, 26, 10, 42).getTime();

describe('file names a person recognises', () => {
	it('shortens the kind of authority and drops accents and punctuation', () => {
		expect(slug('Communauté d’agglomération du Grand Évreux')).toBe('ca-du-grand-evreux');
		expect(slug('Ville de Saint-Lô « centre » !')).toBe('ville-de-saint-lo-centre');
		expect(slug('<script>alert(1)</script>')).toBe('script-alert-1-script');
		expect(slug('a'.repeat(80))).toHaveLength(40);
	});

	it('names diagnostics, campaigns, backups and CSV files', () => {
		expect(diagnosticFileName(campaign, 'dechets', day)).toBe(
			'leviers-dechets-cc-exemple-2026-11-26.json'
		);
		expect(campaignFileName(campaign, day)).toBe(
			'leviers-cc-exemple-diagnostic-2026-2026-11-26.json'
		);
		expect(backupFileName(day)).toBe('leviers-sauvegarde-2026-11-26.json');
		expect(csvFileName(campaign, 'scores', day)).toBe(
			'leviers-cc-exemple-diagnostic-2026-scores-2026-11-26.csv'
		);
	});
});
