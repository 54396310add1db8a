/**
 * The preview of an import, as a pure function of the file and of what the device holds: which
 * diagnostics are added, updated, skipped (older or identical) or in conflict, which campaigns
 * are known or new, and what is set aside.
 */
import type { Campaign } from '../answers';
import type { Module } from '../content/questionnaire';
import type { DiagnosticMigration } from '../migration/migrate';
import type { DiagnosticSnapshot, ExportFile, ExportScope } from './format';
import {
	incomingCampaign,
	incomingDiagnostic,
	moduleTable,
	sameContent,
	type SetAside
} from './incoming';
import { SANE_REVISION } from './limits';
import { compactLineage, comparedLineage, isConsistentLineage, relate } from './lineage';
import { migrateIncoming } from './migrate-incoming';
import type { RejectedAction, RejectedDiagnostic } from './read';
import type { PlanAction } from '../plan/action';
import type { ActionSetAside } from './action-records';
import { planActions, type ActionPlan } from './plan-actions';

/** What the device holds that an import must be compared with. */
export interface LocalState {
	/** This device's id; null before its first export (no file can then name it). */
	device: string | null;
	campaigns: readonly Campaign[];
	/** The device's copies of the diagnostics the file holds, by id. */
	diagnostics: ReadonlyMap<string, DiagnosticSnapshot>;
	/** The device's copies of the actions the file holds, by id (none: the file's are new). */
	actions?: ReadonlyMap<string, PlanAction>;
}

/** A campaign the file's diagnostics belong to. */
export interface CampaignPlan {
	/** As the file describes it (or the device's copy, when the file only names its id). */
	incoming: Campaign;
	/** The device's copy; null when the device does not know it (the user then decides). */
	local: Campaign | null;
	/** How many of the file's diagnostics belong to it. */
	diagnostics: number;
	/** How many of the file's actions belong to it. */
	actions: number;
}

/** What happens to one diagnostic of the file. */
export type DiagnosticPlan =
	| { kind: 'added'; incoming: DiagnosticSnapshot }
	| { kind: 'updated'; incoming: DiagnosticSnapshot; local: DiagnosticSnapshot }
	| {
			kind: 'skipped';
			reason: 'identical' | 'older';
			incoming: DiagnosticSnapshot;
			local: DiagnosticSnapshot;
	  }
	| { kind: 'conflict'; incoming: DiagnosticSnapshot; local: DiagnosticSnapshot };

/** A diagnostic of the file answered against an older questionnaire version, carried to the current. */
export interface MigratedDiagnostic {
	diagnosticId: string;
	moduleId: string;
	from: number;
	to: number;
	/** How many of its answers are kept apart as retired answers (listed, never scored). */
	retired: number;
}

/** The whole preview. */
export interface ImportPlan {
	fileName: string;
	/** The version the file was written in (older ones were migrated). */
	version: number;
	exportedAt: number;
	app: string;
	device: string;
	scope: ExportScope;
	campaigns: CampaignPlan[];
	diagnostics: DiagnosticPlan[];
	setAside: SetAside[];
	/** The diagnostics carried from an older questionnaire version. */
	migrated: MigratedDiagnostic[];
	/** Version 5: what happens to each action of the file. */
	actions: ActionPlan[];
	/** The file's actions left out, or changed to be imported (texts shortened…). */
	actionsSetAside: ActionSetAside[];
}

/** How the preview is made. */
export interface PlanOptions {
	/** The shipped questionnaire: answers are checked against it. */
	modules: readonly Module[];
	fileName: string;
	/** Time of the import, recorded in each diagnostic's origin. */
	now: number;
	/** The version the file was written in. */
	version: number;
	/** The file's diagnostics that did not pass the schema (read.ts), listed as set aside. */
	rejected?: readonly RejectedDiagnostic[];
	/** The file's actions that did not pass the schema, listed as set aside. */
	rejectedActions?: readonly RejectedAction[];
	/** A new unique id for the histories the import starts; crypto.randomUUID by default. */
	newId?: () => string;
	/**
	 * Carries a diagnostic answered against an older questionnaire version to the current one
	 * before its answers are checked (the shipped mappings in the app); none: checked as it is.
	 */
	migrate?: DiagnosticMigration;
}

