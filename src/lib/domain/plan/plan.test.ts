import { describe, expect, it } from 'vitest';
import type { Campaign } from '../answers';
import type { LeverRecommendation } from '../scoring/recommendations';
import {
	actionProblems,
	compareActions,
	isIsoDay,
	shownStatus,
	unknownParts,
	type PlanAction
} from './action';
import {
	carryOver,
	carryOverCandidates,
	draftFromRecommendation,
	newAction,
	planByLever,
	previousCampaign
} from './plan';

let n = 0;
const context = { campaignId: 'c2', now: 1000, newId: () => `id-${++n}` };
const action = (over: Partial<PlanAction> = {}): PlanAction => ({
	...newAction('Une action', context),
	...over
});

describe('status « En retard »', () => {
	it('is shown once the due date has passed, until the action is realised or abandoned', () => {
		const due = action({ status: 'en-cours', dueDate: '2026-12-02' });
		expect(shownStatus(due, '2026-12-02')).toBe('en-cours');
		expect(shownStatus(due, '2026-12-03')).toBe('en-retard');
		expect(shownStatus({ ...due, status: 'bloque' }, '2026-12-03')).toBe('en-retard');
		expect(shownStatus({ ...due, status: 'realise' }, '2026-12-03')).toBe('realise');
		expect(shownStatus({ ...due, status: 'abandonne' }, '2026-12-03')).toBe('abandonne');
		expect(shownStatus(action({ status: 'a-venir' }), '2099-01-01')).toBe('a-venir');
	});
});

describe('checks before writing', () => {
	it('accepts a plain action and refuses, in French, what a form could let through', () => {
		expect(actionProblems(action())).toEqual([]);
		const bad = action({
			title: '  ',
			description: 'x'.repeat(5001),
			startDate: '2026-06-01',
			dueDate: '2026-02-30',
			budget: -1,
			indicator: { name: 'Tonnes', target: Number.NaN },
			followUps: [{ id: 'f', date: 'hier', text: 'ok' }]
		});
		expect(actionProblems(bad)).toEqual([
			'Donnez un titre à l’action.',
			'La description de l’action compte 5\u202f001 caractères, pour une limite de 5\u202f000\u202f: raccourcissez ce texte.',
			'La date d’échéance n’est pas une date valide.',
			'Une note de suivi n’a pas de date valide.',
			'Le budget prévisionnel doit être un montant positif, en euros.',
			'La cible de l’indicateur doit être un nombre positif.'
		]);
		expect(actionProblems(action({ startDate: '2026-06-02', dueDate: '2026-06-01' }))).toEqual([
			'La date d’échéance précède la date de début.'
		]);
	});
	it('knows real days', () => {
		expect(isIsoDay('2028-02-29')).toBe(true);
		expect(isIsoDay('2026-02-29')).toBe(false);
		expect(isIsoDay('2026-1-01')).toBe(false);
	});
});

describe('unknown levers and services', () => {
	it('are listed as typed, never dropped', () => {
		const a = action({
			levers: ['commande-publique', 'levier-futur'],
			pilot: 'sport',
			partners: ['dechets', 'sport', 'culture']
		});
		expect(unknownParts(a)).toEqual({ levers: ['levier-futur'], services: ['sport', 'culture'] });
		expect(a.levers).toContain('levier-futur');
	});
});

describe('orders', () => {
	it('by due date (none last) or by priority, the title breaking ties', () => {
		const a = action({ title: 'A', dueDate: '2027-01-01', priority: 'basse' });
		const b = action({ title: 'B', priority: 'elevee' });
		const c = action({ title: 'C', dueDate: '2026-12-31', priority: 'moyenne' });
		expect([a, b, c].sort(compareActions('due')).map((x) => x.title)).toEqual(['C', 'A', 'B']);
		expect([a, b, c].sort(compareActions('priority')).map((x) => x.title)).toEqual(['B', 'C', 'A']);
	});
});

