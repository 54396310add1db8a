/**
 * The import as the page walks through it: read the file (with progress), check it, preview,
 * collect the user's decisions, apply in one transaction (with progress), report.
 */
import { SvelteMap } from 'svelte/reactivity';
import { db } from '$lib/db/db';
import { storageErrorText } from '$lib/db/errors';
import { NOT_READ, readHaltFlag, tornLog } from '$lib/db/halt-flag';
import { previewImport } from '$lib/db/exchange';
import { repository } from '$lib/db/repository';
import { loadModules } from '$lib/domain/content/load';
import type { ImportPlan } from '$lib/domain/exchange/plan';
import type { ImportProblem } from '$lib/domain/exchange/problems';
import { checkSize } from '$lib/domain/exchange/read';
import {
	resolveImport,
	type CampaignDecision,
	type ConflictDecision
} from '$lib/domain/exchange/resolve';
import { settleForSync } from '$lib/domain/sync/settle';
import { trackWrite } from '$lib/state/writes.svelte';
import { previewInBackground } from './preview-client';

/** Where the import stands. */
export type ImportStep =
	| { kind: 'idle' }
	| { kind: 'reading'; fileName: string; loaded: number; total: number }
	/** `share`: how much of the checked plan the page has received (0–1), when known. */
	| { kind: 'checking'; fileName: string; share?: number }
	| { kind: 'refused'; fileName: string; problem: ImportProblem }
	| { kind: 'preview'; plan: ImportPlan }
	| { kind: 'applying'; plan: ImportPlan; done: number; total: number }
	| { kind: 'done'; plan: ImportPlan; written: number; actions: number; campaignIds: string[] };

/** One import, from the chosen file to the report. */
export class ImportFlow {
	// Raw: the plan is replaced, never mutated, and IndexedDB cannot store proxies.
	#step = $state.raw<ImportStep>({ kind: 'idle' });
	#error = $state('');
	#applying = $state(false);
	/** The campaign whose server versions are previewed, or null for a file. */
	#sync = $state<string | null>(null);
	#run = 0;
	/** Stops the preview in progress (a new file, or "Annuler"). */
	#abort = new AbortController();
	/** Decisions for the campaigns the device does not know, by the file's campaign id. */
	readonly campaigns = new SvelteMap<string, CampaignDecision>();
	/** Decisions for the conflicts, by diagnostic id. */
	readonly conflicts = new SvelteMap<string, ConflictDecision>();
	/** Decisions for the conflicts of actions, by action id. */
	readonly actionConflicts = new SvelteMap<string, ConflictDecision>();

	/** The current step. */
	get step(): ImportStep {
		return this.#step;
	}

	/** Why applying failed (the preview stays on screen). */
	get error(): string {
		return this.#error;
	}

	/** Whether the import is being applied (from the click on "Importer" to the report). */
	get applying(): boolean {
		return this.#applying;
	}

	/** Resolves once the import being applied, if any, has ended: true unless it failed. */
	settled(): Promise<boolean> {
		return this.#applied;
	}
	#applied = Promise.resolve(true);

	/** How many conflicts still wait for a decision. */
	get unresolved(): number {
		const s = this.#step;
		if (s.kind !== 'preview') return 0;
		return (
			s.plan.diagnostics.filter((d) => d.kind === 'conflict' && !this.conflicts.has(d.incoming.id))
				.length +
			s.plan.actions.filter(
				(a) => a.kind === 'conflict' && !this.actionConflicts.has(a.incoming.id)
			).length
		);
	}

	/** The campaign whose server versions are previewed (synchronisation), or null for a file. */
	get sync(): string | null {
		return this.#sync;
	}

