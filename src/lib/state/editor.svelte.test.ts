import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, LeviersDB } from '$lib/db/db';
import { Repository, repository } from '$lib/db/repository';
import { getModule } from '$lib/domain/content/content';
import type { Module, Question } from '$lib/domain/content/questionnaire';
import { DiagnosticEditor, NOTE_MAX_WAIT_MS } from './editor.svelte';
import { flatRows } from '$lib/db/answer-sets';

const Q1 = 'dechets-actions-associations';
const Q2 = 'dechets-plpdma-commission';
/** An obligation (made one here if the shipped content still asks it on the scale). */
const OBLIGATION = 'dechets-plpdma-pilotage';

function asObligation(q: Question): Question {
	if (q.type !== 'scale' || q.id !== OBLIGATION || q.reference.kind !== 'fact') return q;
	return {
		id: q.id,
		type: 'obligation',
		text: q.text,
		help: q.help,
		reference: q.reference,
		todo: 'Faire adopter le programme par l’assemblée délibérante.'
	};
}

const dechets: Module = (() => {
	const m = getModule('dechets')!;
	return {
		...m,
		themes: m.themes.map((t) => ({ ...t, questions: t.questions.map(asObligation) }))
	};
})();
let campaignId: string;
let stop: () => void = () => {};

beforeEach(async () => {
	await db.open();
	await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
	localStorage.clear();
	campaignId = (
		await repository.createCampaign({ authority: 'CC test', label: 'D 2026', modules: ['dechets'] })
	).id;
});
afterEach(() => {
	stop();
	vi.restoreAllMocks();
	db.writes.resume();
});

/** An editor read by an effect, as the filling page reads it. */
function open(): DiagnosticEditor {
	const editor = new DiagnosticEditor(campaignId, dechets);
	stop = $effect.root(() => {
		$effect(() => {
			void editor.stored;
			void editor.diagnostic;
		});
	});
	flushSync();
	return editor;
}

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 300 && !check(); i++) {
		await new Promise((r) => setTimeout(r, 10));
		flushSync();
	}
	expect(check()).toBe(true);
}

/** The page opened again (a reload): a new editor on the same database. */
function reopen(): DiagnosticEditor {
	stop();
	return open();
}

/** Another tab: its own connection to the same database. */
function otherTab(): { repo: Repository; close: () => void } {
	const other = new LeviersDB();
	return { repo: new Repository(other), close: () => other.close() };
}

