import { describe, expect, it } from 'vitest';
import v1 from './fixtures/v1.json';
import v2 from './fixtures/v2.json';
import v3 from './fixtures/v3.json';
import v4 from './fixtures/v4.json';
import { complianceOf } from '../scoring/obligations';
import { FORMAT_VERSION, MAX_FILE_BYTES } from './format';
import { V1_DEVICE } from './format-v1';
import { checkSize, looksTruncated, readExportText } from './read';

const text = (data: unknown) => JSON.stringify(data);
const refused = (input: string) => {
	const r = readExportText(input);
	if (r.ok) throw new Error('expected a refusal');
	return r.problem;
};

describe('one fixture per version', () => {
	it('migrates version 4 to version 5 with no actions, external partners and « Autre » kept', () => {
		const r = readExportText(text(v4));
		expect(r.ok && r.version).toBe(4);
		if (!r.ok) return;
		expect(r.file).toEqual({ ...v4, version: 5, actions: [] });
		const coop = r.file.diagnostics[1]!.answers.find(
			(a) => a.question === 'cantines-coop-approvisionnement'
		);
		expect(coop).toMatchObject({
			value: ['dechets', 'economie', 'communes-membres', 'autre'],
			otherPartner: 'Syndicat mixte de restauration collective'
		});
	});

	it('reads retired answers in version 4, and not in version 3 (a field it did not have)', () => {
		const retired = {
			question: 'dechets-annuaire-acteurs',
			text: 'Le service tient-il un annuaire des acteurs ?',
			value: 2,
			note: 'Avec la CCI',
			changedAt: '2026-03-02T09:00:00.000Z',
			fromVersion: 1,
			reason: 'Demandé une seule fois, dans le module Pilotage transversal.'
		};
		const withRetired = (version: number) => ({
			...v4,
			version,
			diagnostics: [{ ...v4.diagnostics[0]!, retired: [retired] }, v4.diagnostics[1]!]
		});
		const current = readExportText(text(withRetired(4)));
		expect(current.ok && current.file.diagnostics[0]!.retired).toEqual([retired]);
		const old = readExportText(text(withRetired(3)));
		expect(old.ok && old.file.diagnostics[0]!.retired).toBeUndefined();
		expect(old.ok && old.file.diagnostics[1]!.answers[0]).not.toHaveProperty('otherPartner');
	});

	it('migrates version 3 to the current version changing nothing', () => {
		const r = readExportText(text(v3));
		expect(r.ok && r.version).toBe(3);
		if (!r.ok) return;
		expect(r.rejected).toEqual([]);
		expect(r.file).toEqual({ ...v3, version: FORMAT_VERSION, actions: [] });
	});

	it('reads version 3 as is, obligation answers included', () => {
		const r = readExportText(text(v3));
		expect(r.ok && r.version).toBe(3);
		if (!r.ok) return;
		expect(r.file.diagnostics.map((d) => [d.module, d.answers.length])).toEqual([
			['dechets', 18],
			['cantines', 10]
		]);
		const values = new Map(r.file.diagnostics[1]!.answers.map((a) => [a.question, a.value]));
		expect(values.get('cantines-egalim-viandes-poissons')).toBe('en-cours');
		expect(values.get('cantines-contenants-plastique')).toBe('non-conforme');
	});

	it('migrates version 2 to the current version changing nothing: answers, notes, lineage', () => {
		const r = readExportText(text(v2));
		expect(r.ok && r.version).toBe(2);
		if (!r.ok) return;
		expect(r.file.version).toBe(FORMAT_VERSION);
		expect(r.rejected).toEqual([]);
		expect(r.file).toEqual({ ...v2, version: FORMAT_VERSION, actions: [] });
	});

	it('version 2 says with levels what version 3 says with compliance', () => {
		const old = readExportText(text(v2));
		const current = readExportText(text(v3));
		if (!old.ok || !current.ok) throw new Error('both fixtures read');
		const pairs = old.file.diagnostics.flatMap((d, i) =>
			d.answers.map((a, j) => [a, current.file.diagnostics[i]!.answers[j]!] as const)
		);
		const changed = pairs.filter(([a, b]) => JSON.stringify(a.value) !== JSON.stringify(b.value));
		expect(changed.length).toBe(7);
		for (const [a, b] of changed) expect(complianceOf(a.value)).toBe(b.value);
		for (const [a, b] of pairs) expect({ ...a, value: null }).toEqual({ ...b, value: null });
	});

	it('refuses compliance values in a version 2 file: the diagnostic is set aside, the rest read', () => {
		const forged = structuredClone(v2) as typeof v2 & { diagnostics: { answers: unknown[] }[] };
		(forged.diagnostics[0]!.answers[0] as { value: unknown }).value = 'conforme';
		const r = readExportText(text(forged));
		if (!r.ok) throw new Error(r.problem.message);
		expect(r.file.diagnostics.map((d) => d.module)).toEqual(['cantines']);
		expect(r.rejected).toEqual([
			{
				position: 1,
				id: v2.diagnostics[0]!.id,
				moduleId: 'dechets',
				detail:
					'réponse n° 1 › «\u202fvalue\u202f»\u202f: réponse attendue\u202f: 0 à 4, "na", "nsp", une liste de modules ou null',
				errors: 1
			}
		]);
		// The same answer in a version 3 file is read.
		const current = readExportText(text({ ...forged, version: 3 }));
		expect(current.ok && current.rejected).toEqual([]);
	});

	it('migrates version 1 to the same data as version 2, with a history of one checkpoint', () => {
		const old = readExportText(text(v1));
		const current = readExportText(text(v2));
		expect(old.ok && old.version).toBe(1);
		if (!old.ok || !current.ok) return;
		expect(old.file.version).toBe(FORMAT_VERSION);
		expect(old.file.campaigns).toEqual(current.file.campaigns);
		const strip = (f: typeof old.file) =>
			f.diagnostics.map((d) => ({
				...d,
				lineage: null,
				answers: [...d.answers].sort((a, b) => a.question.localeCompare(b.question))
			}));
		expect(strip(old.file)).toEqual(strip(current.file));
		expect(old.file.diagnostics[0]!.lineage).toEqual([{ device: V1_DEVICE, revision: 19 }]);
		expect(old.file.device).toBe(V1_DEVICE);
		expect(old.file.app.version).toBe('0.1.0');
	});
});

