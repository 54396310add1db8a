/**
 * The synchronisation of one campaign (issue 15). Dexie stays the app's store; a PouchDB replica
 * on the device holds the campaign's documents (documents.ts) and replicates both ways with the
 * server, live, resuming by itself after a network cut.
 *
 * - Out (outbound.ts): when the campaign changes in Dexie, its export is cut into documents and
 *   each one the device may send is written to the replica; confirmed deletions too.
 * - In: when the replica changes, the version of each document to compare (leaves.ts) is put in
 *   an exchange file and previewed exactly like an imported file; what an import would add or
 *   update without a question is applied, conflicts wait for the user (import page), nothing is
 *   overwritten, and a deletion from elsewhere waits for the user's confirmation.
 */
import { liveQuery, type Subscription } from 'dexie';
import type { Database, Emitter, PouchDoc } from 'pouchdb-core';
import { APP_NAME, APP_VERSION } from '$lib/app-info';
import { db } from '$lib/db/db';
import { previewImport } from '$lib/db/exchange';
import { Queries } from '$lib/db/queries';
import { repository } from '$lib/db/repository';
import { syncSettings, type SyncSettings } from '$lib/db/sync-settings';
import { syncWrites } from '$lib/db/sync-writes';
import { StalePreviewError, storageErrorText } from '$lib/db/errors';
import { loadModules, loadedModules } from '$lib/domain/content/load';
import { resolveImport } from '$lib/domain/exchange/resolve';
import { describeActionSetAside } from '$lib/domain/exchange/action-set-aside-text';
import { describeSetAside } from '$lib/domain/exchange/set-aside-text';
import { buildExport } from '$lib/domain/exchange/write';
import {
	docsToExportText,
	parseSyncDocId,
	toSyncDocs,
	type SetAsideDoc,
	type SyncDoc
} from '$lib/domain/sync/documents';
import { copyOf, leafToRead, type Copy } from '$lib/domain/sync/leaves';
import { leavesOf, outbound } from './outbound';
import { localReplica, remoteDatabase } from './pouch';
import { INITIAL_STATE, replicationError, withRefused, type SyncState } from './state';
import { followWays } from './ways';

const APP = { name: APP_NAME, version: APP_VERSION };

/** Runs one campaign's synchronisation until stop(). */
export class CampaignSync {
	readonly #settings: SyncSettings;
	readonly #onState: (s: SyncState) => void;
	#state: SyncState = { ...INITIAL_STATE };
	#local: Database | null = null;
	#replication: Emitter | null = null;
	#changes: Emitter | null = null;
	#dexie: Subscription | null = null;
	#pending = new Set<string>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#queue: Promise<void> = Promise.resolve();
	#stopped = false;
	#runFailed = false; // the last run of the engine itself (not the replication) failed

	constructor(settings: SyncSettings, onState: (s: SyncState) => void) {
		this.#settings = settings;
		this.#onState = onState;
	}

