/**
 * The documents a campaign is replicated as (issue 15): one CouchDB document per campaign,
 * diagnostic and action of the exchange format, so that what arrives by synchronisation goes
 * through exactly the reading, preview and conflict rules of an imported file.
 *
 * Shape (docs/synchronisation.md, and the server's `validate_doc_update` checks the same):
 *
 *   { _id: "campaign:<uuid>",   type: "campaign",   format: 5, campaign: <exported campaign> }
 *   { _id: "diagnostic:<uuid>", type: "diagnostic", format: 5, campaignId, module,
 *     diagnostic: <exported diagnostic> }
 *   { _id: "action:<uuid>",     type: "action",     format: 5, campaignId, action: <exported action> }
 *
 * `campaignId` and `module` are repeated at the top so that the server's validation can check who
 * may write a document without reading inside it; the reader checks they agree with the inner
 * object. Nothing here trusts a document: `docsToExportText` only rebuilds the envelope of a file,
 * whose every part `readExportText` then checks as it checks a file.
 */
import * as v from 'valibot';
import {
	ExportedCampaignSchema,
	FORMAT_NAME,
	FORMAT_VERSION,
	type ExportFile
} from '../exchange/format';
import { describeIssue } from '../exchange/problems';
import { isLineage } from './leaves';

export const SYNC_DOC_TYPES = ['campaign', 'diagnostic', 'action'] as const;
export type SyncDocType = (typeof SYNC_DOC_TYPES)[number];

/** A document larger than this (its JSON, in UTF-16 code units) is set aside unread. */
export const MAX_SYNC_DOC_CHARS = 4_000_000;

export interface CampaignDoc {
	_id: string;
	type: 'campaign';
	format: number;
	campaign: ExportFile['campaigns'][number];
}
export interface DiagnosticDoc {
	_id: string;
	type: 'diagnostic';
	format: number;
	campaignId: string;
	module: string;
	diagnostic: ExportFile['diagnostics'][number];
}
export interface ActionDoc {
	_id: string;
	type: 'action';
	format: number;
	campaignId: string;
	action: ExportFile['actions'][number];
}
export type SyncDoc = CampaignDoc | DiagnosticDoc | ActionDoc;

/** The document id of an object of the exchange format. */
export function syncDocId(type: SyncDocType, id: string): string {
	return `${type}:${id}`;
}

/** The type and object id of a document id, or null when it is not one of ours. */
export function parseSyncDocId(docId: string): { type: SyncDocType; id: string } | null {
	const m = /^(campaign|diagnostic|action):([A-Za-z0-9_-]{1,100})$/.exec(docId);
	return m ? { type: m[1] as SyncDocType, id: m[2]! } : null;
}

/** What a document is, in French, for a list (« L’action « … » », « Le diagnostic Déchets »). */
export function describeDoc(
	doc: SyncDoc,
	modules: readonly { id: string; shortTitle: string }[]
): string {
	const quote = (s: string) => `«\u202f${s.slice(0, 80)}\u202f»`;
	if (doc.type === 'action') return `L’action ${quote(doc.action.title)}`;
	if (doc.type === 'campaign')
		return `La démarche ${quote(`${doc.campaign.authority} — ${doc.campaign.label}`)}`;
	const module = modules.find((m) => m.id === doc.module);
	return `Le diagnostic ${quote(module?.shortTitle ?? doc.module)}`;
}

/** The documents of a campaign's export (its campaign, diagnostics and actions). */
export function toSyncDocs(file: ExportFile): SyncDoc[] {
	return [
		...file.campaigns.map((campaign): CampaignDoc => ({
			_id: syncDocId('campaign', campaign.id),
			type: 'campaign',
			format: FORMAT_VERSION,
			campaign
		})),
		...file.diagnostics.map((diagnostic): DiagnosticDoc => ({
			_id: syncDocId('diagnostic', diagnostic.id),
			type: 'diagnostic',
			format: FORMAT_VERSION,
			campaignId: diagnostic.campaignId,
			module: diagnostic.module,
			diagnostic
		})),
		...file.actions.map((action): ActionDoc => ({
			_id: syncDocId('action', action.id),
			type: 'action',
			format: FORMAT_VERSION,
			campaignId: action.campaignId,
			action
		}))
	];
}

/** A document that could not be read, with the reason in French. */
export interface SetAsideDoc {
	/** The document's id as the server gave it (cut to 120 characters), or « (sans identifiant) ». */
	docId: string;
	reason: string;
}

/** The exchange format lists at most this many questionnaire versions. */
const MAX_QUESTIONNAIRES = 100;