describe('hostile and broken files are refused with a French message', () => {
	it('refuses by size before reading: empty and over the limit', () => {
		expect(checkSize(0)?.message).toBe('Le fichier est vide.');
		expect(checkSize(100 * 1024 * 1024)?.message).toMatch(/pèse 100 Mo.*limite de 64 Mo/);
		expect(checkSize(MAX_FILE_BYTES)).toBeNull();
		// Just over the limit: never "pèse 64 Mo : … la limite de 64 Mo".
		expect(checkSize(MAX_FILE_BYTES + 1)?.message).toBe(
			'Le fichier pèse 64,1 Mo\u202f: il dépasse la limite de 64 Mo d’un export Leviers.'
		);
	});

	it.each([
		['', /vide/],
		['   \n', /vide/],
		['%PDF-1.7\u0000\u0001', /pas un fichier texte/],
		['Démarche;Service\r\n"a";"b"', /pas un fichier JSON lisible/],
		['{"format": "leviers-export", "version": 2, "campaigns": [{"id": "x', /incomplet/],
		['[1, 2', /incomplet/],
		['{"a": 1} trailing', /pas un fichier JSON lisible/]
	])('text %j', (input, message) => {
		const p = refused(input);
		expect(p.message).toMatch(message);
		expect(p.action).toMatch(/Rien n’a été importé/);
	});

	it('says a file of another format is not an export, and names a questionnaire file', () => {
		expect(refused('[]').message).toMatch(/n’est pas un export Leviers \(une liste\)/);
		expect(refused('42').message).toMatch(/n’est pas un export Leviers/);
		expect(refused(text({ format: 'excalidraw', version: 2 })).message).toMatch(
			/«\u202fexcalidraw\u202f»/
		);
		expect(refused(text({ id: 'dechets', themes: [] })).message).toMatch(/questionnaire/);
	});

	it('asks to update the app for a future version, and refuses an unreadable version', () => {
		const p = refused(text({ ...v4, version: 6 }));
		expect(p.message).toBe(
			'Ce fichier a été créé par une version plus récente de Leviers (format 6\u202f; cette version lit les formats 1 à 5).'
		);
		expect(p.action).toMatch(/Mettez Leviers à jour/);
		for (const version of [0, -1, 1.5, '2', null])
			expect(refused(text({ ...v2, version })).message).toMatch(/illisible/);
	});

	it('locates missing fields and wrong types the way a person counts', () => {
		const broken = structuredClone(v2) as Record<string, unknown> & typeof v2;
		broken.campaigns[0]!.authority = '   ';
		(broken.campaigns[0]!.modules as unknown[]).push(7);
		const p = refused(text(broken));
		expect(p.message).toBe(
			'Le fichier est endommagé ou a été modifié\u202f: 2 erreurs de contenu.'
		);
		expect(p.details).toEqual([
			'démarche n° 1 › «\u202fauthority\u202f»\u202f: valeur vide ou trop courte',
			'démarche n° 1 › module n° 4\u202f: texte attendu'
		]);
	});

	it('a damaged diagnostic is left out with its first error; the rest of the file is read', () => {
		const broken = structuredClone(v2) as Record<string, unknown> & typeof v2;
		delete (broken.diagnostics[1] as Partial<(typeof v2.diagnostics)[1]>).status;
		(broken.diagnostics[0]!.answers[2] as { value: unknown }).value = 7;
		broken.diagnostics[0]!.revision = 1_000_000_001;
		broken.diagnostics.push({ ...structuredClone(v2.diagnostics[1]!), id: 'bon' });
		const r = readExportText(text(broken));
		if (!r.ok) throw new Error(r.problem.message);
		expect(r.file.diagnostics.map((d) => d.id)).toEqual(['bon']);
		expect(r.rejected).toEqual([
			{
				position: 1,
				id: v2.diagnostics[0]!.id,
				moduleId: 'dechets',
				detail: '«\u202frevision\u202f»\u202f: nombre trop grand',
				errors: 2
			},
			{
				position: 2,
				id: v2.diagnostics[1]!.id,
				moduleId: 'cantines',
				detail: '«\u202fstatus\u202f»\u202f: champ manquant',
				errors: 1
			}
		]);
	});

	it('refuses impossible dates', () => {
		const broken = structuredClone(v2);
		broken.exportedAt = '2026-02-31T10:00:00.000Z';
		expect(refused(text(broken)).details).toEqual([
			'«\u202fexportedAt\u202f»\u202f: date attendue au format 2026-11-26T10:42:00.000Z'
		]);
	});

	it('drops __proto__ and constructor keys without polluting anything', () => {
		const hostile = text(v2).replace(
			'"format"',
			'"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "format"'
		);
		const r = readExportText(hostile);
		expect(r.ok).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		if (r.ok) expect(Object.hasOwn(r.file, '__proto__')).toBe(false);
	});

	it('accepts a byte order mark and unknown extra fields (newer minor additions)', () => {
		const r = readExportText('\uFEFF' + text({ ...v2, comment: 'ajouté par un autre outil' }));
		expect(r.ok).toBe(true);
	});
});

describe('looksTruncated', () => {
	it('sees open strings, objects and lists, not closed ones', () => {
		expect(looksTruncated('{"a": "b')).toBe(true);
		expect(looksTruncated('{"a": ["\\"{"')).toBe(true);
		expect(looksTruncated('{"a": 1}}')).toBe(false);
		expect(looksTruncated('{"a": "}"}')).toBe(false);
	});
});
