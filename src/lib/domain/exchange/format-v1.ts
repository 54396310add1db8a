/**
 * Version 1 of the exchange file, the first layout: a plain copy of the stored records
 * (`type`/`version`/`source` envelope, dates in epoch milliseconds, answers keyed by question
 * id, no device and no history). Still read: migrateV1 turns it into version 2.
 */
import * as v from 'valibot';
import { IdSchema, ModuleRefSchema, type ExportScope } from './format';
import { V2AnswerValueSchema } from './format-v2';

const epoch = v.pipe(
	v.number('date attendue (millisecondes)'),
	v.integer('date attendue (millisecondes)'),
	v.minValue(0),
	v.maxValue(8.64e15)
);
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
// Names and notes are read at any length and shortened later, as in version 2 (format.ts).
const typed = v.string();

/** The whole file of version 1. */
export const V1FileSchema = v.object({
	type: v.literal('leviers'),
	version: v.literal(1),
	source: text(200),
	exportedAt: epoch,
	campaigns: v.pipe(
		v.array(
			v.object({
				id: IdSchema,
				authority: typed,
				label: typed,
				modules: v.pipe(v.array(ModuleRefSchema), v.maxLength(50)),
				createdAt: epoch,
				updatedAt: epoch
			})
		),
		v.maxLength(10_000)
	),
	diagnostics: v.pipe(
		v.array(
			v.object({
				id: IdSchema,
				campaignId: IdSchema,
				moduleId: ModuleRefSchema,
				questionnaireVersion: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1e6)),
				status: v.picklist(['draft', 'complete']),
				revision: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1e9)),
				respondent: v.optional(v.object({ name: v.optional(typed), role: v.optional(typed) })),
				createdAt: epoch,
				updatedAt: epoch,
				// valibot's record skips "__proto__", "prototype" and "constructor" keys.
				answers: v.record(
					v.pipe(v.string(), v.maxLength(100)),
					v.object({ value: V2AnswerValueSchema, note: v.optional(typed), changedAt: epoch })
				)
			})
		),
		v.maxLength(100_000)
	)
});

/** A file of version 1. */
export type V1File = v.InferOutput<typeof V1FileSchema>;

/** Device name given to version 1 files, which did not say which device wrote them. */
export const V1_DEVICE = 'format-1';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Version 1 → version 2: ISO dates, answers as a list, and a history of one checkpoint (so a
 * higher revision of a version 1 file still counts as newer than a lower one).
 */
export function migrateV1(file: V1File): unknown {
	const scope: ExportScope =
		file.diagnostics.length === 1 && file.campaigns.length === 1 ? 'diagnostic' : 'database';
	return {
		format: 'leviers-export',
		version: 2,
		app: { name: 'Leviers', version: file.source.replace(/^Leviers\s*/, '').slice(0, 50) },
		exportedAt: iso(file.exportedAt),
		device: V1_DEVICE,
		scope,
		questionnaires: [
			...new Map(
				file.diagnostics.map((d) => [
					`${d.moduleId}@${d.questionnaireVersion}`,
					{ module: d.moduleId, version: d.questionnaireVersion }
				])
			).values()
		],
		campaigns: file.campaigns.map((c) => ({
			...c,
			createdAt: iso(c.createdAt),
			updatedAt: iso(c.updatedAt)
		})),
		diagnostics: file.diagnostics.map(({ moduleId, answers, ...d }) => ({
			...d,
			module: moduleId,
			createdAt: iso(d.createdAt),
			updatedAt: iso(d.updatedAt),
			lineage: d.revision > 0 ? [{ device: V1_DEVICE, revision: d.revision }] : [],
			answers: Object.entries(answers).map(([question, a]) => ({
				question,
				value: a.value,
				...(a.note === undefined ? {} : { note: a.note }),
				changedAt: iso(a.changedAt)
			}))
		}))
	};
}
