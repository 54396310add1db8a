/**
 * Builds an exchange file (current version) from what the device holds, and turns a file's
 * records back into the device's.
 */
import type { Campaign } from '../answers';
import {
	FORMAT_NAME,
	FORMAT_VERSION,
	type AnswerRecord,
	type DiagnosticSnapshot,
	type ExportFile,
	type ExportScope,
	type ExportedCampaign,
	type ExportedDiagnostic
} from './format';
import type { PlanAction } from '../plan/action';
import { exportAction } from './action-records';
import { MAX_FILE_BYTES } from './limits';
import { compactLineage, effectiveLineage } from './lineage';

/** What an export is made of. */
export interface ExportInput {
	scope: ExportScope;
	campaigns: readonly Campaign[];
	diagnostics: readonly DiagnosticSnapshot[];
	/** The actions of the campaigns' plans (none for one diagnostic). */
	actions?: readonly PlanAction[];
	/** The exporting device's id (meta table). */
	device: string;
	app: { name: string; version: string };
	now: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

const copyValue = (value: AnswerRecord['value']) => (Array.isArray(value) ? [...value] : value);

/** A campaign as written in a file. */
function exportCampaign(c: Campaign): ExportedCampaign {
	return {
		id: c.id,
		authority: c.authority,
		label: c.label,
		modules: [...c.modules],
		createdAt: iso(c.createdAt),
		updatedAt: iso(c.updatedAt)
	};
}

/** A diagnostic as written in a file, its history completed with this device's changes. */
function exportDiagnostic(d: DiagnosticSnapshot, device: string): ExportedDiagnostic {
	const respondent =
		d.respondent && (d.respondent.name || d.respondent.role)
			? {
					...(d.respondent.name ? { name: d.respondent.name } : {}),
					...(d.respondent.role ? { role: d.respondent.role } : {})
				}
			: undefined;
	return {
		id: d.id,
		campaignId: d.campaignId,
		module: d.moduleId,
		questionnaireVersion: d.questionnaireVersion,
		status: d.status,
		revision: d.revision,
		...(respondent ? { respondent } : {}),
		createdAt: iso(d.createdAt),
		updatedAt: iso(d.updatedAt),
		lineage: compactLineage(effectiveLineage(d.lineage ?? [], d.revision, device)),
		answers: [...d.answers]
			.sort((a, b) => a.changedAt - b.changedAt || (a.questionId < b.questionId ? -1 : 1))
			.map((a) => ({
				question: a.questionId,
				value: copyValue(a.value),
				...(a.note === undefined ? {} : { note: a.note }),
				...(a.otherPartner === undefined ? {} : { otherPartner: a.otherPartner }),
				changedAt: iso(a.changedAt)
			})),
		...(d.retired?.length
			? {
					retired: d.retired.map((r) => ({
						question: r.questionId,
						text: r.text,
						value: copyValue(r.value),
						...(r.note === undefined ? {} : { note: r.note }),
						changedAt: iso(r.changedAt),
						fromVersion: r.fromVersion,
						...(r.reason === undefined ? {} : { reason: r.reason })
					}))
				}
			: {})
	};
}

/** The file: envelope, questionnaire versions used, campaigns, diagnostics, actions. */
export function buildExport(input: ExportInput): ExportFile {
	const versions = new Map<string, { module: string; version: number }>();
	for (const d of input.diagnostics)
		versions.set(`${d.moduleId}@${d.questionnaireVersion}`, {
			module: d.moduleId,
			version: d.questionnaireVersion
		});
	return {
		format: FORMAT_NAME,
		version: FORMAT_VERSION,
		app: { ...input.app },
		exportedAt: iso(input.now),
		device: input.device,
		scope: input.scope,
		questionnaires: [...versions.values()].sort((a, b) =>
			a.module === b.module ? a.version - b.version : a.module < b.module ? -1 : 1
		),
		campaigns: input.campaigns.map(exportCampaign),
		diagnostics: input.diagnostics.map((d) => exportDiagnostic(d, input.device)),
		actions: (input.actions ?? []).map((a) => exportAction(a, input.device))
	};
}

/** The file's text: JSON indented with tabs, so a person can read it and a diff can show it. */
export function serializeExport(file: ExportFile): string {
	return JSON.stringify(file, null, '\t') + '\n';
}

const megabytes = (bytes: number) =>
	`${(Math.ceil((bytes / 1048576) * 10) / 10).toLocaleString('fr-FR')} Mo`;

/**
 * Why an export's text may not be downloaded, in French: over MAX_FILE_BYTES (UTF-8), no import
 * would read it back. Null when it is within the limit.
 */
export function oversizedExport(text: string): string | null {
	// Most texts are far below: only a long one is encoded to be measured.
	if (text.length * 3 <= MAX_FILE_BYTES) return null;
	const bytes = new TextEncoder().encode(text).length;
	if (bytes <= MAX_FILE_BYTES) return null;
	return `Cet export pèserait ${megabytes(bytes)}, au-delà des ${megabytes(MAX_FILE_BYTES)} qu’un import Leviers accepte\u202f: il ne pourrait pas être réimporté. Rien n’a été téléchargé. Exportez plutôt chaque démarche séparément, depuis sa page.`;
}
