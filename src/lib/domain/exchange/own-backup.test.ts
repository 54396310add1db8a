/** The app's own full backup, read back by its own import: nothing of it may be refused or lost. */
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../answers';
import { modules } from '../content/content';
import { moduleQuestions } from '../content/questionnaire';
import type { DiagnosticSnapshot } from './format';
import { MAX_FILE_BYTES } from './limits';
import { planImport } from './plan';
import { checkSize, readExportText } from './read';
import { buildExport, oversizedExport, serializeExport } from './write';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 26, 10);
const app = { name: 'Leviers', version: '0.1.0' };

function campaign(i: number): Campaign {
	const at = NOW - DAY;
	const ids = modules.map((m) => m.id);
	return {
		id: `c${i}`,
		authority: `Commune ${i}`,
		label: 'Diagnostic',
		modules: ids,
		createdAt: at,
		updatedAt: at
	};
}

/** Every question of `m` answered with `note`, at `changedAt`. */
function diagnostic(
	c: Campaign,
	m: (typeof modules)[number],
	note: string,
	changedAt: number
): DiagnosticSnapshot {
	return {
		id: `${c.id}-${m.id}`,
		campaignId: c.id,
		moduleId: m.id,
		questionnaireVersion: m.version,
		status: 'draft',
		revision: 3,
		lineage: [],
		createdAt: NOW - DAY,
		updatedAt: changedAt,
		origin: { kind: 'local' },
		answers: moduleQuestions(m).map((q) => ({
			questionId: q.id,
			value: q.type === 'cooperation' ? [] : q.type === 'obligation' ? 'en-cours' : 2,
			note,
			changedAt
		}))
	};
}

const backup = (campaigns: Campaign[], diagnostics: DiagnosticSnapshot[]) =>
	serializeExport(
		buildExport({ scope: 'database', campaigns, diagnostics, device: 'dev', app, now: NOW })
	);

describe('the app’s own full backup', () => {
	it('answered while the clock was 3 days ahead, saved once it was fixed: restored whole', () => {
		const c = campaign(0);
		const d = diagnostic(c, modules[0]!, 'note', NOW + 3 * DAY);
		const r = readExportText(backup([c], [d]));
		if (!r.ok) throw new Error(r.problem.message);
		const empty = { device: null, campaigns: [], diagnostics: new Map() };
		const plan = planImport(r.file, empty, { modules, fileName: 'x.json', now: NOW, version: 2 });
		const restored = plan.diagnostics[0]!.incoming;
		expect(restored.answers).toHaveLength(d.answers.length);
		expect(restored.answers.every((a) => a.changedAt === NOW)).toBe(true);
		expect(plan.setAside.filter((s) => s.reason === 'future-date')).toHaveLength(d.answers.length);
	});

	it('of 12 campaigns whose every note is 5,000 “€” (over 20 Mo) is read back', () => {
		const note = '€'.repeat(5000);
		const campaigns = Array.from({ length: 12 }, (_, i) => campaign(i));
		const diagnostics = campaigns.flatMap((c) =>
			modules.map((m) => diagnostic(c, m, note, NOW - DAY))
		);
		const text = backup(campaigns, diagnostics);
		const bytes = new TextEncoder().encode(text).length;
		expect(bytes).toBeGreaterThan(20 * 1024 * 1024);
		expect(oversizedExport(text)).toBeNull();
		expect(checkSize(bytes)).toBeNull();
		const r = readExportText(text);
		expect(r.ok && r.file.diagnostics.length).toBe(diagnostics.length);
	});

	it('too large for any import is refused before its download, in French', () => {
		const over = '€'.repeat(Math.floor(MAX_FILE_BYTES / 3) + 1);
		expect(oversizedExport(over)).toMatch(
			/^Cet export pèserait 64,1 Mo, au-delà des 64 Mo qu’un import Leviers accepte\u202f: il ne pourrait pas être réimporté\. Rien n’a été téléchargé\./
		);
		// Exactly at the limit, it imports again: no refusal.
		expect(oversizedExport('€'.repeat(Math.floor(MAX_FILE_BYTES / 3)))).toBeNull();
		expect(checkSize(Math.floor(MAX_FILE_BYTES / 3) * 3)).toBeNull();
	});
});