	#set(patch: Partial<SyncState>): void {
		this.#state = { ...this.#state, ...patch, pending: this.#pending.size };
		this.#onState(this.#state);
	}

	start(): void {
		const campaignId = this.#settings.campaignId;
		const local = (this.#local = localReplica(campaignId));
		this.#set({ phase: 'starting' });
		this.#changes = local
			.changes({ since: 'now', live: true })
			.on('change', () => this.#schedule());
		this.#dexie = liveQuery(() =>
			Promise.all([
				db.diagnostics.where('campaignId').equals(campaignId).toArray(),
				db.actions.where('campaignId').equals(campaignId).toArray(),
				db.campaigns.get(campaignId)
			]).then(([d, a, c]) => [d.map((x) => x.revision), a.map((x) => x.revision), c?.updatedAt])
		).subscribe({ next: () => this.#schedule(), error: () => this.#schedule() });
		this.#startReplication();
		addEventListener('online', this.#online);
	}

	#online = () => {
		// Start again at once rather than wait for the back-off.
		this.#replication?.cancel();
		this.#startReplication();
	};

	#startReplication(): void {
		if (this.#stopped || !this.#local) return;
		const remote = remoteDatabase(this.#settings);
		const sync = this.#local.sync(remote, {
			live: true,
			retry: true,
			back_off_function: (delay: number) => (delay === 0 ? 500 : Math.min(delay * 2, 5000))
		});
		followWays(sync, (patch) => this.#set(patch));
		this.#replication = sync
			.on('change', (info: { direction: string; change: { docs: PouchDoc[] } }) => {
				if (info.direction === 'push')
					for (const d of info.change.docs) this.#pending.delete(d._id);
				this.#set({});
			})
			.on('denied', (e: { doc?: { id?: unknown } }) =>
				this.#set(withRefused(this.#state, e?.doc?.id))
			)
			.on('error', (err: unknown) => this.#set(replicationError(err)));
	}

	/** Runs out then in, once, after the current run (changes come in bursts). */
	#schedule(): void {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#queue = this.#queue.then(() => this.#run()).catch(() => {});
		}, 150);
	}

	async #run(): Promise<void> {
		if (this.#stopped || db.writes.halted) return;
		try {
			await this.#pushLocal();
			const ok = await this.#pullRemote();
			if (ok && this.#runFailed) this.#set({ phase: 'synced', error: null }); // error over
			this.#runFailed = !ok;
		} catch (e) {
			// Data changed while compared (nothing written): compare again with what is there now.
			if (e instanceof StalePreviewError) return this.#schedule();
			this.#runFailed = true;
			this.#set({ phase: 'error', error: storageErrorText(e) });
		}
	}

	/** The campaign as this device holds it, as documents. */
	async #localDocs(): Promise<SyncDoc[]> {
		const device = await repository.deviceId();
		const { campaignId } = this.#settings;
		const data = await new Queries(db).exportData({ scope: 'campaign', campaignId });
		return toSyncDocs(
			buildExport({ scope: 'campaign', ...data, device, app: APP, now: Date.now() })
		);
	}

	/** Deletions recorded here to send: a coordinator's only (a service head sends none). */
	#deletions = async () =>
		this.#settings.role === 'coordinator' ? syncSettings.deletions(this.#settings.campaignId) : [];

	async #pushLocal(): Promise<void> {
		// The deletions first: one confirmed after this read is in neither list, and waits for
		// the next run; read after the campaign, it would look like a document brought back.
		const deletions = await this.#deletions();
		const keep = new Set(await syncSettings.kept(this.#settings.campaignId));
		const out = await outbound(this.#local!, await this.#localDocs(), {
			device: (await repository.deviceId()) ?? '',
			coordinator: this.#settings.role === 'coordinator',
			deletions,
			keep,
			modules: await loadModules()
		});
		const failed = new Set<string>();
		if (out.writes.length) {
			const results = await this.#local!.bulkDocs(out.writes);
			for (const r of results) if ('error' in r) failed.add(r.id);
			const written = out.writes.map((w) => w._id).filter((id) => !failed.has(id));
			written.forEach((id) => this.#pending.add(id));
			out.keptDone.push(...written.filter((id) => keep.has(id)));
		}
		if (out.keptDone.length) await syncSettings.forgetKept(this.#settings.campaignId, out.keptDone);
		const done = out.deletionsDone.filter((id) => !failed.has(id));
		if (done.length) await syncSettings.forgetDeletions(this.#settings.campaignId, done);
		this.#set({ remoteDeletions: out.remoteDeletions, notSent: out.notSent });
	}

	/**
	 * Deletes here documents deleted on another device, as the user confirmed; between two runs,
	 * and only those still deleted in the replica (one kept on a third device meanwhile is not).
	 * Nothing is recorded to send: the deletion came from the server.
	 */
	async applyDeletions(docIds: readonly string[]): Promise<void> {
		const apply = async () => {
			const { rows } = await this.#local!.allDocs({ keys: [...docIds] });
			for (const [i, docId] of docIds.entries()) {
				if (!rows[i]?.value?.deleted) continue;
				const ref = parseSyncDocId(docId);
				if (ref?.type === 'action') await syncWrites.deleteAction(ref.id);
				else if (ref?.type === 'diagnostic') await syncWrites.deleteDiagnostic(ref.id);
			}
		};
		const next = this.#queue.then(apply);
		this.#queue = next.catch(() => {});
		await next;
		this.#schedule();
	}

	/** Keeps documents deleted on another device: they are written again over the deletion. */
	async keep(docIds: readonly string[]): Promise<void> {
		await syncSettings.keep(this.#settings.campaignId, docIds);
		this.#schedule();
	}

	/** The exchange file of what the replica holds that this device should compare with. */
	async inboundText(): Promise<{ text: string; setAside: SetAsideDoc[] }> {
		const local = this.#local!;
		const device = await repository.deviceId();
		const mine = new Map((await this.#localDocs()).map((d) => [d._id, d]));
		const { rows } = await local.allDocs({ include_docs: true, conflicts: true });
		const chosen: unknown[] = [];
		for (const row of rows) {
			const doc = row.doc;
			if (!doc || doc._id.startsWith('_design/')) continue;
			const raw = doc as { type?: unknown; campaignId?: unknown; campaign?: { id?: unknown } };
			const campaignId = raw.type === 'campaign' ? raw.campaign?.id : raw.campaignId;
			if (campaignId !== this.#settings.campaignId) continue;
			if (raw.type === 'campaign') {
				chosen.push(doc);
				continue;
			}
			const leaves = await leavesOf(local, doc);
			const copies = leaves.map(copyOf);
			if (copies.some((c) => c === null)) {
				chosen.push(...leaves); // the reader sets each aside with its reason
				continue;
			}
			const localDoc = mine.get(doc._id);
			const index = leafToRead(localDoc ? copyOf(localDoc) : null, copies as Copy[], device);
			if (index !== null) chosen.push(leaves[index]);
		}
		const { text, setAside } = docsToExportText(chosen, { now: Date.now(), device, app: APP });
		return { text, setAside };
	}

	/** Applies what needs no decision; false when the server's versions could not be read. */
	async #pullRemote(): Promise<boolean> {
		const { text, setAside } = await this.inboundText();
		const preview = await previewImport(db, text, {
			fileName: 'Synchronisation',
			now: Date.now(),
			modules: await loadModules()
		});
		if (!preview.ok) {
			this.#set({ phase: 'error', error: preview.problem.message });
			return false;
		}
		// Deleted here while this run compared (read after the preview, as both are written in
		// one transaction): not added back; the next run sends the deletion.
		const deleted = new Set(await this.#deletions());
		const plan = {
			...preview.plan,
			actions: preview.plan.actions.filter(
				(a) => a.kind !== 'added' || !deleted.has(`action:${a.incoming.id}`)
			)
		};
		const device = await repository.deviceId();
		// What an import would do without asking: add, update, create the campaign (joining).
		const writes = resolveImport(
			plan,
			{ campaigns: new Map(), conflicts: new Map(), actionConflicts: new Map() },
			{ device, newId: () => crypto.randomUUID(), now: Date.now() }
		);
		const { diagnostics, actions, campaigns, extend } = writes;
		if (!(await syncSettings.of(this.#settings.campaignId))) return true; // deleted meanwhile
		if (diagnostics.length || actions.length || campaigns.length || extend.length)
			await repository.applyImport(writes);
		// A campaign renamed or given a module on another device (an import keeps the device's).
		for (const c of plan.campaigns)
			if (c.local && c.incoming.updatedAt > c.local.updatedAt)
				await syncWrites.refreshCampaign(c.incoming, Date.now());
		this.#set({
			conflicts:
				plan.diagnostics.filter((d) => d.kind === 'conflict').length +
				plan.actions.filter((a) => a.kind === 'conflict').length,
			setAside: [
				...setAside,
				...plan.setAside.map((s) => ({
					docId: s.diagnosticId ? `diagnostic:${s.diagnosticId}` : '',
					reason: describeSetAside(s, loadedModules())
				})),
				...plan.actionsSetAside.map((s) => ({
					docId: s.actionId ? `action:${s.actionId}` : '',
					reason: describeActionSetAside(s)
				}))
			].slice(0, 50)
		});
		return true;
	}

	/** Stops replication and watching; the replica stays on the device for the next start. */
	async stop(): Promise<void> {
		this.#stopped = true;
		clearTimeout(this.#timer);
		removeEventListener('online', this.#online);
		this.#replication?.cancel();
		this.#changes?.cancel();
		this.#dexie?.unsubscribe();
		await this.#queue;
		await this.#local?.close();
	}
}
