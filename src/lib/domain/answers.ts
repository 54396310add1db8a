/**
 * Answers and diagnostics as the domain sees them: plain data, independent of storage.
 */
import type { ModuleId } from './content/questionnaire';

/** A level of the answer scale (0 Rien … 4 Exemplaire). */
export type Level = 0 | 1 | 2 | 3 | 4;

/** An answer to a scale question: a level, "Non concerné" (na) or "Je ne sais pas" (nsp). */
export type ScaleValue = Level | 'na' | 'nsp';

/** The values of the scale, in display order. */
export const SCALE_VALUES: readonly ScaleValue[] = [0, 1, 2, 3, 4, 'na', 'nsp'];

/** Where a service stands on a legal obligation, « Non concerné » and « Je ne sais pas » apart. */
export type Compliance = 'conforme' | 'en-cours' | 'non-conforme';

/** An answer to an obligation question. */
export type ObligationValue = Compliance | 'na' | 'nsp';

/** The values of an obligation question, in display order. */
export const OBLIGATION_VALUES: readonly ObligationValue[] = [
	'conforme',
	'en-cours',
	'non-conforme',
	'na',
	'nsp'
];

/**
 * Partners a service can name in a cooperation answer beyond the seven modules (issue 13): member
 * communes, green spaces, buildings, employment and inclusion, and « Autre (préciser) ». They show
 * in the cooperation network and matrix but never count in the transversality, which only uses
 * links between modules of the campaign.
 */
export const EXTERNAL_PARTNER_IDS = [
	'communes-membres',
	'espaces-verts',
	'patrimoine',
	'emploi-insertion',
	'autre'
] as const;

/** A partner that is not one of the seven modules. */
export type ExternalPartnerId = (typeof EXTERNAL_PARTNER_IDS)[number];

/** Whatever a cooperation answer can name: a module of the campaign or an external partner. */
export type PartnerId = ModuleId | ExternalPartnerId;

/** The longest « Autre (préciser) » text of a cooperation answer. */
export const MAX_OTHER_PARTNER = 120;

/** Whether a partner id is one of the external partners rather than a module. */
export function isExternalPartner(id: unknown): id is ExternalPartnerId {
	return EXTERNAL_PARTNER_IDS.includes(id as ExternalPartnerId);
}

/**
 * An answer to one question. For a scale question `value` is a ScaleValue; for an obligation an
 * ObligationValue (a level given before the question became an obligation is read by
 * `complianceOf`, scoring/obligations.ts); for a cooperation question it is the list of the other
 * modules, then the external partners, the service works with (empty: none).
 */
export interface Answer {
	questionId: string;
	value: ScaleValue | ObligationValue | PartnerId[];
	note?: string;
	/**
	 * The partner typed for « Autre (préciser) » of a cooperation answer; stored only while
	 * 'autre' is ticked (unticking it clears the text, see `otherPartnerOf`).
	 */
	otherPartner?: string;
	/** Epoch milliseconds of the last change. */
	changedAt: number;
}

/**
 * An answer as a device stores and exchanges it: one per question touched, `value` null while
 * only a note is written. The domain's `Answer` is one with a value.
 */
export interface AnswerRecord extends Omit<Answer, 'value'> {
	value: Answer['value'] | null;
}

/** Draft until the respondent marks it complete. */
export type DiagnosticStatus = 'draft' | 'complete';

/** Where a diagnostic comes from: filled on this device, or imported from a file. */
export type Origin =
	{ kind: 'local' } | { kind: 'file'; fileName: string; importedAt: number; device?: string };

/**
 * A step of a diagnostic's history across devices: `device` made the changes up to `revision`.
 * Exchanged files carry the list so an import can tell newer, older and diverged copies apart
 * (docs/format.md, "Conflicts").
 */
export interface Checkpoint {
	device: string;
	revision: number;
}

/**
 * An answer given against an older version of a questionnaire that has no place in the current
 * one (its question retired, or merged with others into one question): kept, listed on the
 * filling page and in exchange files, never scored (questionnaires/migrations/README.md).
 */
export interface RetiredAnswer {
	/** The question's id in the version it was answered against. */
	questionId: string;
	/** The question's text in that version (questionnaires/migrations/v<n>-questions.json). */
	text: string;
	/** The value as it was given; null when only a note was written. */
	value: Answer['value'] | null;
	note?: string;
	/** Epoch milliseconds of its last change. */
	changedAt: number;
	/** The questionnaire version it was answered against. */
	fromVersion: number;
	/** Why it has no place now and where the subject is asked (French, for the respondent). */
	reason?: string;
}

/** One service's answers for one campaign. */
export interface Diagnostic {
	id: string;
	campaignId: string;
	moduleId: ModuleId;
	questionnaireVersion: number;
	status: DiagnosticStatus;
	/** Grows by one with every change, so an import can tell newer from older. */
	revision: number;
	respondent?: { name?: string; role?: string };
	createdAt: number;
	updatedAt: number;
	origin: Origin;
	/** Its history on other devices, from the files it came through; absent if never imported. */
	lineage?: Checkpoint[];
	/** Answers of an older questionnaire version with no place in this one; absent when none. */
	retired?: RetiredAnswer[];
}

/** A diagnostic with its answers keyed by question id: the input of the scoring engine. */
export interface DiagnosticWithAnswers extends Diagnostic {
	answers: Record<string, Answer>;
}

/** A campaign (démarche) of one authority. */
export interface Campaign {
	id: string;
	/** Name of the authority, e.g. "Communauté de communes exemple". */
	authority: string;
	/** e.g. "Diagnostic 2026". */
	label: string;
	/** The modules expected to answer. */
	modules: ModuleId[];
	createdAt: number;
	updatedAt: number;
}

/**
 * A cooperation answer with one partner ticked or unticked: the modules in `order` (but `self`,
 * the service answering), then the external partners in EXTERNAL_PARTNER_IDS order. Unticking
 * the last partner leaves no answer (null), as on screen; ticking one replaces « Aucun service ».
 */
export function withPartner(
	value: Answer['value'] | null,
	partner: PartnerId,
	ticked: boolean,
	order: readonly ModuleId[],
	self?: ModuleId
): PartnerId[] | null {
	const before: readonly PartnerId[] = Array.isArray(value) ? value : [];
	const next = [...order, ...EXTERNAL_PARTNER_IDS].filter(
		(id) => id !== self && (id === partner ? ticked : before.includes(id))
	);
	return next.length > 0 ? next : null;
}

/**
 * The « Autre (préciser) » text of a cooperation answer, trimmed, when 'autre' is ticked and a
 * text was typed; else undefined (a text left without 'autre', by a hand-made file, is ignored).
 */
export function otherPartnerOf(
	answer: Pick<Answer, 'otherPartner'> & { value: Answer['value'] | null }
): string | undefined {
	if (!Array.isArray(answer.value) || !answer.value.includes('autre')) return undefined;
	return answer.otherPartner?.trim() || undefined;
}

/**
 * Whether a diagnostic was never written to: a draft at revision 0 with no answer. Older versions
 * of the app made one as soon as a filling page was opened (or merely hovered); it never counts
 * and is not exported.
 */
export function isEmptyDraft(d: Pick<Diagnostic, 'status' | 'revision'>, answers: number): boolean {
	return d.status === 'draft' && d.revision === 0 && answers === 0;
}
