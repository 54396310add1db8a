/**
 * The preview of an import: reads a file and compares it with what a database holds; writes
 * nothing. Apart from exchange.ts so that the import page's worker loads only what it needs.
 */
import type { Module } from '$lib/domain/content/questionnaire';
import type { DiagnosticMigration } from '$lib/domain/migration/migrate';
import type { ImportProblem } from '$lib/domain/exchange/problems';
import { planImport, type ImportPlan } from '$lib/domain/exchange/plan';
import { readExportText } from '$lib/domain/exchange/read';
import type { LeviersDB } from './db';
import { Queries } from './queries';

/** The outcome of a preview. */
export type PreviewResult = { ok: true; plan: ImportPlan } | { ok: false; problem: ImportProblem };

/** Reads a file and says what importing it would do; writes nothing. */
export async function previewImport(
	db: LeviersDB,
	text: string,
	options: {
		fileName: string;
		now: number;
		modules: readonly Module[];
		/** How old answers are carried (the shipped mappings by default). */
		migrate?: DiagnosticMigration;
	}
): Promise<PreviewResult> {
	const read = readExportText(text);
	if (!read.ok) return read;
	const local = await new Queries(db).localState(read.file);
	return {
		ok: true,
		plan: planImport(read.file, local, {
			migrate: (await import('$lib/domain/migration/shipped')).migrateToCurrent,
			...options,
			version: read.version,
			rejected: read.rejected,
			rejectedActions: read.rejectedActions
		})
	};
}