	/** Previews what the server holds for a synchronised campaign, like a file. */
	async openSync(campaignId: string, text: string): Promise<void> {
		this.reset();
		const run = this.#run;
		this.#sync = campaignId;
		const fileName = 'Synchronisation avec le serveur';
		this.#step = { kind: 'checking', fileName };
		const modules = await loadModules();
		const r = await previewImport(db, text, { fileName, now: Date.now(), modules });
		// Cancelled, or another file chosen meanwhile: that one's step stays.
		if (run !== this.#run) return;
		if (!r.ok) this.#step = { kind: 'refused', fileName, problem: r.problem };
		else this.#step = { kind: 'preview', plan: r.plan };
	}

	/** Back to the file picker. */
	reset(): void {
		this.#run++;
		this.#abort.abort();
		this.#abort = new AbortController();
		this.#sync = null;
		this.#step = { kind: 'idle' };
		this.#error = '';
		this.campaigns.clear();
		this.conflicts.clear();
		this.actionConflicts.clear();
	}

	/** Reads, checks and previews a chosen or dropped file; writes nothing. */
	async open(file: File): Promise<void> {
		this.reset();
		const run = this.#run;
		const fileName = file.name.slice(0, 200);
		const refuse = (problem: ImportProblem) => {
			if (run === this.#run) this.#step = { kind: 'refused', fileName, problem };
		};
		const tooBig = checkSize(file.size);
		if (tooBig) return refuse(tooBig);
		// After a storage failure nothing opens the store before « Réessayer » (halt-flag.ts); the
		// preview's worker has a database of its own, which the halt would not stop.
		if (tornLog(readHaltFlag()) || db.writes.halted)
			return refuse({ message: NOT_READ, action: '', details: [] });
		this.#step = { kind: 'reading', fileName, loaded: 0, total: file.size };
		// The page names questions and modules in the preview: their texts load meanwhile.
		const texts = loadModules().catch(() => []);
		const r = await previewInBackground(
			file,
			{ fileName, now: Date.now() },
			(p) => {
				if (run !== this.#run) return;
				if (p.kind === 'reading') this.#step = { ...p, fileName };
				else if (p.kind === 'checking') this.#step = { kind: 'checking', fileName };
				else this.#step = { kind: 'checking', fileName, share: p.share };
			},
			this.#abort.signal
		);
		await texts;
		if (run !== this.#run) return;
		if (!r.ok) return refuse(r.problem);
		this.#step = { kind: 'preview', plan: r.plan };
	}

	/** Applies the preview with the decisions taken, in one transaction. */
	async apply(): Promise<void> {
		const s = this.#step;
		// Set before the first await: a double click would otherwise apply the preview twice,
		// and the second run, finding the first one's writes, would report that nothing was imported.
		if (this.#applying || s.kind !== 'preview' || this.unresolved > 0) return;
		this.#applying = true;
		let ended: (written: boolean) => void = () => {};
		this.#applied = new Promise<boolean>((resolve) => (ended = resolve));
		const plan = s.plan;
		this.#error = '';
		// The choices as they are at the click: leaving the page meanwhile clears the flow's maps,
		// and the import must not write without them (conflicts taken as « local », a campaign
		// to attach made anew).
		// Plain copies, read once, not state.
		/* eslint-disable svelte/prefer-svelte-reactivity */
		const campaigns = new Map(this.campaigns);
		const conflicts = new Map(this.conflicts);
		const actionConflicts = new Map(this.actionConflicts);
		/* eslint-enable svelte/prefer-svelte-reactivity */
		const sync = this.#sync;
		try {
			const device = await repository.deviceId();
			// A synchronised conflict settled « keep this device's » must win on the server too.
			const settled = sync
				? settleForSync(plan, conflicts, actionConflicts)
				: { plan, conflicts, actionConflicts };
			const writes = resolveImport(
				settled.plan,
				{
					campaigns,
					conflicts: settled.conflicts,
					actionConflicts: settled.actionConflicts
				},
				{ device, newId: () => crypto.randomUUID(), now: Date.now() }
			);
			const total = writes.diagnostics.length;
			this.#step = { kind: 'applying', plan, done: 0, total };
			await trackWrite(
				repository.applyImport(writes, (done) => {
					this.#step = { kind: 'applying', plan, done, total };
				})
			);
			const campaignIds: string[] = [];
			for (const id of [
				...writes.diagnostics.map((w) => w.diagnostic.campaignId),
				...writes.actions.map((w) => w.action.campaignId),
				...writes.campaigns.map((c) => c.id)
			])
				if (!campaignIds.includes(id)) campaignIds.push(id);
			const actions = writes.actions.length;
			this.#step = { kind: 'done', plan, written: total, actions, campaignIds };
		} catch (e) {
			this.#error = storageErrorText(e);
			this.#step = { kind: 'preview', plan };
		} finally {
			this.#applying = false;
			ended(this.#step.kind === 'done');
		}
	}
}