const INNER: Record<SyncDocType, 'campaign' | 'diagnostic' | 'action'> = {
	campaign: 'campaign',
	diagnostic: 'diagnostic',
	action: 'action'
};

function isRecord(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Why a raw document is not one we can read, or null when its outer shape is right. */
export function docProblem(raw: unknown): string | null {
	if (!isRecord(raw)) return 'ce n’est pas un document Leviers.';
	const parsed = typeof raw._id === 'string' ? parseSyncDocId(raw._id) : null;
	if (!parsed) return 'son identifiant n’est pas celui d’un document Leviers.';
	if (raw.type !== parsed.type) return 'son type ne correspond pas à son identifiant.';
	if (typeof raw.format !== 'number' || !Number.isInteger(raw.format) || raw.format < 1)
		return 'sa version de format est illisible.';
	if (raw.format > FORMAT_VERSION)
		return 'il a été écrit par une version plus récente de Leviers (mettez l’application à jour).';
	const inner = raw[INNER[parsed.type]];
	if (!isRecord(inner) || inner.id !== parsed.id)
		return 'son contenu ne correspond pas à son identifiant.';
	if (parsed.type !== 'campaign') {
		if (inner.campaignId !== raw.campaignId)
			return 'la démarche indiquée ne correspond pas à son contenu.';
	}
	if (parsed.type === 'diagnostic' && inner.module !== raw.module)
		return 'le service indiqué ne correspond pas à son contenu.';
	// Compared before the file reader sees it (leaves.ts): a bad history must stop here.
	if (parsed.type !== 'campaign' && !isLineage(inner.lineage))
		return 'son historique est illisible.';
	let size: number;
	try {
		size = JSON.stringify(raw).length;
	} catch {
		return 'il est illisible.';
	}
	if (size > MAX_SYNC_DOC_CHARS) return 'il est trop volumineux.';
	return null;
}

/** The text of an exchange file holding the documents that can be read, and those set aside. */
export function docsToExportText(
	raws: readonly unknown[],
	meta: { now: number; device: string; app: { name: string; version: string } }
): { text: string; setAside: SetAsideDoc[]; read: number } {
	const campaigns: unknown[] = [];
	const diagnostics: unknown[] = [];
	const actions: unknown[] = [];
	const setAside: SetAsideDoc[] = [];
	const questionnaires = new Map<string, { module: unknown; version: unknown }>();
	for (const raw of raws) {
		if (isRecord(raw) && typeof raw._id === 'string' && raw._id.startsWith('_design/')) continue;
		const problem = docProblem(raw);
		if (problem) {
			const id = isRecord(raw) && typeof raw._id === 'string' ? raw._id : '';
			setAside.push({ docId: id ? id.slice(0, 120) : '(sans identifiant)', reason: problem });
			continue;
		}
		const doc = raw as unknown as SyncDoc;
		const docId = doc._id.slice(0, 120);
		if (doc.type === 'campaign') {
			// A file's campaigns are checked all together: one bad campaign would refuse them all.
			const r = v.safeParse(ExportedCampaignSchema, doc.campaign);
			if (r.success) campaigns.push(doc.campaign);
			else setAside.push({ docId, reason: `démarche illisible (${describeIssue(r.issues[0])}).` });
		} else if (doc.type === 'action') actions.push(doc.action);
		else {
			const d = doc.diagnostic as { module?: unknown; questionnaireVersion?: unknown };
			const key = `${String(d.module)}@${String(d.questionnaireVersion)}`;
			const fits =
				typeof d.module === 'string' &&
				/^[a-z0-9-]{1,40}$/.test(d.module) &&
				Number.isInteger(d.questionnaireVersion) &&
				(d.questionnaireVersion as number) >= 0 &&
				(d.questionnaireVersion as number) <= 1e6;
			if (!fits) {
				setAside.push({
					docId,
					reason: 'son service ou sa version de questionnaire est illisible.'
				});
				continue;
			}
			if (!questionnaires.has(key) && questionnaires.size >= MAX_QUESTIONNAIRES) {
				setAside.push({ docId, reason: 'trop de versions de questionnaires différentes.' });
				continue;
			}
			diagnostics.push(doc.diagnostic);
			questionnaires.set(key, { module: d.module, version: d.questionnaireVersion });
		}
	}
	const file = {
		format: FORMAT_NAME,
		version: FORMAT_VERSION,
		app: meta.app,
		exportedAt: new Date(meta.now).toISOString(),
		device: meta.device,
		scope: 'campaign',
		questionnaires: [...questionnaires.values()],
		campaigns,
		diagnostics,
		actions
	};
	return {
		text: JSON.stringify(file),
		setAside,
		read: campaigns.length + diagnostics.length + actions.length
	};
}
