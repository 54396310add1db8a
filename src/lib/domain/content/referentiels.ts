/**
 * The copies of the structure of ADEME's référentiels (questionnaires/referentiels/<id>.json,
 * rebuilt by scripts/referentiels.mjs) and the rules that tie questions to them: a copy is
 * well-formed (ids of its référentiel, unique, every parent present one level up) and every
 * `ademe` id a question names exists in a copy. Pure: the caller passes the parsed files. The
 * copies are read by tests only; they are not part of the app.
 */
import * as v from 'valibot';
import {
	ADEME_ID_PATTERN,
	moduleQuestions,
	type ContentProblem,
	type Module
} from './questionnaire';

/** The référentiels copied: Économie circulaire and the merged « TE » (Climat Ressources). */
export const REFERENTIEL_IDS = ['eci', 'te'] as const;

/** One of the copied référentiels; also the prefix of its measure ids. */
export type ReferentielId = (typeof REFERENTIEL_IDS)[number];

/** Levels of a référentiel below its root, as the repository names them. */
export const REFERENTIEL_LEVELS = ['axe', 'sous-axe', 'action', 'sous-action', 'tache'] as const;

const text = v.pipe(v.string(), v.minLength(1));

/** One measure (axe, sous-axe, action, sous-action or tâche) of a copy. */
export const ReferentielItemSchema = v.strictObject({
	id: v.pipe(v.string(), v.regex(ADEME_ID_PATTERN, 'identifiant ADEME attendu')),
	parent: v.nullable(v.string()),
	level: v.picklist(REFERENTIEL_LEVELS, 'niveau inconnu'),
	/** The name of the measure; empty for the few the spreadsheet leaves unnamed (te_2.2.5alter). */
	title: v.string(),
	/** Points as the référentiel's spreadsheet gives them. */
	points: v.optional(v.number()),
	/** ECi: the share of its parent's points, in percent. */
	percent: v.optional(v.number()),
	/** « TE »: the labels it counts for (`te_cae`, `te_eci`). */
	labels: v.optional(v.array(text)),
	/** « TE »: the ECi or CAE measures it comes from (column Origine, weights dropped). */
	origine: v.optional(v.array(text))
});

/** questionnaires/referentiels/<id>.json. */
export const ReferentielCopySchema = v.strictObject({
	origin: v.strictObject({
		repository: v.pipe(v.string(), v.url()),
		path: text,
		commit: v.pipe(
			v.string(),
			v.regex(/^[0-9a-f]{40}$/, 'commit attendu (40 chiffres hexadécimaux)')
		),
		read_on: v.pipe(v.string(), v.isoDate('date attendue au format AAAA-MM-JJ'))
	}),
	licence: text,
	referentiel: v.strictObject({
		id: v.picklist(REFERENTIEL_IDS, 'référentiel inconnu'),
		name: text,
		levels: v.pipe(v.array(v.picklist(REFERENTIEL_LEVELS)), v.minLength(1))
	}),
	items: v.pipe(v.array(ReferentielItemSchema), v.minLength(1))
});

/** A measure of a copy. */
export type ReferentielItem = v.InferOutput<typeof ReferentielItemSchema>;
/** A copy of a référentiel's structure. */
export type ReferentielCopy = v.InferOutput<typeof ReferentielCopySchema>;

/** The number of levels of an id: `eci_2` → 1, `te_1.1.1alter.1` → 4. */
export function idDepth(id: string): number {
	return id.split('.').length;
}

/**
 * Validates a copy and checks its tree: ids carry the référentiel's prefix and are unique, the
 * level follows from the id, and every parent exists one level up.
 */
export function checkReferentielCopy(
	file: string,
	data: unknown
): { copy?: ReferentielCopy; problems: ContentProblem[] } {
	const r = v.safeParse(ReferentielCopySchema, data);
	if (!r.success)
		return {
			problems: r.issues.map((i) => ({
				file,
				field: (i.path ?? []).map((p) => String(p.key)).join('.') || '(racine)',
				message: i.message
			}))
		};
	const copy = r.output;
	const { id: ref, levels } = copy.referentiel;
	const problems: ContentProblem[] = [];
	const byId = new Map<string, ReferentielItem>();
	const at = (item: ReferentielItem, message: string) =>
		problems.push({ file, field: `items › ${item.id}`, message });
	for (const item of copy.items) {
		if (byId.has(item.id)) at(item, 'identifiant en double');
		byId.set(item.id, item);
	}
	for (const item of copy.items) {
		if (!item.id.startsWith(`${ref}_`)) at(item, `identifiant hors du référentiel ${ref}`);
		const depth = idDepth(item.id);
		if (levels[depth - 1] !== item.level)
			at(item, `niveau ${item.level}, attendu ${levels[depth - 1] ?? '(aucun)'}`);
		const expected = depth > 1 ? item.id.slice(0, item.id.lastIndexOf('.')) : null;
		if (item.parent !== expected) at(item, `parent ${item.parent}, attendu ${expected}`);
		else if (expected !== null && !byId.has(expected)) at(item, `parent ${expected} absent`);
	}
	return { copy, problems };
}

/** The ids of all the measures of the copies. */
export function referentielIds(copies: ReferentielCopy[]): Set<string> {
	return new Set(copies.flatMap((c) => c.items.map((i) => i.id)));
}

/** Every `eci_…` measure a « TE » measure comes from exists in the ECi copy. */
export function checkOrigines(
	file: string,
	te: ReferentielCopy,
	eci: ReferentielCopy
): ContentProblem[] {
	const known = referentielIds([eci]);
	return te.items.flatMap((item) =>
		(item.origine ?? [])
			.filter((o) => o.startsWith('eci_') && !known.has(o))
			.map((o) => ({
				file,
				field: `items › ${item.id} › origine`,
				message: `${o} absent de la copie ECi`
			}))
	);
}

/**
 * Every `ademe` id of every question exists in the copies, once per question; a problem names the
 * file, the question and the id.
 */
export function checkAdemeIds(
	modules: { file: string; module: Module }[],
	copies: ReferentielCopy[]
): ContentProblem[] {
	const known = referentielIds(copies);
	const problems: ContentProblem[] = [];
	for (const { file, module } of modules)
		for (const q of moduleQuestions(module)) {
			const seen = new Set<string>();
			for (const id of q.ademe ?? []) {
				const where = { file, questionId: q.id, field: 'ademe' };
				if (seen.has(id)) problems.push({ ...where, message: `${id} cité deux fois` });
				else if (!known.has(id)) {
					const ref = id.split('_')[0];
					problems.push({
						...where,
						message: `${id} n’existe pas dans questionnaires/referentiels/${ref}.json`
					});
				}
				seen.add(id);
			}
		}
	return problems;
}
