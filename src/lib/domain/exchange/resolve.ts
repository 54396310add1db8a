/**
 * The user's decisions applied to a preview: the exact writes of the import, which the
 * repository then performs in one transaction. Nothing here overwrites a diagnostic the user
 * did not choose to replace: a conflict without a decision keeps the device's copy.
 */
import type { Campaign, Diagnostic } from '../answers';
import type { ModuleId } from '../content/questionnaire';
import type { AnswerRecord, DiagnosticSnapshot } from './format';
import { SANE_REVISION } from './limits';
import { compactLineage } from './lineage';
import type { ImportPlan } from './plan';
import {
	resolveActions,
	type ActionWrite,
	type ConflictDecision,
	type ResolveContext
} from './resolve-actions';

/** For a campaign the device does not know: create it, or attach its diagnostics to another. */
export type CampaignDecision = { kind: 'create' } | { kind: 'attach'; campaignId: string };

export type { ConflictDecision, ResolveContext };

/** What the user decided, keyed by the file's campaign and diagnostic ids. */
export interface ImportDecisions {
	campaigns: ReadonlyMap<string, CampaignDecision>;
	conflicts: ReadonlyMap<string, ConflictDecision>;
	/** For the conflicts of actions, by action id (none: each keeps the device's copy). */
	actionConflicts?: ReadonlyMap<string, ConflictDecision>;
}

/** One diagnostic to store with all its answers. */
export interface DiagnosticWrite {
	diagnostic: Diagnostic;
	answers: AnswerRecord[];
	/** The device's revision the preview was made against; null when the id must be new. */
	replaces: number | null;
}

/** Every write of an import. */
export interface ImportWrites {
	campaigns: Campaign[];
	/** Modules to add to the expected modules of campaigns the device already has. */
	extend: { campaignId: string; modules: ModuleId[] }[];
	diagnostics: DiagnosticWrite[];
	/** Version 5: the actions to store. */
	actions: ActionWrite[];
}

function split({ answers, ...diagnostic }: DiagnosticSnapshot) {
	return { diagnostic: diagnostic as Diagnostic, answers };
}

/** Turns a preview and the user's decisions into the writes of the import. */
export function resolveImport(
	plan: ImportPlan,
	decisions: ImportDecisions,
	context: ResolveContext
): ImportWrites {
	const created = new Map<string, Campaign>();
	const extend = new Map<string, Set<ModuleId>>();
	const localIds = new Set(plan.campaigns.flatMap((c) => (c.local ? [c.local.id] : [])));
	const target = new Map<string, string>();
	for (const c of plan.campaigns) {
		if (c.local) {
			target.set(c.incoming.id, c.local.id);
			continue;
		}
		const decision = decisions.campaigns.get(c.incoming.id);
		if (decision?.kind === 'attach' && decision.campaignId !== c.incoming.id) {
			target.set(c.incoming.id, decision.campaignId);
		} else {
			target.set(c.incoming.id, c.incoming.id);
			created.set(c.incoming.id, { ...c.incoming, modules: [...c.incoming.modules] });
		}
	}
	const expect = (campaignId: string, moduleId: ModuleId) => {
		const fresh = created.get(campaignId);
		if (fresh) {
			if (!fresh.modules.includes(moduleId)) fresh.modules.push(moduleId);
			return;
		}
		const local = plan.campaigns.find((c) => c.local?.id === campaignId)?.local;
		if (local?.modules.includes(moduleId)) return;
		const set = extend.get(campaignId) ?? new Set<ModuleId>();
		set.add(moduleId);
		extend.set(campaignId, set);
	};
	const writes: DiagnosticWrite[] = [];
	const add = (snapshot: DiagnosticSnapshot, replaces: number | null) => {
		writes.push({ ...split(snapshot), replaces });
		expect(snapshot.campaignId, snapshot.moduleId);
	};
	for (const item of plan.diagnostics) {
		if (item.kind === 'skipped') continue;
		if (item.kind === 'added') {
			const campaignId = target.get(item.incoming.campaignId) ?? item.incoming.campaignId;
			add({ ...item.incoming, campaignId }, null);
			continue;
		}
		const campaignId = item.local.campaignId;
		if (item.kind === 'updated') {
			add({ ...item.incoming, campaignId }, item.local.revision);
			continue;
		}
		const decision = decisions.conflicts.get(item.incoming.id) ?? 'local';
		if (decision === 'file') {
			const next = Math.max(item.local.revision, item.incoming.revision) + 1;
			// Both are at most SANE_REVISION (incoming.ts, repository): past it, a fresh history.
			const { revision, lineage } =
				next <= SANE_REVISION
					? {
							revision: next,
							lineage: compactLineage([
								...(item.incoming.lineage ?? []),
								{ device: context.device, revision: next }
							])
						}
					: { revision: 1, lineage: [{ device: context.newId(), revision: 1 }] };
			add(
				{ ...item.incoming, campaignId, revision, lineage, updatedAt: context.now },
				item.local.revision
			);
		} else if (decision === 'both') {
			add({ ...item.incoming, id: context.newId(), campaignId }, null);
		}
	}
	return {
		campaigns: [...created.values()].filter((c) => !localIds.has(c.id)),
		extend: [...extend].map(([campaignId, modules]) => ({ campaignId, modules: [...modules] })),
		diagnostics: writes,
		actions: resolveActions(plan.actions, decisions.actionConflicts ?? new Map(), target, context)
	};
}
