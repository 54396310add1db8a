/**
 * Making and following a campaign's plan: an action drafted from a recommendation or from
 * scratch, the open actions of the previous campaign of the same authority offered for carrying
 * over, and what the plan says per lever.
 */
import { shorten } from '../content/text-limits';
import { LEVER_IDS, MODULE_IDS, type LeverId, type ModuleId } from '../content/questionnaire';
import type { Campaign } from '../answers';
import type { LeverRecommendation } from '../scoring/recommendations';
import {
	ACTION_TEXT_LIMITS,
	isClosed,
	isLate,
	type ActionPriority,
	type PlanAction
} from './action';

/** What making an action needs besides its content. */
export interface ActionContext {
	campaignId: string;
	now: number;
	newId: () => string;
}

/** A new action written from scratch: only a title; « À venir », priority « moyenne ». */
export function newAction(
	title: string,
	{ campaignId, now, newId }: ActionContext,
	content: Partial<Pick<PlanAction, 'levers' | 'pilot' | 'partners' | 'priority'>> = {}
): PlanAction {
	return {
		id: newId(),
		campaignId,
		title: shorten(title.trim(), ACTION_TEXT_LIMITS.title),
		levers: [],
		partners: [],
		status: 'a-venir',
		priority: 'moyenne',
		steps: [],
		followUps: [],
		source: { kind: 'manual' },
		revision: 1,
		origin: { kind: 'local' },
		createdAt: now,
		updatedAt: now,
		...content
	};
}

/** The three levers to pull first are of high priority, the others of medium priority. */
function priorityOfRank(rank: number): ActionPriority {
	return rank <= 3 ? 'elevee' : 'moyenne';
}

/**
 * The action a recommendation's concrete action `index` proposes, to be edited: its text as the
 * title, the lever, the weakest service on the lever as pilot, the other services it concerns and
 * those of the pairs to bring together as partners, and those pairs in the description. It is
 * « À discuter » until the user decides.
 */
export function draftFromRecommendation(
	rec: LeverRecommendation,
	index: number,
	context: ActionContext,
	moduleTitle: (id: ModuleId) => string
): PlanAction {
	const proposed = rec.actions[index];
	if (!proposed) throw new RangeError(`No action ${index} in the recommendation of ${rec.lever}`);
	const [pilot, ...others] = proposed.modules;
	const paired = rec.bringTogether.flatMap((p) => [p.a, p.b]);
	const partners = MODULE_IDS.filter(
		(m) => m !== pilot && (others.includes(m) || paired.includes(m))
	);
	const meetings = rec.bringTogether.map(
		(p) =>
			`Réunir ${moduleTitle(p.a)} et ${moduleTitle(p.b)}${p.topic ? `\u202f: ${p.topic}` : ''}.`
	);
	const action = newAction(proposed.text, context, {
		levers: [rec.lever],
		partners,
		priority: priorityOfRank(rec.rank),
		...(pilot ? { pilot } : {})
	});
	return {
		...action,
		status: 'a-discuter',
		source: { kind: 'recommendation', lever: rec.lever, index },
		...(meetings.length > 0
			? { description: shorten(meetings.join('\n'), ACTION_TEXT_LIMITS.description) }
			: {})
	};
}

/** Two names of one authority compare equal whatever their case, accents and spacing. */
function sameAuthority(a: string, b: string): boolean {
	const key = (s: string) =>
		s
			.normalize('NFD')
			.replace(/\p{M}/gu, '')
			.toLocaleLowerCase('fr')
			.replace(/[\s\u00a0\u202f]+/g, ' ')
			.trim();
	return key(a) === key(b);
}

/** The latest campaign of the same authority created before `campaign`, if any. */
export function previousCampaign(
	campaigns: readonly Campaign[],
	campaign: Campaign
): Campaign | undefined {
	return campaigns
		.filter(
			(c) =>
				c.id !== campaign.id &&
				c.createdAt < campaign.createdAt &&
				sameAuthority(c.authority, campaign.authority)
		)
		.sort((a, b) => b.createdAt - a.createdAt)[0];
}

/**
 * The actions of a previous plan that may be carried over: those not realised nor abandoned,
 * and not already carried into `into` (the plan of the new campaign).
 */
export function carryOverCandidates(
	previous: readonly PlanAction[],
	into: readonly PlanAction[]
): PlanAction[] {
	const carried = new Set(
		into.flatMap((a) => (a.source.kind === 'carried' ? [a.source.actionId] : []))
	);
	return previous.filter((a) => !isClosed(a) && !carried.has(a.id));
}

/**
 * The copy of an action in a new campaign's plan: the same content, steps and follow-up notes,
 * a new id and history; the original stays as it was in the old campaign.
 */
export function carryOver(action: PlanAction, context: ActionContext): PlanAction {
	const { id, campaignId, revision, lineage, origin, createdAt, updatedAt, source, ...content } =
		action;
	void [id, campaignId, revision, lineage, origin, createdAt, updatedAt, source];
	return {
		...structuredClone(content),
		id: context.newId(),
		campaignId: context.campaignId,
		source: { kind: 'carried', campaignId: action.campaignId, actionId: action.id },
		revision: 1,
		origin: { kind: 'local' },
		createdAt: context.now,
		updatedAt: context.now
	};
}

/** What a plan holds for one lever. */
export interface LeverPlan {
	lever: LeverId;
	/** Actions serving it, abandoned ones excepted. */
	planned: number;
	done: number;
	late: number;
}

/** The plan per lever, in LEVER_IDS order, on `today` (YYYY-MM-DD). */
export function planByLever(actions: readonly PlanAction[], today: string): LeverPlan[] {
	return LEVER_IDS.map((lever) => {
		const serving = actions.filter((a) => a.levers.includes(lever) && a.status !== 'abandonne');
		return {
			lever,
			planned: serving.length,
			done: serving.filter((a) => a.status === 'realise').length,
			late: serving.filter((a) => isLate(a, today)).length
		};
	});
}
