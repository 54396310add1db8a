/**
 * Version 2 of the exchange file: the layout of version 3 (format-v3.ts) before obligation
 * questions existed, so its answers are levels, "na", "nsp", partner lists or null, never a
 * compliance. Still read: migrateV2 turns it into version 3, changing nothing but the version
 * (a level given to a question that has since become an obligation is kept as stored and read
 * as a compliance by complianceOf, scoring/obligations.ts).
 */
import * as v from 'valibot';
import { PlanlessEnvelopeSchema, PartnerListSchema } from './format';
import { V3AnswerSchema, V3DiagnosticSchema } from './format-v3';

/** An answer of version 2: a level 0–4, "na", "nsp", the partner modules, or null. */
export const V2AnswerValueSchema = v.union(
	[v.picklist([0, 1, 2, 3, 4, 'na', 'nsp']), PartnerListSchema, v.null()],
	'réponse attendue\u202f: 0 à 4, "na", "nsp", une liste de modules ou null'
);

/** One diagnostic of version 2, checked on its own (read.ts) like those of version 3. */
export const V2DiagnosticSchema = v.object({
	...V3DiagnosticSchema.entries,
	answers: v.pipe(
		v.array(v.object({ ...V3AnswerSchema.entries, value: V2AnswerValueSchema })),
		v.maxLength(500)
	)
});

/** A file of version 2, its diagnostics not yet checked. */
export const V2EnvelopeSchema = v.object({
	...PlanlessEnvelopeSchema.entries,
	version: v.literal(2)
});

/** A file of version 2 whose diagnostics have been checked (or set aside) one by one. */
export type V2File<D> = Omit<v.InferOutput<typeof V2EnvelopeSchema>, 'diagnostics'> & {
	diagnostics: D[];
};

/** Version 2 → version 3: the same data; version 3 only admits more answer values. */
export function migrateV2<D>(file: V2File<D>): unknown {
	return { ...file, version: 3 };
}
