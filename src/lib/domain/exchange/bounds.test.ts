/**
 * What an import does with files that would otherwise be stored and make later backups fail, or
 * mislead the person: revisions and histories at the format's bounds, a damaged diagnostic in a
 * backup, a "complete" diagnostic with unanswered questions, answers dated in the future.
 */
import { describe, expect, it } from 'vitest';
import { migrateToCurrent } from '../migration/shipped';
import { modules } from '../content/content';
import { moduleQuestions } from '../content/questionnaire';
import v2 from './fixtures/v2.json';
import { LINEAGE_KEPT, MAX_LINEAGE, MAX_REVISION, SANE_REVISION } from './limits';
import { planImport, type ImportPlan } from './plan';
import { readExportText } from './read';
import { resolveImport } from './resolve';
import { describeSetAside } from './set-aside-text';

const NOW = Date.UTC(2026, 10, 26, 10);
const [DECHETS, CANTINES] = v2.diagnostics;

type Fixture = typeof v2;
type Diagnostic = Fixture['diagnostics'][number];

/** The preview of the fixture changed by `change`, on an empty device. */
function preview(change: (f: Fixture) => void): ImportPlan {
	const data = structuredClone(v2);
	change(data);
	const r = readExportText(JSON.stringify(data));
	if (!r.ok) throw new Error(`${r.problem.message} ${r.problem.details.join(' | ')}`);
	return planImport(
		r.file,
		{ device: 'ce-poste', campaigns: [], diagnostics: new Map() },
		{
			modules,
			migrate: migrateToCurrent,
			fileName: 'f.json',
			now: NOW,
			version: r.version,
			rejected: r.rejected
		}
	);
}
const lines = (p: ImportPlan) => p.setAside.map((s) => describeSetAside(s, modules));
const incoming = (p: ImportPlan, id: string) =>
	p.diagnostics.find((d) => d.incoming.id === id)?.incoming;

/** A history of `n` checkpoints alternating between two devices, ending at `revision`. */
function longLineage(n: number, revision: number) {
	return Array.from({ length: n }, (_, i) => ({
		device: i % 2 ? 'poste-b' : 'poste-a',
		revision: revision - (n - 1 - i)
	}));
}

describe('revisions and histories stay within bounds that edits cannot cross', () => {
	it('a revision at the format’s maximum starts a fresh history, and says so', () => {
		const p = preview((f) => {
			f.diagnostics[0]!.revision = MAX_REVISION;
			f.diagnostics[0]!.lineage = [{ device: f.device, revision: MAX_REVISION }];
		});
		const fresh = incoming(p, DECHETS!.id)!;
		expect(fresh.revision).toBe(1);
		expect(fresh.lineage).toHaveLength(1);
		// Never the sender's name: its own checkpoint {device, 1} is a real, different state.
		expect(fresh.lineage![0]!.device).not.toBe(v2.device);
		expect(fresh.lineage![0]!.revision).toBe(1);
		expect(lines(p)).toEqual([
			'Le diagnostic (Déchets) porte un numéro de révision anormal (1\u202f000\u202f000\u202f000, au-delà de 100\u202f000\u202f000)\u202f: il est importé avec un historique neuf, à la révision 1\u202f; une autre copie de ce diagnostic sera vue comme en conflit avec lui.'
		]);
	});

	it('a revision up to the sane bound is kept as it is', () => {
		const p = preview((f) => {
			f.diagnostics[0]!.revision = SANE_REVISION;
			f.diagnostics[0]!.lineage = [{ device: f.device, revision: SANE_REVISION }];
		});
		expect(incoming(p, DECHETS!.id)?.revision).toBe(SANE_REVISION);
		expect(p.setAside).toEqual([]);
	});

	it('a history at the format’s maximum length is kept to its latest checkpoints', () => {
		const lineage = longLineage(MAX_LINEAGE, 5000);
		const p = preview((f) => {
			f.diagnostics[0]!.revision = 5000;
			f.diagnostics[0]!.lineage = lineage;
		});
		expect(incoming(p, DECHETS!.id)?.lineage).toEqual(lineage.slice(-LINEAGE_KEPT));
	});

	it('taking the file’s copy in a conflict keeps the history bounded', () => {
		const lineage = longLineage(LINEAGE_KEPT, 5000);
		const p = preview((f) => {
			f.diagnostics[0]!.revision = 5000;
			f.diagnostics[0]!.lineage = lineage;
		});
		const file = incoming(p, DECHETS!.id)!;
		const local = { ...file, revision: 7000, lineage: [{ device: 'ce-poste', revision: 7000 }] };
		const w = resolveImport(
			{ ...p, diagnostics: [{ kind: 'conflict', incoming: file, local }] },
			{ campaigns: new Map(), conflicts: new Map([[file.id, 'file' as const]]) },
			{ device: 'ce-poste', newId: () => 'copie', now: NOW }
		);
		const taken = w.diagnostics[0]!.diagnostic;
		expect(taken.revision).toBe(7001);
		expect(taken.lineage).toHaveLength(LINEAGE_KEPT);
		expect(taken.lineage?.at(-1)).toEqual({ device: 'ce-poste', revision: 7001 });
	});
});

