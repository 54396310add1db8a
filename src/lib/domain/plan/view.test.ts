import { describe, expect, it } from 'vitest';
import { newAction } from './plan';
import type { PlanAction } from './action';
import { planView, type PlanFilter } from './view';

let n = 0;
const context = { campaignId: 'c1', now: 1000, newId: () => `a${++n}` };
const action = (title: string, over: Partial<PlanAction> = {}): PlanAction => ({
	...newAction(title, context),
	...over
});
const all: PlanFilter = { status: '', lever: '', service: '' };
const today = '2026-12-03';

const late = action('En retard', { status: 'en-cours', dueDate: '2026-11-01', priority: 'basse' });
const onTime = action('À l’heure', {
	status: 'en-cours',
	dueDate: '2027-01-01',
	levers: ['sensibilisation']
});
const done = action('Faite', {
	status: 'realise',
	dueDate: '2026-10-01',
	pilot: 'eau',
	priority: 'elevee'
});
const partner = action('Partenaire', { partners: ['eau'], levers: ['sensibilisation'] });
const plan = [late, onTime, done, partner];
const titles = (list: PlanAction[]) => list.map((a) => a.title);

describe('the plan view', () => {
	it('filters by the status shown: late actions are « En retard », not « En cours »', () => {
		expect(titles(planView(plan, { ...all, status: 'en-retard' }, 'due', today))).toEqual([
			'En retard'
		]);
		expect(titles(planView(plan, { ...all, status: 'en-cours' }, 'due', today))).toEqual([
			'À l’heure'
		]);
	});

	it('filters by lever and by service, as pilot or partner', () => {
		expect(titles(planView(plan, { ...all, lever: 'sensibilisation' }, 'due', today))).toEqual([
			'À l’heure',
			'Partenaire'
		]);
		expect(titles(planView(plan, { ...all, service: 'eau' }, 'due', today))).toEqual([
			'Faite',
			'Partenaire'
		]);
	});

	it('sorts by due date (none last) or by priority', () => {
		expect(titles(planView(plan, all, 'due', today))).toEqual([
			'Faite',
			'En retard',
			'À l’heure',
			'Partenaire'
		]);
		expect(titles(planView(plan, all, 'priority', today))).toEqual([
			'Faite',
			'À l’heure',
			'Partenaire',
			'En retard'
		]);
	});
});
