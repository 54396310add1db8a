/**
 * Content with obligation questions for the exchange tests, made from the shipped modules the
 * way method v2 turns an item into an obligation: same question id, same module version, the
 * question asked as a compliance item. Used by the tests only.
 */
import type { FactReference, Module, Question } from '../content/questionnaire';

/** The eleven items of today's content that are legal obligations (content review, § 2.1). */
export const OBLIGATION_IDS = [
	'dechets-plpdma-pilotage',
	'dechets-biodechets-foyers',
	'dechets-zone-reemploi',
	'cantines-egalim-qualite',
	'cantines-egalim-viandes-poissons',
	'cantines-menu-vegetarien',
	'cantines-contenants-plastique',
	'cantines-tri-biodechets',
	'urbanisme-diagnostic-pemd',
	'marches-critere-environnemental',
	'marches-reemploi-recycle'
] as const;

const testFact: FactReference = {
	kind: 'fact',
	statement: 'Obligation de test',
	text: 'Texte de test, art. 1',
	date: '2026-01-01'
};

function asObligation(q: Question): Question {
	return {
		id: q.id,
		type: 'obligation',
		text: q.text,
		help: q.help,
		reference: q.reference.kind === 'fact' ? q.reference : testFact,
		todo: `Se mettre en conformité (${q.id}).`
	};
}

/** `modules` with the questions of `ids` (already obligations or not) asked as obligations. */
export function withObligations(
	modules: readonly Module[],
	ids: readonly string[] = OBLIGATION_IDS
): Module[] {
	const wanted = new Set(ids);
	return modules.map((m) => ({
		...m,
		themes: m.themes.map((t) => ({
			...t,
			questions: t.questions.map((q) => (wanted.has(q.id) ? asObligation(q) : q))
		}))
	}));
}