describe('a backup with a damaged diagnostic imports everything else', () => {
	it('lists the damaged diagnostics set aside, with the reason, and keeps the others', () => {
		const p = preview((f) => {
			f.diagnostics[0]!.revision = MAX_REVISION + 1;
			f.diagnostics.push({
				...structuredClone(f.diagnostics[1]!),
				id: 'long',
				revision: 5000,
				lineage: longLineage(MAX_LINEAGE + 1, 5000)
			} as Diagnostic);
		});
		expect(p.diagnostics.map((d) => [d.kind, d.incoming.id])).toEqual([['added', CANTINES!.id]]);
		expect(lines(p)).toEqual([
			`Le diagnostic n° 1 du fichier (Déchets, identifiant «\u202f${DECHETS!.id}\u202f») est endommagé («\u202frevision\u202f»\u202f: nombre trop grand)\u202f: il n’est pas importé, le reste du fichier peut l’être.`,
			'Le diagnostic n° 3 du fichier (Cantines, identifiant «\u202flong\u202f») est endommagé («\u202flineage\u202f»\u202f: valeur trop longue ou liste trop grande)\u202f: il n’est pas importé, le reste du fichier peut l’être.'
		]);
	});

	it('counts the other errors of a damaged diagnostic in good French', () => {
		const line = (errors: number) =>
			describeSetAside(
				{
					reason: 'invalid',
					position: 2,
					detail: '«\u202fstatus\u202f»\u202f: champ manquant',
					errors
				},
				modules
			);
		expect(line(2)).toBe(
			'Le diagnostic n° 2 du fichier est endommagé («\u202fstatus\u202f»\u202f: champ manquant et 1 autre erreur)\u202f: il n’est pas importé, le reste du fichier peut l’être.'
		);
		expect(line(4)).toContain('champ manquant et 3 autres erreurs)');
	});

	it('a file that is not an export at all is still refused as a whole', () => {
		expect(readExportText('{"format": "leviers-export", "version": 2}').ok).toBe(false);
		expect(readExportText('{"format": "leviers-export", "version": 3}').ok).toBe(false);
	});
});

/** The déchets diagnostic of the fixture answered against the current module, every question. */
function answeredOnCurrent(f: Fixture) {
	const module = modules.find((m) => m.id === 'dechets')!;
	const d = f.diagnostics[0]! as { questionnaireVersion: number; answers: unknown[] };
	d.questionnaireVersion = module.version;
	for (const q of f.questionnaires) if (q.module === 'dechets') q.version = module.version;
	d.answers = moduleQuestions(module).map((q) => ({
		question: q.id,
		// A version 2 file writes obligations as levels, read as compliance.
		value: q.type === 'cooperation' ? [] : q.type === 'scale' ? 2 : 3,
		changedAt: '2026-03-02T09:01:00.000Z'
	}));
}

describe('a diagnostic marked complete is complete', () => {
	it('with 1 answer of 23 it is imported “En cours”, and the preview says why', () => {
		const p = preview((f) => {
			answeredOnCurrent(f);
			f.diagnostics[0]!.answers = f.diagnostics[0]!.answers.slice(0, 1);
		});
		expect(incoming(p, DECHETS!.id)?.status).toBe('draft');
		expect(lines(p)).toEqual([
			'Le diagnostic (Déchets) est marqué «\u202fTerminé\u202f» dans le fichier, mais 22 questions sur 23 n’ont pas de réponse\u202f: il est importé «\u202fEn cours\u202f».'
		]);
	});

	it('with every question answered it stays “Terminé”', () => {
		const p = preview(answeredOnCurrent);
		expect(lines(p)).toEqual([]);
		expect(incoming(p, DECHETS!.id)?.status).toBe('complete');
		expect(p.setAside).toEqual([]);
	});
});

describe('answers dated after the export', () => {
	it('beyond a day after the export are kept at the export’s date, and listed', () => {
		const p = preview((f) => {
			f.diagnostics[1]!.answers[0]!.changedAt = '2031-01-03T10:00:00.000Z';
			// Within a day of the export (clocks differ a little between devices): kept as it is.
			f.diagnostics[1]!.answers[1]!.changedAt = '2026-03-05T08:59:00.000Z';
		});
		const answers = incoming(p, CANTINES!.id)!.answers;
		const at = (q: string) => answers.find((a) => a.questionId === q)?.changedAt;
		expect(answers).toHaveLength(CANTINES!.answers.length);
		expect(at(CANTINES!.answers[0]!.question)).toBe(Date.parse(v2.exportedAt));
		expect(at(CANTINES!.answers[1]!.question)).toBe(Date.parse('2026-03-05T08:59:00.000Z'));
		expect(p.setAside.map((s) => [s.reason, s.questionId])).toEqual([
			['future-date', CANTINES!.answers[0]!.question]
		]);
		expect(lines(p)[0]).toMatch(
			/^La réponse à la question «\u202f.+\u202f» \(Cantines\) est datée du 3 janvier 2031, plus d’un jour après l’export du fichier \(4 mars 2026\)\u202f: elle est importée, datée du jour de l’export\.$/
		);
	});
});
