/**
 * The documents of a region's hub database (many authorities' campaigns mixed, issue 15) read
 * into what the scoring engine takes: per campaign, the campaign and the diagnostic that counts
 * for each module. Nothing from a server is trusted: each campaign's documents are rebuilt into
 * the text of an exchange file and go through the file reader, the migration of older
 * questionnaire versions and the import's checks, as a file would.
 */
import type { Answer, Campaign, DiagnosticWithAnswers } from '../answers';
import type { Questionnaire } from '../content/questionnaire-index';
import { planImport } from '../exchange/plan';
import type { DiagnosticSnapshot } from '../exchange/format';
import { readExportText } from '../exchange/read';
import type { DiagnosticMigration } from '../migration/migrate';
import { campaignFigures, type CampaignFigures } from '../scoring/figures';
import { aggregateCampaigns, type RegionSummary } from '../scoring/region';
import { selectDiagnostics } from '../scoring/selection';
import { docsToExportText } from './documents';

/** One campaign of the hub, ready for scoreCampaign. */
export interface HubCampaign {
	campaign: Campaign;
	/** The diagnostic that counts for each module, in MODULE_IDS order. */
	diagnostics: DiagnosticWithAnswers[];
}

/** What the hub's documents hold. */
export interface HubReading {
	campaigns: HubCampaign[];
	/** Documents given (design documents left out). */
	documents: number;
	/** Documents that could not be read, or whose campaign could not be. */
	setAside: number;
	/** Diagnostics read but not counted: another of the same service counts instead. */
	superseded: number;
}

/** How the hub is read. */
export interface HubOptions {
	questionnaire: Questionnaire;
	/** Carries older questionnaire versions to the current one (the app: migrateToCurrent). */
	migrate?: DiagnosticMigration;
	/** Epoch ms of the reading: the date of the rebuilt file. */
	now: number;
}

const APP = { name: 'Leviers', version: 'réseau' };

function isRecord(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The campaign a raw document says it belongs to ('' when it says nothing readable). */
function campaignKey(raw: unknown): string {
	if (!isRecord(raw)) return '';
	if (raw.type === 'campaign') {
		const inner = raw.campaign;
		return isRecord(inner) && typeof inner.id === 'string' ? inner.id : '';
	}
	return typeof raw.campaignId === 'string' ? raw.campaignId : '';
}

const isDesign = (raw: unknown) =>
	isRecord(raw) && typeof raw._id === 'string' && raw._id.startsWith('_design/');

/** A diagnostic as stored and exchanged, as the engine takes it (notes without a value left out). */
export function withAnswers({ answers, ...d }: DiagnosticSnapshot): DiagnosticWithAnswers {
	const byQuestion: Record<string, Answer> = {};
	for (const a of answers) if (a.value !== null) byQuestion[a.questionId] = a as Answer;
	return { ...d, answers: byQuestion };
}

/** Reads the documents of one campaign; null when its campaign document is missing or unread. */
function readCampaign(
	raws: readonly unknown[],
	options: HubOptions
): { campaign: HubCampaign | null; setAside: number; superseded: number } {
	const rebuilt = docsToExportText(raws, { now: options.now, device: 'reseau', app: APP });
	const read = readExportText(rebuilt.text);
	if (!read.ok) return { campaign: null, setAside: raws.length, superseded: 0 };
	const { file } = read;
	const plan = planImport(
		file,
		{ device: null, campaigns: [], diagnostics: new Map() },
		{
			modules: options.questionnaire.modules,
			fileName: 'réseau',
			now: options.now,
			version: read.version,
			rejected: read.rejected,
			rejectedActions: read.rejectedActions,
			migrate: options.migrate,
			newId: () => 'reseau'
		}
	);
	const planned = plan.campaigns[0];
	// Diagnostics that did not reach the plan (duplicate, damaged history, unknown service…).
	const unread =
		rebuilt.setAside.length +
		read.rejected.length +
		read.rejectedActions.length +
		(file.diagnostics.length - plan.diagnostics.length);
	if (!planned || file.campaigns.length !== 1)
		return {
			campaign: null,
			setAside: unread + file.campaigns.length + plan.diagnostics.length,
			superseded: 0
		};
	const campaign = planned.incoming;
	const selection = selectDiagnostics(
		campaign,
		plan.diagnostics.map((d) => withAnswers(d.incoming)),
		options.questionnaire
	);
	return {
		campaign: { campaign, diagnostics: selection.counted },
		setAside: unread + selection.ignored.length,
		superseded: selection.superseded.length
	};
}

/** Reads a hub's raw documents, campaign by campaign. */
export function readHub(raws: readonly unknown[], options: HubOptions): HubReading {
	const groups = new Map<string, unknown[]>();
	let documents = 0;
	for (const raw of raws) {
		if (isDesign(raw)) continue;
		documents++;
		const key = campaignKey(raw);
		const group = groups.get(key);
		if (group) group.push(raw);
		else groups.set(key, [raw]);
	}
	const campaigns: HubCampaign[] = [];
	let setAside = 0;
	let superseded = 0;
	for (const [key, group] of groups) {
		if (key === '') {
			setAside += group.length;
			continue;
		}
		const r = readCampaign(group, options);
		if (r.campaign) campaigns.push(r.campaign);
		setAside += r.setAside;
		superseded += r.superseded;
	}
	return { campaigns, documents, setAside, superseded };
}

/**
 * The figures of every campaign of the hub (what the summary and the positions read, equal to
 * scoreCampaign's) and their summary, each campaign counting the same.
 */
export function scoreHub(
	campaigns: readonly HubCampaign[],
	questionnaire: Questionnaire
): { scores: CampaignFigures[]; summary: RegionSummary } {
	const scores = campaigns.map((c) => campaignFigures(c.campaign, c.diagnostics, questionnaire));
	return { scores, summary: aggregateCampaigns(scores) };
}
