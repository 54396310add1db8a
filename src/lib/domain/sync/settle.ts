/**
 * A conflict that arrives by synchronisation is settled like an import's, with one difference:
 * « keep this device's version » must also *win* on the server, or the device could never send
 * it (the server's version is not contained in it) and every device would be asked again. So the
 * device's content is taken as if it came with the server's history: stored as a descendant of
 * the server's copy (its lineage followed by this device's checkpoint), it is newer than that
 * copy everywhere, and the device that wrote that copy takes it as an update, not a conflict.
 * « Keep both » is not offered for synchronised conflicts (the copy kept would stay diverged).
 */
import type { ConflictDecision } from '../exchange/resolve';
import type { ImportPlan } from '../exchange/plan';

/** The plan and decisions to give resolveImport for a synchronised preview. */
export function settleForSync(
	plan: ImportPlan,
	conflicts: ReadonlyMap<string, ConflictDecision>,
	actionConflicts: ReadonlyMap<string, ConflictDecision>
): {
	plan: ImportPlan;
	conflicts: Map<string, ConflictDecision>;
	actionConflicts: Map<string, ConflictDecision>;
} {
	const decided = new Map<string, ConflictDecision>();
	const diagnostics = plan.diagnostics.map((item) => {
		if (item.kind !== 'conflict') return item;
		const choice = conflicts.get(item.incoming.id);
		if (choice !== 'local' && choice !== 'file') return item; // undecided: nothing is written
		decided.set(item.incoming.id, 'file');
		if (choice === 'file') return item;
		const { lineage, revision } = item.incoming;
		return { ...item, incoming: { ...item.local, lineage, revision } };
	});
	const decidedActions = new Map<string, ConflictDecision>();
	const actions = plan.actions.map((item) => {
		if (item.kind !== 'conflict') return item;
		const choice = actionConflicts.get(item.incoming.id);
		if (choice !== 'local' && choice !== 'file') return item;
		decidedActions.set(item.incoming.id, 'file');
		if (choice === 'file') return item;
		const { lineage, revision } = item.incoming;
		return { ...item, incoming: { ...item.local, lineage, revision } };
	});
	return {
		plan: { ...plan, diagnostics, actions },
		conflicts: decided,
		actionConflicts: decidedActions
	};
}