/** Compares a file with the device and says what importing it would do. */
export function planImport(file: ExportFile, local: LocalState, options: PlanOptions): ImportPlan {
	const table = moduleTable(options.modules);
	const setAside: SetAside[] = [];
	const localCampaigns = new Map(local.campaigns.map((c) => [c.id, c]));
	const campaigns = new Map<string, CampaignPlan>();
	for (const c of file.campaigns) {
		if (campaigns.has(c.id)) {
			setAside.push({ reason: 'duplicate', campaignId: c.id });
			continue;
		}
		const local = localCampaigns.get(c.id) ?? null;
		const found: SetAside[] = [];
		const incoming = incomingCampaign(c, table, found);
		// The device keeps its own name and label of a campaign it has: the file's are not used.
		setAside.push(...(local ? found.filter((s) => s.reason !== 'too-long') : found));
		campaigns.set(c.id, { incoming, local, diagnostics: 0, actions: 0 });
	}
	const origin = {
		kind: 'file' as const,
		fileName: options.fileName,
		importedAt: options.now,
		device: file.device
	};
	const device = local.device ?? '';
	const facts = {
		device: file.device,
		exportedAt: Date.parse(file.exportedAt),
		newId: options.newId ?? (() => crypto.randomUUID())
	};
	for (const r of options.rejected ?? [])
		setAside.push({
			reason: 'invalid',
			diagnosticId: r.id,
			moduleId: r.moduleId,
			position: r.position,
			detail: r.detail,
			errors: r.errors
		});
	// A campaign the file does not describe but the device holds joins the preview on first use.
	const campaignFor = (id: string) => {
		const known = localCampaigns.get(id);
		if (!campaigns.has(id) && known)
			campaigns.set(id, { incoming: known, local: known, diagnostics: 0, actions: 0 });
		return campaigns.get(id);
	};
	const diagnostics: DiagnosticPlan[] = [];
	const migrated: MigratedDiagnostic[] = [];
	const seen = new Set<string>();
	for (const d of file.diagnostics) {
		const where = { diagnosticId: d.id, moduleId: d.module };
		if (seen.has(d.id)) {
			setAside.push({ reason: 'duplicate', ...where });
			continue;
		}
		seen.add(d.id);
		if (!isConsistentLineage(d.lineage, d.revision)) {
			setAside.push({ reason: 'history', ...where });
			continue;
		}
		const campaign = campaignFor(d.campaignId);
		if (!campaign) {
			setAside.push({ reason: 'unknown-campaign', campaignId: d.campaignId, ...where });
			continue;
		}
		const moved = options.migrate && migrateIncoming(d, options.migrate);
		const incoming = incomingDiagnostic(
			moved ? moved.diagnostic : d,
			table,
			origin,
			facts,
			setAside
		);
		if (!incoming) continue;
		if (moved && moved.from !== undefined)
			migrated.push({
				...where,
				from: moved.from,
				to: incoming.questionnaireVersion,
				retired: moved.retired
			});
		const mine = local.diagnostics.get(d.id);
		// The device holds this id in another of its campaigns: importing it would take that
		// diagnostic from its campaign (a forged or mistaken id). An attached campaign (not
		// known here) may legitimately hold it under another id; a known one never.
		if (mine && mine.campaignId !== d.campaignId && campaign.local) {
			setAside.push({ reason: 'other-campaign', ...where });
			continue;
		}
		campaign.diagnostics++;
		if (!mine) {
			diagnostics.push({ kind: 'added', incoming });
			continue;
		}
		if (sameContent(mine, incoming)) {
			diagnostics.push({ kind: 'skipped', reason: 'identical', incoming, local: mine });
			continue;
		}
		// Compared: the file's own history (what this import leaves out is nothing this device
		// could hold), and the device's copy without a partial checkpoint it has not edited
		// since (it holds no more than the state before it: that very state, read in full now
		// or cut the same way, is newer). A history restarted at the bound relates to nothing.
		const compared = comparedLineage(mine.lineage ?? [], mine.revision, device);
		const theirs = d.revision <= SANE_REVISION ? compactLineage(d.lineage) : incoming.lineage;
		const relation = relate(compared.lineage, theirs ?? [], {
			device: device,
			revision: mine.revision
		});
		if (relation === 'newer' || (relation === 'same' && compared.partial))
			diagnostics.push({ kind: 'updated', incoming, local: mine });
		else if (relation === 'older')
			diagnostics.push({ kind: 'skipped', reason: 'older', incoming, local: mine });
		else diagnostics.push({ kind: 'conflict', incoming, local: mine });
	}
	const planned = planActions(
		file.actions,
		options.rejectedActions ?? [],
		{ device, actions: local.actions ?? new Map() },
		campaignFor,
		{ origin, newId: facts.newId }
	);
	for (const [id, c] of campaigns)
		if (!c.local && c.incoming.modules.length === 0 && c.diagnostics === 0 && c.actions === 0) {
			setAside.push({ reason: 'empty-campaign', campaignId: id });
			campaigns.delete(id);
		}
	return {
		fileName: options.fileName,
		version: options.version,
		exportedAt: Date.parse(file.exportedAt),
		app: `${file.app.name} ${file.app.version}`.trim(),
		device: file.device,
		scope: file.scope,
		campaigns: [...campaigns.values()],
		diagnostics,
		setAside,
		migrated,
		actions: planned.actions,
		actionsSetAside: planned.setAside
	};
}

/** Counts of the preview, by kind. */
export function planCounts(plan: ImportPlan): Record<DiagnosticPlan['kind'], number> {
	const counts = { added: 0, updated: 0, skipped: 0, conflict: 0 };
	for (const d of plan.diagnostics) counts[d.kind]++;
	return counts;
}
