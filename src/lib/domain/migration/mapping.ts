/**
 * The mapping files of questionnaires/migrations/ (README there): for one module and one step of
 * its version, what becomes of each question of the older version. One valibot schema is the
 * source of the types and of the check of the shipped files (by the unit tests, like the
 * questionnaires: the app does not parse them again at start-up).
 */
import * as v from 'valibot';
import { MODULE_IDS } from '../content/questionnaire';
import { OBLIGATION_VALUES } from '../answers';

const questionId = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'identifiant de question attendu')
);
const reason = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(600));

/** What becomes of one question of the older version. */
export const MappingActionSchema = v.variant('action', [
	/** The same question, same id and type: the answer is kept as is. */
	v.strictObject({ action: v.literal('keep') }),
	/** The same question under another id: the answer moves there. */
	v.strictObject({ action: v.literal('rename'), to: questionId }),
	/** Asked with others in one question now: their answers are merged (migrate.ts). */
	v.strictObject({ action: v.literal('merge'), into: questionId, reason: v.optional(reason) }),
	/**
	 * A scale question that is now an obligation: its level is read as a compliance (complianceOf),
	 * or as `levels` says for this question, with why (e.g. a « Rien » that may mean « not
	 * concerned » when the duty has a threshold the old question did not ask about).
	 */
	v.strictObject({
		action: v.literal('obligation'),
		to: questionId,
		levels: v.optional(
			v.pipe(
				v.record(
					v.picklist(['0', '1', '2', '3', '4'], 'niveau 0 à 4 attendu'),
					v.picklist(OBLIGATION_VALUES)
				),
				v.check((r) => Object.keys(r).length > 0, 'au moins un niveau')
			)
		),
		reason: v.optional(reason)
	}),
	/** No place in the new version: the answer is kept apart, with why. */
	v.strictObject({ action: v.literal('retire'), reason })
]);

/** questionnaires/migrations/<module>-<from>-<to>.json. */
export const MappingFileSchema = v.pipe(
	v.strictObject({
		module: v.picklist(MODULE_IDS, 'module inconnu'),
		from: v.pipe(v.number(), v.integer(), v.minValue(1)),
		to: v.pipe(v.number(), v.integer(), v.minValue(2)),
		questions: v.record(questionId, MappingActionSchema)
	}),
	v.check((m) => m.to === m.from + 1, 'une migration va d’une version à la suivante'),
	v.check(
		(m) =>
			Object.values(m.questions).every(
				(a) => a.action !== 'obligation' || (a.levels === undefined) === (a.reason === undefined)
			),
		'une obligation qui lit les niveaux autrement dit pourquoi (reason), et seulement alors'
	)
);

/** One action of a mapping file. */
export type MappingAction = v.InferOutput<typeof MappingActionSchema>;

/** One mapping file. */
export type MappingFile = v.InferOutput<typeof MappingFileSchema>;

/** Validates one mapping file: the file, or the French problems with where they are. */
export function parseMapping(
	data: unknown
): { ok: true; value: MappingFile } | { ok: false; problems: string[] } {
	const r = v.safeParse(MappingFileSchema, data);
	if (r.success) return { ok: true, value: r.output };
	return {
		ok: false,
		problems: r.issues.map((i) => `${v.getDotPath(i) ?? '(racine)'}\u202f: ${i.message}`)
	};
}
