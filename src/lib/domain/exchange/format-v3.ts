/**
 * Version 3 of the exchange file: the layout of version 4 (format-v4.ts) before retired answers and
 * the « Autre (préciser) » text of cooperation answers. Still read: migrateV3 turns it into
 * version 4 changing nothing but the version (its diagnostics answered against an older
 * questionnaire are carried by the mappings on import, like those of any version).
 */
import * as v from 'valibot';
import { PlanlessEnvelopeSchema, ExportedAnswerSchema, ExportedDiagnosticSchema } from './format';

/** One answer of version 3: no « Autre (préciser) » text. */
export const V3AnswerSchema = v.omit(ExportedAnswerSchema, ['otherPartner']);

/** One diagnostic of version 3 (fields of version 4 are not read), checked on its own. */
export const V3DiagnosticSchema = v.object({
	...v.omit(ExportedDiagnosticSchema, ['retired']).entries,
	answers: v.pipe(v.array(V3AnswerSchema), v.maxLength(500))
});

/** A file of version 3, its diagnostics not yet checked. */
export const V3EnvelopeSchema = v.object({
	...PlanlessEnvelopeSchema.entries,
	version: v.literal(3)
});

/** A file of version 3 whose diagnostics have been checked (or set aside) one by one. */
export type V3File<D> = Omit<v.InferOutput<typeof V3EnvelopeSchema>, 'diagnostics'> & {
	diagnostics: D[];
};

/** Version 3 → version 4: the same data; version 4 only admits more fields. */
export function migrateV3<D>(file: V3File<D>): unknown {
	return { ...file, version: 4 };
}
