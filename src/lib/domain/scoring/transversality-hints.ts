/**
 * The French sentence that goes with each transversality component: what would raise it, naming
 * the services, links or levers concerned.
 */
import { ENGAGED_THRESHOLD } from './scoring';
import type { TransversalityComponentId, TransversalityInput } from './transversality-input';
import { LEVER_IDS, type ModuleId } from '../content/questionnaire';
import type { QuestionnaireIndex } from '../content/questionnaire-index';

const list = (items: string[]) => items.join(', ');
const plural = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);

/** One sentence per component, from the same input as the values. */
export function transversalityHints(
	input: TransversalityInput,
	values: Record<TransversalityComponentId, number | null>,
	index: QuestionnaireIndex
): Record<TransversalityComponentId, string> {
	const { expected, scores, complete, network } = input;
	const byModule = new Map(scores.map((s) => [s.moduleId, s]));
	const name = (m: ModuleId) => index.title(m);

	const missing = expected.filter((m) => !complete.includes(m));
	const coverage =
		expected.length === 0
			? 'La démarche n’attend aucun service.'
			: missing.length === 0
				? 'Tous les diagnostics attendus sont complets.'
				: `Faire compléter le diagnostic de : ${list(missing.map((m) => `${name(m)} (${byModule.has(m) ? 'brouillon' : 'absent'})`))}.`;

	const services = network.services;
	const inNetwork = network.pairs.filter((p) => services.includes(p.a) && services.includes(p.b));
	const oneSided = inNetwork.filter((p) => p.kind === 'one-sided');
	const absentPairs = (services.length * (services.length - 1)) / 2 - inNetwork.length;
	const cooperation =
		values.cooperation === null
			? services.length < 2
				? 'Il faut au moins deux services dans la démarche pour mesurer leur coopération.'
				: 'Aucun service n’a encore répondu aux questions de coopération.'
			: oneSided.length === 0 && absentPairs === 0
				? 'Chaque paire de services déclare travailler ensemble, des deux côtés.'
				: [
						oneSided.length > 0 &&
							`confirmer des deux côtés ${plural(oneSided.length, 'un lien déclaré', 'liens déclarés')} par un seul service (${list(
								oneSided.map((p) => {
									const from = p.declaredBy[0] ?? p.a;
									return `${name(from)} → ${name(from === p.a ? p.b : p.a)}`;
								})
							)})`,
						absentPairs > 0 &&
							`créer des liens entre ${plural(absentPairs, 'une paire', 'paires')} de services qui ne se citent pas`
					]
						.filter(Boolean)
						.join(' ; ')
						.replace(/^./, (c) => c.toUpperCase()) + '.';

	const lagging = LEVER_IDS.filter((lever) => {
		const evaluated = services
			.map((m) => byModule.get(m)?.levers[lever].score ?? null)
			.filter((s): s is number => s !== null);
		const engaged = evaluated.filter((s) => s >= ENGAGED_THRESHOLD).length;
		return evaluated.length > 0 && 2 * engaged < evaluated.length;
	});
	const sharedLevers =
		values.sharedLevers === null
			? 'Aucun levier n’est encore évalué par les services.'
			: lagging.length === 0
				? 'Sur chaque levier, au moins la moitié des services évalués sont engagés.'
				: `Leviers où moins de la moitié des services sont engagés : ${list(lagging.map((l) => index.levers.get(l)?.label ?? l))}.`;

	const governance = !expected.includes('transversal')
		? 'Le module de pilotage transversal ne fait pas partie de la démarche.'
		: !byModule.has('transversal')
			? 'Faire remplir le module de pilotage transversal.'
			: values.governance === null
				? 'Le module de pilotage transversal n’a aucune réponse sur l’échelle.'
				: 'Faire progresser les pratiques les moins avancées du module de pilotage transversal.';

	const maturities = services.map((m) => ({ m, v: byModule.get(m)?.maturity ?? null }));
	const mean = maturities.reduce((s, x) => s + (x.v ?? 0), 0) / Math.max(1, maturities.length);
	const behind = maturities.filter((x) => (x.v ?? 0) < mean);
	const balance =
		values.balance === null
			? services.length < 2
				? 'L’équilibre se mesure entre au moins deux services.'
				: maturities.some((x) => x.v !== null)
					? 'Tous les services sont à 0 : l’équilibre se mesurera dès qu’un service progressera.'
					: 'Aucun service n’a encore de maturité mesurée.'
			: behind.length === 0
				? 'Les services ont tous la même maturité.'
				: `Soutenir les services en retrait : ${list(behind.map((x) => `${name(x.m)} (${!byModule.has(x.m) ? 'absent' : x.v === null ? 'non évalué' : Math.round(x.v)})`))}.`;

	return { coverage, cooperation, sharedLevers, governance, balance };
}