describe('an action from a recommendation', () => {
	const rec = {
		lever: 'commande-publique',
		rank: 2,
		actions: [
			{ text: 'Réserver des lots aux structures d’insertion', modules: ['marches', 'eau'] },
			{ text: 'Autre', modules: [] }
		],
		bringTogether: [
			{ a: 'marches', b: 'dechets', kind: 'create', declaredBy: null, topic: 'le réemploi' }
		]
	} as unknown as LeverRecommendation;
	const title = (id: string) => ({ marches: 'Commande publique', dechets: 'Déchets' })[id] ?? id;

	it('is prefilled with its title, lever, services and pairs, and is « À discuter »', () => {
		const a = draftFromRecommendation(rec, 0, context, title);
		expect(a).toMatchObject({
			campaignId: 'c2',
			title: 'Réserver des lots aux structures d’insertion',
			levers: ['commande-publique'],
			pilot: 'marches',
			partners: ['dechets', 'eau'],
			status: 'a-discuter',
			priority: 'elevee',
			source: { kind: 'recommendation', lever: 'commande-publique', index: 0 },
			description: 'Réunir Commande publique et Déchets\u202f: le réemploi.'
		});
		expect(actionProblems(a)).toEqual([]);
	});
	it('without a service concerned has no pilot', () => {
		expect(draftFromRecommendation(rec, 1, context, title).pilot).toBeUndefined();
	});
});

describe('carrying actions over to the next campaign', () => {
	const campaign = (id: string, authority: string, createdAt: number): Campaign => ({
		id,
		authority,
		label: id,
		modules: [],
		createdAt,
		updatedAt: createdAt
	});
	it('finds the latest earlier campaign of the same authority, whatever its spelling', () => {
		const all = [
			campaign('2024', 'Communauté de communes Exemple', 1),
			campaign('2025', 'communaute  de communes exemple', 2),
			campaign('other', 'Ville voisine', 3),
			campaign('2026', 'Communauté de communes exemple', 4)
		];
		expect(previousCampaign(all, all[3]!)?.id).toBe('2025');
		expect(previousCampaign(all, all[0]!)).toBeUndefined();
	});
	it('offers the open actions not carried yet, and copies them without touching the original', () => {
		const open = action({ id: 'open', campaignId: 'c1', status: 'en-cours', revision: 9 });
		const done = action({ id: 'done', campaignId: 'c1', status: 'realise' });
		const dropped = action({ id: 'dropped', campaignId: 'c1', status: 'abandonne' });
		const paused = action({
			id: 'paused',
			campaignId: 'c1',
			status: 'en-pause',
			steps: [{ id: 's', text: 'Étape', done: true }]
		});
		const candidates = carryOverCandidates([open, done, dropped, paused], []);
		expect(candidates.map((a) => a.id)).toEqual(['open', 'paused']);
		const copy = carryOver(paused, { ...context, now: 5000 });
		expect(copy).toMatchObject({
			campaignId: 'c2',
			status: 'en-pause',
			revision: 1,
			createdAt: 5000,
			source: { kind: 'carried', campaignId: 'c1', actionId: 'paused' }
		});
		expect(copy.id).not.toBe('paused');
		copy.steps[0]!.done = false;
		expect(paused.steps[0]!.done).toBe(true);
		expect(carryOverCandidates([open, paused], [copy]).map((a) => a.id)).toEqual(['open']);
	});
});

describe('the plan per lever', () => {
	it('counts planned (abandoned excepted), done and late actions', () => {
		const actions = [
			action({ levers: ['commande-publique'], status: 'realise' }),
			action({ levers: ['commande-publique', 'mutualisation'], dueDate: '2026-01-01' }),
			action({ levers: ['commande-publique'], status: 'abandonne', dueDate: '2026-01-01' })
		];
		const byLever = planByLever(actions, '2026-12-03');
		expect(byLever.find((l) => l.lever === 'commande-publique')).toEqual({
			lever: 'commande-publique',
			planned: 2,
			done: 1,
			late: 1
		});
		expect(byLever.find((l) => l.lever === 'mutualisation')).toMatchObject({ planned: 1, late: 1 });
	});
});
