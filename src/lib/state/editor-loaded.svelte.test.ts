// The filling page shows the answers its load read at once, without waiting for the editor's live
// read (issue 16: one database round trip less before the first question). What a person would
// notice: the stored answers there from the first frame, a change from another tab still shown,
// and an answer chosen in that first instant never flickering back.
import { flushSync } from 'svelte';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { db, LeviersDB } from '$lib/db/db';
import { queries } from '$lib/db/queries';
import { Repository, repository } from '$lib/db/repository';
import { getModule } from '$lib/domain/content/content';
import { DiagnosticEditor } from './editor.svelte';

const dechets = getModule('dechets')!;
const [Q1, Q2] = dechets.themes.flatMap((t) => t.questions).filter((q) => q.type === 'scale');
let campaignId: string;
let stop: () => void = () => {};

beforeEach(async () => {
	await db.open();
	await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
	localStorage.clear();
	campaignId = (
		await repository.createCampaign({ authority: 'CC test', label: 'D 2026', modules: ['dechets'] })
	).id;
	const d = await repository.openDiagnostic(campaignId, 'dechets');
	await repository.saveAnswer(d.id, Q1!.id, 2);
});
afterEach(() => stop());

/** The editor as the page makes it from its load, with every value it showed of `question`. */
async function openLoaded(question: string) {
	const loaded = await queries.fillingState(campaignId, 'dechets');
	const editor = new DiagnosticEditor(campaignId, dechets, loaded);
	const shown: unknown[] = [];
	stop = $effect.root(() => {
		$effect(() => {
			void editor.stored;
			shown.push(editor.value(question));
		});
	});
	flushSync();
	return { editor, shown };
}

async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 300 && !check(); i++) {
		await new Promise((r) => setTimeout(r, 10));
		flushSync();
	}
	expect(check()).toBe(true);
}

it('shows the loaded answers from the first frame, then follows another tab', async () => {
	const { editor, shown } = await openLoaded(Q1!.id);
	expect(editor.loading).toBe(false);
	expect(shown).toEqual([2]);
	const other = new LeviersDB();
	try {
		const id = editor.diagnostic!.id;
		await new Repository(other).saveAnswer(id, Q1!.id, 4);
		await until(() => editor.value(Q1!.id) === 4);
	} finally {
		other.close();
	}
});

it('keeps an answer chosen before the live read arrives, without a flicker', async () => {
	const { editor, shown } = await openLoaded(Q2!.id);
	await editor.answer(Q2!.id, 3);
	await until(() => editor.stored?.get(Q2!.id)?.value === 3);
	await new Promise((r) => setTimeout(r, 100));
	flushSync();
	expect(editor.value(Q2!.id)).toBe(3);
	// Null before the choice, then 3 only: never back to null once chosen.
	expect(shown.slice(shown.indexOf(3))).not.toContain(null);
	expect(editor.value(Q1!.id)).toBe(2);
});

it('keeps the answers shown when storage halts after they were read (the banner says why)', async () => {
	// The page reads without Dexie (issue 16) and reads again on every change: after a failed
	// disk write that read is refused, and the form must not vanish behind a read error.
	const { editor } = await openLoaded(Q1!.id);
	await until(() => editor.stored?.get(Q1!.id)?.value === 2);
	expect(db.writes.report({ name: 'QuotaExceededError' })).toBe('quota');
	try {
		// A change heard from another tab makes the page read again: refused while halted.
		new BroadcastChannel('x-storagemutated-1').postMessage({});
		await new Promise((r) => setTimeout(r, 200));
		flushSync();
		expect(editor.readError).toBeUndefined();
		expect(editor.value(Q1!.id)).toBe(2);
		await editor.answer(Q2!.id, 3);
		expect(editor.value(Q2!.id)).toBe(3);
		// Shown, not written: the page says so, and a copy waits in localStorage for a next visit.
		expect(editor.problem).not.toBeNull();
		const kept = localStorage.getItem(`leviers-brouillon:${campaignId}/dechets:answer:${Q2!.id}`);
		expect(JSON.parse(kept ?? '{}').text).toBe('3');
	} finally {
		db.writes.resume();
		if (!db.isOpen()) await db.open();
	}
});

it('chooses again an answer a closed page left unsaved, and drops a copy the question does not take', async () => {
	const scope = `leviers-brouillon:${campaignId}/dechets`;
	const copy = (text: string) => JSON.stringify({ text, at: Date.now() });
	localStorage.setItem(`${scope}:answer:${Q1!.id}`, copy('4'));
	localStorage.setItem(`${scope}:answer:${Q2!.id}`, copy('"<img src=x onerror=alert(1)>"'));
	const { editor } = await openLoaded(Q1!.id);
	await until(() => editor.stored?.get(Q1!.id)?.value === 4);
	await until(() => localStorage.getItem(`${scope}:answer:${Q1!.id}`) === null);
	expect(localStorage.getItem(`${scope}:answer:${Q2!.id}`)).toBeNull();
	expect(editor.value(Q2!.id)).toBeNull();
	expect(editor.problem).toBeNull();
});
