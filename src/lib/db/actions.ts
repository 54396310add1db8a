/**
 * The writes and reads of the plan d'action (issue 14). Like the answers: every write is one
 * strictly durable transaction through the same database (and its write gate), checked before it
 * is written (French message, nothing half-written), and bumps the action's revision.
 */
import { actionProblems, type PlanAction } from '$lib/domain/plan/action';
import { carryOver, carryOverCandidates, type ActionContext } from '$lib/domain/plan/plan';
import { RepositoryError } from './errors';
import { db as defaultDb, type LeviersDB } from './db';
import { recordDeletion } from './sync-keys';
import { nextRevision } from './write-rules';

/** The fields a person edits; the id, campaign, history and dates are the repository's. */
export type ActionEdit = Partial<
	Omit<
		PlanAction,
		'id' | 'campaignId' | 'revision' | 'lineage' | 'origin' | 'createdAt' | 'updatedAt'
	>
>;

function check(action: PlanAction): void {
	const [first] = actionProblems(action);
	if (first) throw new RepositoryError(first);
}

/** The plan's writes and reads, bound to one database. */
export class ActionRepository {
	readonly #db: LeviersDB;
	readonly #now: () => number;
	readonly #newId: () => string;

	constructor(
		db: LeviersDB,
		now = () => Date.now(),
		newId: () => string = () => crypto.randomUUID()
	) {
		this.#db = db;
		this.#now = now;
		this.#newId = newId;
	}

	/** What `plan.ts` needs to make an action in a campaign. */
	context(campaignId: string): ActionContext {
		return { campaignId, now: this.#now(), newId: this.#newId };
	}

	/** The actions of a campaign, oldest first (the plan page sorts them). */
	actionsOf(campaignId: string): Promise<PlanAction[]> {
		return this.#db.actions.where('campaignId').equals(campaignId).sortBy('createdAt');
	}

	/** One action, or undefined. */
	getAction(id: string): Promise<PlanAction | undefined> {
		return this.#db.actions.get(id);
	}

	/** Adds an action made by plan.ts (from scratch or from a recommendation) to its campaign. */
	async addAction(action: PlanAction): Promise<PlanAction> {
		check(action);
		const t = this.#db;
		await t.transaction('rw', t.campaigns, t.actions, async () => {
			if (!(await t.campaigns.get(action.campaignId)))
				throw new RepositoryError('Cette démarche n’existe plus sur cet appareil.');
			await t.actions.add(action);
		});
		return action;
	}

	/**
	 * Changes some fields of an action. `edit` may be a function of the stored action, read inside
	 * the transaction, so that two tabs changing different steps both keep their change.
	 */
	async updateAction(
		id: string,
		edit: ActionEdit | ((before: PlanAction) => ActionEdit)
	): Promise<PlanAction> {
		const t = this.#db;
		return t.transaction('rw', t.actions, async () => {
			const before = await t.actions.get(id);
			if (!before) throw new RepositoryError('Cette action n’existe plus sur cet appareil.');
			const change = typeof edit === 'function' ? edit(before) : edit;
			const after: PlanAction = {
				...before,
				...change,
				...nextRevision(before, this.#newId),
				updatedAt: this.#now()
			};
			// An optional field set to undefined is removed, not stored as undefined.
			for (const [k, v] of Object.entries(after))
				if (v === undefined) delete (after as unknown as Record<string, unknown>)[k];
			check(after);
			await t.actions.put(after);
			return after;
		});
	}

	/**
	 * Deletes an action; in a campaign this device synchronises as its coordinator, the deletion
	 * is recorded in the same transaction for the server (sync-settings.ts).
	 */
	async deleteAction(id: string): Promise<void> {
		const t = this.#db;
		await t.transaction('rw', t.actions, t.meta, async () => {
			const action = await t.actions.get(id);
			if (!action) return;
			await t.actions.delete(id);
			await recordDeletion(t, action.campaignId, `action:${id}`);
		});
	}

	/**
	 * Copies the given actions of an earlier campaign into `campaignId`'s plan, in one transaction
	 * (all or none); the originals are not touched, and an action already carried there (or closed
	 * meanwhile) is not copied again. Returns the copies.
	 */
	async carryOver(actions: readonly PlanAction[], campaignId: string): Promise<PlanAction[]> {
		const context = this.context(campaignId);
		actions.map((a) => carryOver(a, context)).forEach(check);
		const t = this.#db;
		return t.transaction('rw', t.campaigns, t.actions, async () => {
			if (!(await t.campaigns.get(campaignId)))
				throw new RepositoryError('Cette démarche n’existe plus sur cet appareil.');
			// Read inside the transaction: two tabs confirming the same offer copy each action once.
			const plan = await t.actions.where('campaignId').equals(campaignId).toArray();
			const copies = carryOverCandidates(actions, plan).map((a) => carryOver(a, context));
			await t.actions.bulkAdd(copies);
			return copies;
		});
	}
}

/** The app's plan repository. */
export const actionRepository = new ActionRepository(defaultDb);
