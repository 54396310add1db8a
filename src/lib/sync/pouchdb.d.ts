// The few PouchDB 9 modules the sync engine loads ship without types: the part it uses.
declare module 'pouchdb-core' {
	export interface PouchDoc {
		_id: string;
		_rev?: string;
		_deleted?: boolean;
		_conflicts?: string[];
		[key: string]: unknown;
	}
	export interface AllDocsRow {
		id: string;
		key: string;
		value?: { rev: string; deleted?: boolean };
		doc?: PouchDoc | null;
		error?: string;
	}
	export interface Emitter {
		on(event: string, listener: (...args: never[]) => void): this;
		cancel(): void;
	}
	export interface Database {
		allDocs(options: {
			include_docs?: boolean;
			conflicts?: boolean;
			keys?: string[];
		}): Promise<{ rows: AllDocsRow[] }>;
		get(id: string, options?: { rev?: string }): Promise<PouchDoc>;
		bulkDocs(
			docs: PouchDoc[]
		): Promise<
			(
				| { ok: true; id: string; rev: string }
				| { error: true; id: string; message?: string; name?: string }
			)[]
		>;
		changes(options: { since: 'now' | number; live: boolean }): Emitter;
		/** Both ways; `push` and `pull` are the two replications (their 'paused' carries the error). */
		sync(
			remote: Database,
			options: Record<string, unknown>
		): Emitter & { push: Emitter; pull: Emitter };
		replicate: {
			to(remote: Database, options?: Record<string, unknown>): Emitter & Promise<unknown>;
			from(remote: Database, options?: Record<string, unknown>): Emitter & Promise<unknown>;
		};
		close(): Promise<void>;
		destroy(): Promise<void>;
	}
	interface PouchStatic {
		new (name: string, options?: Record<string, unknown>): Database;
		plugin(plugin: unknown): PouchStatic;
	}
	const PouchDB: PouchStatic;
	export default PouchDB;
}
declare module 'pouchdb-adapter-indexeddb' {
	const plugin: unknown;
	export default plugin;
}
declare module 'pouchdb-adapter-http' {
	const plugin: unknown;
	export default plugin;
}
declare module 'pouchdb-replication' {
	const plugin: unknown;
	export default plugin;
}
