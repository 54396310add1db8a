/**
 * A device that stores less of a diagnostic than a file held (an answer to a question its
 * questionnaire does not have, a note cut, an answer dated ahead of the export) sends it back
 * later: the sender must never lose what the trimmed copy lacks without being asked.
 */
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../answers';
import { modules } from '../content/content';
import { moduleQuestions, type Module } from '../content/questionnaire';
import type { DiagnosticSnapshot } from './format';
import { planImport, type ImportPlan } from './plan';
import { readExportText } from './read';
import { resolveImport } from './resolve';
import { buildExport, serializeExport } from './write';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 26, 10);
const app = { name: 'Leviers', version: '0.1.0' };
const dechets = modules.find((x) => x.id === 'dechets')!;
const questions = moduleQuestions(dechets);
const campaign: Campaign = {
	id: 'c1',
	authority: 'Commune',
	label: 'Diagnostic 2026',
	modules: [dechets.id],
	createdAt: NOW - 9 * DAY,
	updatedAt: NOW - 9 * DAY
};
/** The same modules, as an older app without the first question of Déchets. */
const olderModules = modules.map((m) =>
	m.id !== dechets.id
		? m
		: { ...m, themes: m.themes.map((t, i) => (i ? t : { ...t, questions: t.questions.slice(1) })) }
);

/** Device A's copy: every question answered, with a note, at `changedAt(i)`. */
function onA(changedAt: (i: number) => number): DiagnosticSnapshot {
	return {
		id: 'd1',
		campaignId: 'c1',
		moduleId: dechets.id,
		questionnaireVersion: dechets.version,
		status: 'draft',
		revision: questions.length,
		lineage: [],
		createdAt: NOW - 9 * DAY,
		updatedAt: NOW - DAY,
		origin: { kind: 'local' },
		answers: questions.map((q, i) => ({
			questionId: q.id,
			value: q.type === 'scale' ? 3 : q.type === 'obligation' ? 'conforme' : [],
			note: `note ${i}`,
			changedAt: changedAt(i)
		}))
	};
}

/** `data` exported by `device` at `now`, then previewed on a device holding `held`. */
function send(
	data: DiagnosticSnapshot,
	from: string,
	to: string,
	held: DiagnosticSnapshot | undefined,
	now: number,
	onModules: readonly Module[] = modules
): ImportPlan {
	const text = serializeExport(
		buildExport({
			scope: 'campaign',
			campaigns: [campaign],
			diagnostics: [data],
			device: from,
			app,
			now
		})
	);
	const r = readExportText(text);
	if (!r.ok) throw new Error(r.problem.message);
	const local = { device: to, campaigns: held ? [campaign] : [], diagnostics: new Map() };
	if (held) local.diagnostics.set(held.id, held);
	return planImport(r.file, local, { modules: onModules, fileName: 'f.json', now, version: 2 });
}

/** The last answer (a question both apps know) changed, as the repository would do it. */
function edit(d: DiagnosticSnapshot, now: number): DiagnosticSnapshot {
	const copy = structuredClone(d);
	const last = copy.answers.length - 1;
	copy.answers[last] = { ...copy.answers[last]!, value: 1, changedAt: now };
	copy.revision++;
	return copy;
}

const settleWithDefaults = (plan: ImportPlan, now: number) =>
	resolveImport(
		plan,
		{ campaigns: new Map(), conflicts: new Map() },
		{ device: 'A', newId: () => 'x', now }
	);

describe('a copy stored with less than the file held', () => {
	it('an answer to a question the older app does not know: sent back, a conflict, A keeps all', () => {
		const a = onA(() => NOW - 2 * DAY);
		const toB = send(a, 'A', 'B', undefined, NOW, olderModules);
		expect(toB.setAside.map((s) => s.reason)).toEqual(['unknown-question']);
		const onB = edit(toB.diagnostics[0]!.incoming, NOW + DAY);
		const back = send(onB, 'B', 'A', a, NOW + DAY);
		expect(back.diagnostics.map((d) => d.kind)).toEqual(['conflict']);
		// Nothing is written unless the user takes B's copy.
		expect(settleWithDefaults(back, NOW + DAY).diagnostics).toEqual([]);
	});

	it('a note cut to its limit: sent back, a conflict rather than A’s full note replaced', () => {
		const a = onA(() => NOW - 2 * DAY);
		a.answers[1]!.note = 'x'.repeat(6000);
		const toB = send(a, 'A', 'B', undefined, NOW);
		expect(toB.setAside.map((s) => s.reason)).toEqual(['too-long']);
		const back = send(edit(toB.diagnostics[0]!.incoming, NOW + DAY), 'B', 'A', a, NOW + DAY);
		expect(back.diagnostics.map((d) => d.kind)).toEqual(['conflict']);
	});

	it('the older app still takes A’s later versions as updates, without a conflict', () => {
		const a = onA(() => NOW - 2 * DAY);
		const onB = send(a, 'A', 'B', undefined, NOW, olderModules).diagnostics[0]!.incoming;
		const later = edit(a, NOW + DAY);
		const again = send(later, 'A', 'B', onB, NOW + DAY, olderModules);
		expect(again.diagnostics.map((d) => d.kind)).toEqual(['updated']);
		expect(again.diagnostics[0]!.incoming.answers.at(-1)!.value).toBe(1);
		// But once B changed its copy, A's later version is a conflict: B's change is not lost.
		const changed = send(later, 'A', 'B', edit(onB, NOW + DAY), NOW + DAY, olderModules);
		expect(changed.diagnostics.map((d) => d.kind)).toEqual(['conflict']);
	});

	it('the same file imported again once the app knows the question: an update', () => {
		const a = onA(() => NOW - 2 * DAY);
		const onB = send(a, 'A', 'B', undefined, NOW, olderModules).diagnostics[0]!.incoming;
		const again = send(a, 'A', 'B', onB, NOW);
		expect(again.diagnostics.map((d) => d.kind)).toEqual(['updated']);
		expect(again.diagnostics[0]!.incoming.answers).toHaveLength(questions.length);
	});

	it('answers dated ahead of the export (clock corrected since) all come back to A', () => {
		const a = onA((i) => (i < 5 ? NOW + 3 * DAY : NOW - 2 * DAY));
		const toB = send(a, 'A', 'B', undefined, NOW);
		expect(toB.diagnostics[0]!.incoming.answers).toHaveLength(questions.length);
		const back = send(edit(toB.diagnostics[0]!.incoming, NOW + DAY), 'B', 'A', a, NOW + DAY);
		expect(back.diagnostics.map((d) => d.kind)).toEqual(['updated']);
		const written = settleWithDefaults(back, NOW + DAY).diagnostics[0]!;
		expect(written.answers).toHaveLength(questions.length);
		expect(new Set(written.answers.map((r) => r.note))).toEqual(
			new Set(a.answers.map((r) => r.note))
		);
	});
});
