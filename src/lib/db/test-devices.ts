/**
 * Test helpers for exchanges: devices, each with its own in-memory database (fake-indexeddb),
 * exporting and importing files as the interface does. Used by the tests only.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { modules as shipped } from '$lib/domain/content/content';
import type { Module } from '$lib/domain/content/questionnaire';
import type { ImportPlan } from '$lib/domain/exchange/plan';
import type { ImportDecisions } from '$lib/domain/exchange/resolve';
import { resolveImport } from '$lib/domain/exchange/resolve';
import { LeviersDB } from './db';
import { exportText, previewImport, type PreviewResult } from './exchange';
import type { ExportTarget } from './queries';
import { Queries } from './queries';
import { Repository } from './repository';

/** A device of the tests. */
export interface TestDevice {
	db: LeviersDB;
	repo: Repository;
	queries: Queries;
	/** Exports `target` as the interface does (creating the device id if needed). */
	export(target: ExportTarget): Promise<string>;
	/** Previews a file. */
	preview(text: string, fileName?: string): Promise<PreviewResult>;
	/** Previews then applies with the given decisions; returns the plan. */
	import(text: string, decisions?: Partial<ImportDecisions>): Promise<ImportPlan>;
	/** Every table, sorted, as one string: to check a refusal wrote nothing. */
	dump(): Promise<string>;
}

let devices = 0;

/**
 * A new device with an empty database and a clock starting at `start`, whose imports check
 * answers against `modules` (the shipped ones unless told otherwise).
 */
export function testDevice(
	start = Date.UTC(2026, 10, 26, 9),
	modules: readonly Module[] = shipped
): TestDevice {
	const n = ++devices;
	const db = new LeviersDB(`device-${n}`, { indexedDB: new IDBFactory(), IDBKeyRange });
	let clock = start;
	let ids = 0;
	const now = () => (clock += 1000);
	const newId = () => `d${n}-id-${++ids}`;
	const repo = new Repository(db, now, newId);
	const device: TestDevice = {
		db,
		repo,
		queries: new Queries(db),
		async export(target) {
			return exportText(db, target, await repo.deviceId(), now());
		},
		preview(text, fileName = 'fichier.json') {
			return previewImport(db, text, { fileName, now: now(), modules });
		},
		async import(text, decisions = {}) {
			const r = await device.preview(text);
			if (!r.ok) throw new Error(`${r.problem.message} ${r.problem.details.join(' | ')}`);
			const writes = resolveImport(
				r.plan,
				{ campaigns: new Map(), conflicts: new Map(), ...decisions },
				{ device: await repo.deviceId(), newId, now: now() }
			);
			await repo.applyImport(writes);
			return r.plan;
		},
		async dump() {
			const tables = await Promise.all(
				db.tables.map(async (t) => [t.name, await t.toArray()] as const)
			);
			return JSON.stringify(tables.sort((a, b) => (a[0] < b[0] ? -1 : 1)));
		}
	};
	return device;
}

/**
 * A maker of test devices for one test file: `closeAll` closes every device it made, and runs
 * after each test (a property test calls it after each run too).
 */
export function testDevices(): { device: () => TestDevice; closeAll: () => void } {
	const opened: TestDevice[] = [];
	const closeAll = () => opened.splice(0).forEach((d) => d.db.close());
	afterEach(closeAll);
	return {
		device: () => {
			const d = testDevice();
			opened.push(d);
			return d;
		},
		closeAll
	};
}