describe('DiagnosticEditor', () => {
	it('shows a chosen value at once, «\u202fsaving\u202f» until committed, then «\u202fsaved\u202f»', async () => {
		const editor = open();
		await until(() => !editor.loading);
		expect(editor.diagnostic).toBeUndefined();
		const write = editor.answer(Q1, 3);
		flushSync();
		expect(editor.value(Q1)).toBe(3);
		expect(editor.state(Q1)).toBe('saving');
		await write;
		flushSync();
		expect(editor.state(Q1)).toBe('saved');
		// Committed, and still shown before the live rows have caught up: no flicker back.
		expect(editor.value(Q1)).toBe(3);
		await until(() => editor.stored?.get(Q1)?.value === 3);
		expect(editor.value(Q1)).toBe(3);
		expect(editor.diagnostic?.revision).toBe(1);
	});

	it('keeps a value whose write failed on screen, with a French message, and retries it', async () => {
		const editor = open();
		await until(() => !editor.loading);
		vi.spyOn(repository, 'saveAnswer').mockRejectedValueOnce(new Error('échec passager'));
		await editor.answer(Q1, 2);
		flushSync();
		expect(editor.value(Q1)).toBe(2);
		expect(editor.state(Q1)).toBe('error');
		expect(editor.problem?.message).toBe('L’enregistrement a échoué.');
		expect(editor.dirty).toBe(true);
		await editor.flushAll();
		flushSync();
		expect(editor.state(Q1)).toBe('saved');
		expect(editor.problem).toBeNull();
		await until(() => editor.stored?.get(Q1)?.value === 2);
	});

	it('after a full disk, writes nothing more and keeps every choice on screen until resumed', async () => {
		const editor = open();
		await until(() => !editor.loading);
		const full = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
		vi.spyOn(repository, 'saveAnswer').mockRejectedValueOnce(full);
		await editor.answer(Q1, 2);
		expect(db.writes.halted).toBe('quota');
		// The next choice is not even tried against the disk: it stays on screen.
		await editor.answer(Q2, 4);
		flushSync();
		expect([editor.value(Q1), editor.value(Q2)]).toEqual([2, 4]);
		expect([editor.state(Q1), editor.state(Q2)]).toEqual(['error', 'error']);
		// Closed until « Réessayer » (storage-health) has started a clean log and reopens it.
		expect(db.isOpen()).toBe(false);
		db.writes.resume();
		await db.open();
		expect(await db.answerSets.count()).toBe(0);
		await editor.flushAll();
		await until(() => editor.stored?.get(Q1)?.value === 2 && editor.stored?.get(Q2)?.value === 4);
		expect(editor.dirty).toBe(false);
	});

	it('sees an answer and a respondent written in another tab', async () => {
		const editor = open();
		await until(() => !editor.loading);
		const tab = otherTab();
		const ref = { campaignId, moduleId: 'dechets' as const };
		await tab.repo.saveAnswer(ref, Q2, 'nsp');
		await tab.repo.saveRespondent(ref, { name: 'C. Roux', role: 'Responsable déchets' });
		tab.close();
		await until(() => editor.value(Q2) === 'nsp');
		await until(() => editor.diagnostic?.respondent?.name === 'C. Roux');
		expect(editor.respondent(editor.diagnostic?.respondent)).toEqual({
			name: 'C. Roux',
			role: 'Responsable déchets'
		});
	});

	it('saves a note typed without a pause before typing stops', async () => {
		const editor = open();
		await until(() => !editor.loading);
		const started = Date.now();
		let text = '';
		// A key every 100 ms: never the 700 ms pause that would save it.
		while (Date.now() - started < NOTE_MAX_WAIT_MS + 800) {
			text += 'a';
			editor.typeText('note', Q1, text);
			await new Promise((r) => setTimeout(r, 100));
			flushSync();
		}
		const stored = editor.stored?.get(Q1)?.note ?? '';
		expect(stored.length).toBeGreaterThan(0);
		expect(text.startsWith(stored)).toBe(true);
		await editor.flushText('note', Q1);
		await until(() => editor.stored?.get(Q1)?.note === text);
	});

	it('keeps the respondent as typed while answers change elsewhere', async () => {
		const editor = open();
		await until(() => !editor.loading);
		editor.typeRespondent({ name: 'Jean ', role: '' });
		await editor.flushRespondent();
		await until(() => editor.diagnostic?.respondent?.name === 'Jean');
		const tab = otherTab();
		await tab.repo.saveAnswer({ campaignId, moduleId: 'dechets' }, Q2, 1);
		tab.close();
		await until(() => editor.value(Q2) === 1);
		// The space typed before the save is still there for the next letter.
		expect(editor.respondent(editor.diagnostic?.respondent)).toEqual({ name: 'Jean ', role: '' });
	});

	it('stores a partner ticked on a cooperation question (a list, not a proxy IndexedDB refuses)', async () => {
		const editor = open();
		await until(() => !editor.loading);
		const q = 'dechets-coop-chantiers';
		await editor.togglePartner(q, 'eau', true);
		await editor.togglePartner(q, 'marches', true);
		flushSync();
		expect(editor.state(q)).toBe('saved');
		await until(() => JSON.stringify(editor.stored?.get(q)?.value) === '["eau","marches"]');
	});

	it('stores an obligation answer and shows it again after a reload', async () => {
		const editor = open();
		await until(() => !editor.loading);
		await editor.answer(OBLIGATION, 'en-cours');
		flushSync();
		expect(editor.state(OBLIGATION)).toBe('saved');
		expect(editor.problem).toBeNull();
		const again = reopen();
		await until(() => !again.loading);
		expect(again.value(OBLIGATION)).toBe('en-cours');
	});

	it('refuses a compliance answer on a scale question, and a level on an obligation, writing nothing', async () => {
		const editor = open();
		await until(() => !editor.loading);
		await editor.answer(Q1, 'conforme');
		await editor.answer(OBLIGATION, 3);
		flushSync();
		expect(editor.problem?.message).toBe(
			'Cette réponse ne correspond pas à la question\u202f: elle n’est pas enregistrée.'
		);
		expect([editor.value(Q1), editor.value(OBLIGATION)]).toEqual([null, null]);
		expect(editor.dirty).toBe(false);
		expect(await db.answerSets.count()).toBe(0);
		expect(editor.diagnostic).toBeUndefined();
	});

	it('shows a level stored on an obligation, and no answer for a compliance stored on a scale question', async () => {
		const tab = otherTab();
		const ref = { campaignId, moduleId: 'dechets' as const };
		// As a device or a file of another version may have left them.
		await tab.repo.saveAnswer(ref, OBLIGATION, 3);
		await tab.repo.saveAnswer(ref, Q1, 'conforme');
		await tab.repo.saveAnswer(ref, Q2, 'nsp');
		tab.close();
		const editor = open();
		await until(() => editor.stored?.size === 3);
		expect([editor.value(OBLIGATION), editor.value(Q1), editor.value(Q2)]).toEqual([
			3,
			null,
			'nsp'
		]);
		// Choosing a compliance on the obligation replaces the level.
		await editor.answer(OBLIGATION, 'conforme');
		await until(() => editor.stored?.get(OBLIGATION)?.value === 'conforme');
	});

	it('drops crash copies of a note on an unknown question and of a damaged respondent', async () => {
		const scope = `leviers-brouillon:${campaignId}/dechets`;
		const copy = (text: string) => JSON.stringify({ text, at: Date.now() });
		localStorage.setItem(`${scope}:note:question-inconnue`, copy('perdue'));
		localStorage.setItem(`${scope}:respondent`, copy('{"name":5,"role":null}'));
		localStorage.setItem(`${scope}:note:${OBLIGATION}`, copy('Bilan 2025 à présenter'));
		// An « Autre » text of a question where « Autre » is not ticked (it was unticked since).
		localStorage.setItem(`${scope}:otherPartner:dechets-coop-chantiers`, copy('Syndicat'));
		const editor = open();
		await until(() => !editor.loading);
		await until(() => localStorage.getItem(`${scope}:note:question-inconnue`) === null);
		expect(localStorage.getItem(`${scope}:respondent`)).toBeNull();
		expect(localStorage.getItem(`${scope}:otherPartner:dechets-coop-chantiers`)).toBeNull();
		// The copy of a real question is typed again, and saved.
		expect(editor.text('note', OBLIGATION)).toBe('Bilan 2025 à présenter');
		await editor.flushAll();
		await until(() => editor.stored?.get(OBLIGATION)?.note === 'Bilan 2025 à présenter');
		expect(flatRows(await db.answerSets.toArray())).toHaveLength(1);
		expect(editor.diagnostic?.respondent).toBeUndefined();
	});
	it('saves the « Autre » partner typed without a pause, and drops it when « Autre » is unticked', async () => {
		const editor = open();
		await until(() => !editor.loading);
		const q = 'dechets-coop-chantiers';
		const scope = `leviers-brouillon:${campaignId}/dechets`;
		await editor.togglePartner(q, 'autre', true);
		const started = Date.now();
		let text = '';
		while (Date.now() - started < NOTE_MAX_WAIT_MS + 800) {
			text += 'b';
			editor.typeText('otherPartner', q, text);
			await new Promise((r) => setTimeout(r, 100));
			flushSync();
		}
		const stored = editor.stored?.get(q)?.otherPartner ?? '';
		expect(stored.length).toBeGreaterThan(0);
		expect(localStorage.getItem(`${scope}:otherPartner:${q}`)).not.toBeNull();
		await editor.togglePartner(q, 'autre', false);
		flushSync();
		expect(editor.dirty).toBe(false);
		expect(localStorage.getItem(`${scope}:otherPartner:${q}`)).toBeNull();
		await until(() => editor.stored?.get(q)?.value === null);
		expect(editor.stored?.get(q)?.otherPartner).toBeUndefined();
		expect(editor.text('otherPartner', q)).toBe('');
	});
});
