/**
 * Which diagnostic counts for each module of a campaign. Several diagnostics of the same service
 * happen (a tablet and the coordinator's laptop, a file imported twice): exactly one counts, chosen
 * by a rule that does not depend on the order in which they were imported.
 */
import {
	isEmptyDraft,
	type Campaign,
	type Diagnostic,
	type DiagnosticWithAnswers
} from '../answers';
import { indexQuestionnaire, type Questionnaire } from '../content/questionnaire-index';
import { MODULE_IDS, type ModuleId } from '../content/questionnaire';

/** A diagnostic that lost to another diagnostic of the same module. */
export interface SupersededDiagnostic {
	diagnosticId: string;
	moduleId: ModuleId;
	by: string;
}

/** A diagnostic left out of the campaign's scores, and why. */
export interface IgnoredDiagnostic {
	diagnosticId: string;
	moduleId: ModuleId;
	reason: 'other-campaign' | 'module-not-expected' | 'unknown-module';
}

/** A diagnostic answered against another version of its module than the current one. */
export interface OutdatedDiagnostic {
	diagnosticId: string;
	moduleId: ModuleId;
	answeredVersion: number;
	currentVersion: number;
}

/** The outcome of the selection: what counts, and everything that does not, with the reason. */
export interface DiagnosticSelection {
	/** The modules the campaign expects, without duplicates, in MODULE_IDS order. */
	expected: ModuleId[];
	/** At most one diagnostic per module, in MODULE_IDS order. */
	counted: DiagnosticWithAnswers[];
	superseded: SupersededDiagnostic[];
	ignored: IgnoredDiagnostic[];
	outdated: OutdatedDiagnostic[];
}

/** A diagnostic, with its answers when known (they only break a tie between equal ids). */
type Comparable = Diagnostic & { answers?: DiagnosticWithAnswers['answers'] };

/**
 * Orders two diagnostics of the same module, the one that counts first: complete before draft,
 * then higher revision, then later updatedAt, then the greater id (compared by code units, so
 * every device agrees). Negative when `a` counts rather than `b`.
 */
export function compareForSelection(a: Comparable, b: Comparable): number {
	const complete = (d: Comparable) => (d.status === 'complete' ? 1 : 0);
	if (complete(a) !== complete(b)) return complete(b) - complete(a);
	// A damaged number (NaN, missing) counts as 0, so the order never depends on the input's.
	const n = (x: number) => (Number.isFinite(x) ? x : 0);
	if (n(a.revision) !== n(b.revision)) return n(b.revision) - n(a.revision);
	if (n(a.updatedAt) !== n(b.updatedAt)) return n(b.updatedAt) - n(a.updatedAt);
	if (a.id !== b.id) return a.id < b.id ? 1 : -1;
	// Same id twice (a file imported into two places): the content decides, not the order.
	const content = (d: Comparable) => JSON.stringify(d.answers ?? {});
	const x = content(a);
	const y = content(b);
	return x < y ? 1 : x > y ? -1 : 0;
}

/** The expected modules of a campaign, deduplicated, in MODULE_IDS order. */
export function expectedModules(campaign: Pick<Campaign, 'modules'>): ModuleId[] {
	return MODULE_IDS.filter((id) => campaign.modules.includes(id));
}

/** Chooses the diagnostic that counts for each expected module and reports the others. */
export function selectDiagnostics(
	campaign: Campaign,
	diagnostics: readonly DiagnosticWithAnswers[],
	questionnaire: Questionnaire
): DiagnosticSelection {
	const index = indexQuestionnaire(questionnaire);
	const expected = expectedModules(campaign);
	const ignored: IgnoredDiagnostic[] = [];
	const byModule = new Map<ModuleId, DiagnosticWithAnswers[]>();
	for (const d of diagnostics) {
		if (isEmptyDraft(d, Object.keys(d.answers ?? {}).length)) continue;
		const reason: IgnoredDiagnostic['reason'] | null =
			d.campaignId !== campaign.id
				? 'other-campaign'
				: !expected.includes(d.moduleId)
					? 'module-not-expected'
					: !index.modules.has(d.moduleId)
						? 'unknown-module'
						: null;
		if (reason) ignored.push({ diagnosticId: d.id, moduleId: d.moduleId, reason });
		else byModule.set(d.moduleId, [...(byModule.get(d.moduleId) ?? []), d]);
	}
	const counted: DiagnosticWithAnswers[] = [];
	const superseded: SupersededDiagnostic[] = [];
	const outdated: OutdatedDiagnostic[] = [];
	for (const moduleId of expected) {
		const [winner, ...losers] = [...(byModule.get(moduleId) ?? [])].sort(compareForSelection);
		if (!winner) continue;
		counted.push(winner);
		for (const d of losers) superseded.push({ diagnosticId: d.id, moduleId, by: winner.id });
		const currentVersion =
			index.modules.get(moduleId)?.module.version ?? winner.questionnaireVersion;
		if (winner.questionnaireVersion !== currentVersion)
			outdated.push({
				diagnosticId: winner.id,
				moduleId,
				answeredVersion: winner.questionnaireVersion,
				currentVersion
			});
	}
	const byId = (a: { diagnosticId: string }, b: { diagnosticId: string }) =>
		a.diagnosticId < b.diagnosticId ? -1 : a.diagnosticId > b.diagnosticId ? 1 : 0;
	return { expected, counted, superseded, ignored: ignored.sort(byId), outdated };
}
