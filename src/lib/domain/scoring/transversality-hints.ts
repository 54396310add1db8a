/**
 * The French sentence that goes with each transversality component: what would raise it, naming
 * the services, links or levers concerned.
 */
import type {
	PractisedPair,
	TransversalityComponentId,
	TransversalityInput
} from './transversality-input';
import { LEVER_IDS, type ModuleId } from '../content/questionnaire';

const list = (items: string[]) => items.join(', ');
const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);
const percent = (x: number) => `${Math.round(100 * x)} %`;

/** One sentence per component, from the same input as the values. */
export function transversalityHints(
	input: TransversalityInput,
	values: Record<TransversalityComponentId, number | null>,
	pairs: readonly PractisedPair[]
): Record<TransversalityComponentId, string> {
	const { expected, scores, network, index } = input;
	const byModule = new Map(scores.map((s) => [s.moduleId, s]));
	const name = (m: ModuleId) => index.title(m);
	const services = network.services;
	const engagement = (m: ModuleId) => byModule.get(m)?.engagement ?? 0;

	// The same lookup as the score: a service without diagnostic counts 0 on the levers it addresses.
	const leverEngagement = (m: ModuleId, l: (typeof LEVER_IDS)[number]) => {
		const s = byModule.get(m);
		if (s) return s.levers[l].engagement;
		return index.modules.get(m)?.byLever.has(l) ? 0 : null;
	};
	const lagging = LEVER_IDS.filter((l) => {
		const values = services
			.map((m) => leverEngagement(m, l))
			.filter((x): x is number => x !== null);
		return values.length >= 2 && values.reduce((s, x) => s + x, 0) / values.length < 0.5;
	});
	const sharedLevers =
		values.sharedLevers === null
			? 'Il faut au moins deux services évalués sur un même levier.'
			: lagging.length === 0
				? 'Sur chaque levier, les services ont engagé en moyenne la moitié de leurs pratiques ou plus.'
				: `Leviers où les services ont engagé moins de la moitié de leurs pratiques\u202f: ${list(lagging.map((l) => index.levers.get(l)?.label ?? l))}.`;

	const oneSided = pairs.filter((p) => p.kind === 'one-sided');
	const weak = pairs.filter((p) => p.practice < 0.5);
	const absentPairs = (services.length * (services.length - 1)) / 2 - pairs.length;
	const arrow = (p: PractisedPair) => {
		const from = p.declaredBy[0] ?? p.a;
		return `${name(from)} → ${name(from === p.a ? p.b : p.a)}`;
	};
	const todo = [
		oneSided.length > 0 &&
			`confirmer des deux côtés ${plural(oneSided.length, 'un lien déclaré', 'liens déclarés')} par un seul service (${list(oneSided.map(arrow))})`,
		weak.length > 0 &&
			`faire vivre ${plural(weak.length, 'un lien', 'liens')} où l’un des deux services a engagé moins de la moitié de ses pratiques (${list(weak.map((p) => `${name(p.a)} – ${name(p.b)}`))})`,
		absentPairs > 0 &&
			`créer des liens entre ${plural(absentPairs, 'une paire', 'paires')} de services qui ne se citent pas`
	].filter(Boolean);
	const cooperation =
		values.cooperation === null
			? services.length < 2
				? 'Il faut au moins deux services dans la démarche pour mesurer leur coopération.'
				: 'Non mesurée\u202f: aucun service n’a encore répondu aux questions de coopération.'
			: todo.length === 0
				? 'Chaque paire de services coopère des deux côtés, et les deux services pratiquent.'
				: todo.join('\u202f; ').replace(/^./, (c) => c.toUpperCase()) + '.';

	const behind = services.filter((m) => engagement(m) < 0.5);
	const diffusion =
		values.diffusion === null
			? 'Aucun service attendu.'
			: behind.length === 0
				? 'Chaque service a engagé au moins la moitié de ses pratiques.'
				: `Services qui ont engagé moins de la moitié de leurs pratiques\u202f: ${list(behind.map((m) => `${name(m)} (${byModule.has(m) ? percent(engagement(m)) : 'absent'})`))}.`;

	const governance = !expected.includes('transversal')
		? 'Non mesurée\u202f: le module de pilotage transversal ne fait pas partie de la démarche\u202f; la transversalité est donc partielle.'
		: !byModule.has('transversal')
			? 'Non mesurée\u202f: faire remplir le module de pilotage transversal.'
			: values.governance === null
				? 'Non mesurée\u202f: le module de pilotage transversal n’a aucune question applicable.'
				: values.governance >= 100
					? 'Toutes les pratiques du module de pilotage transversal sont au moins au niveau «\u202fEngagé\u202f».'
					: 'Faire progresser les pratiques du module de pilotage transversal encore sous le niveau «\u202fEngagé\u202f».';

	return { sharedLevers, cooperation, diffusion, governance };
}
