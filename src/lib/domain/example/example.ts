/**
 * The example campaign, "Communauté de communes exemple": seven plausible diagnostics generated
 * from whatever questionnaire is passed in (a seeded generator and a profile per service), so it
 * works with the shipped content, with test fixtures and in benchmarks.
 */
import type {
	Answer,
	Campaign,
	DiagnosticWithAnswers,
	Level,
	ObligationValue,
	ScaleValue
} from '../answers';
import { EXAMPLE_PROFILES, UNKNOWN_NOTES, type ServiceProfile } from './example-data';
import { MODULE_IDS, moduleQuestions, type Module, type ModuleId } from '../content/questionnaire';
import { pick, seededRandom, type Random } from './random';

/** Options of the example; the defaults make it fully deterministic. */
export interface ExampleOptions {
	/** Id generator; the app passes crypto.randomUUID. Default: "exemple-<seed>-<n>". */
	newId?: () => string;
	/** "Now" in epoch milliseconds; dates are set in the weeks before it. */
	now?: number;
	/**
	 * Without a seed: the canonical example. With one: a variant (profiles shifted, links added
	 * or dropped), e.g. to build a region of many authorities.
	 */
	seed?: number;
	authority?: string;
	label?: string;
}

/** The example: plain data, ready to store or to score. */
export interface ExampleCampaign {
	campaign: Campaign;
	diagnostics: DiagnosticWithAnswers[];
}

const DAY = 86_400_000;
const DEFAULT_NOW = Date.UTC(2026, 2, 16, 9);

function drawLevel(random: Random, mean: number): Level {
	const x = Math.round(mean + 1.6 * (random() + random() - 1));
	return Math.min(4, Math.max(0, x)) as Level;
}

function vary(profile: ServiceProfile, id: ModuleId, random: Random): ServiceProfile {
	const partners = MODULE_IDS.filter(
		(m) => m !== id && (profile.partners.includes(m) ? random() > 0.25 : random() < 0.08)
	);
	const mean = Math.min(3.6, Math.max(0.4, profile.mean + 1.5 * (random() - 0.5)));
	return { ...profile, mean, partners };
}

function noteFor(random: Random, profile: ServiceProfile, value: ScaleValue): string {
	if (value === 'nsp') return pick(random, UNKNOWN_NOTES);
	if (value === 'na') return pick(random, profile.notes.na);
	return pick(
		random,
		value <= 1 ? profile.notes.low : value === 2 ? profile.notes.mid : profile.notes.high
	);
}

function obligationNote(
	random: Random,
	profile: ServiceProfile,
	value: ObligationValue
): string | undefined {
	if (value === 'nsp') return pick(random, UNKNOWN_NOTES);
	if (value === 'non-conforme') return pick(random, profile.notes.low);
	if (value === 'en-cours') return pick(random, profile.notes.mid);
	return undefined;
}

function buildDiagnostic(
	module: Module,
	profile: ServiceProfile,
	random: Random,
	base: { id: string; campaignId: string; createdAt: number; modules: readonly ModuleId[] }
): DiagnosticWithAnswers {
	const questions = moduleQuestions(module);
	const scale = questions.filter((q) => q.type === 'scale');
	const values = scale.map((): ScaleValue => {
		const r = random();
		if (r < profile.notConcerned) return 'na';
		if (r < profile.notConcerned + profile.unknown) return 'nsp';
		return drawLevel(random, profile.mean);
	});
	for (
		let guard = 0;
		values.filter((v) => v === 'nsp').length < Math.min(profile.minUnknown, values.length) &&
		guard < 100;
		guard++
	) {
		const i = Math.floor(random() * values.length);
		if (values[i] !== 'na') values[i] = 'nsp';
	}
	// A draft stops before its last three scale questions.
	const unanswered = new Set(profile.status === 'draft' ? scale.slice(-3).map((q) => q.id) : []);
	const partners = profile.partners.filter((m) => m !== module.id && base.modules.includes(m));
	const cooperation = questions.filter((q) => q.type === 'cooperation');
	const answers: Record<string, Answer> = {};
	let t = base.createdAt + 3_600_000;
	// About one note in five answers: the gap to the next note is 3 to 7 answers.
	let nextNote = Math.floor(random() * 5);
	scale.forEach((q, i) => {
		if (unanswered.has(q.id)) return;
		const value = values[i]!;
		t += Math.floor(random() * 120_000) + 30_000;
		const noted = i === nextNote;
		if (noted) nextNote += 3 + Math.floor(random() * 5);
		const note = noted ? noteFor(random, profile, value) : undefined;
		answers[q.id] = { questionId: q.id, value, changedAt: t, ...(note ? { note } : {}) };
	});
	questions
		.filter((q) => q.type === 'obligation')
		.forEach((q, k) => {
			const value = profile.compliance[k % profile.compliance.length]!;
			t += Math.floor(random() * 120_000) + 30_000;
			const note = obligationNote(random, profile, value);
			answers[q.id] = { questionId: q.id, value, changedAt: t, ...(note ? { note } : {}) };
		});
	// Partners are spread over the cooperation questions: modules first, then the external ones.
	cooperation.forEach((q, j) => {
		t += 60_000;
		const mine = (_: unknown, k: number) => k % cooperation.length === j;
		const external = profile.external.filter(mine);
		const value = [...partners.filter(mine), ...external];
		const other = external.includes('autre') ? profile.otherPartner : undefined;
		answers[q.id] = {
			questionId: q.id,
			value,
			changedAt: t,
			...(other ? { otherPartner: other } : {})
		};
	});
	return {
		id: base.id,
		campaignId: base.campaignId,
		moduleId: module.id,
		questionnaireVersion: module.version,
		status: profile.status,
		revision: Object.keys(answers).length + (profile.status === 'complete' ? 1 : 0),
		respondent: { ...profile.respondent },
		createdAt: base.createdAt,
		updatedAt: t,
		origin: { kind: 'local' },
		answers
	};
}

/**
 * Builds the example campaign for the given modules (one diagnostic each, in MODULE_IDS order):
 * déchets and cantines mature, marchés and économie average, eau weak and in draft, urbanisme
 * with several "Je ne sais pas"; déchets ⇄ cantines reciprocated, économie → urbanisme one-sided.
 */
export function buildExampleCampaign(
	modules: readonly Module[],
	options: ExampleOptions = {}
): ExampleCampaign {
	const seed = options.seed;
	let n = 0;
	const newId = options.newId ?? (() => `exemple-${seed ?? 0}-${String(++n).padStart(2, '0')}`);
	const now = options.now ?? DEFAULT_NOW;
	const random = seededRandom(seed ?? 2026);
	const present = MODULE_IDS.filter((id) => modules.some((m) => m.id === id));
	const campaign: Campaign = {
		id: newId(),
		authority: options.authority ?? 'Communauté de communes exemple',
		label: options.label ?? 'Diagnostic 2026',
		modules: present,
		createdAt: now - 30 * DAY,
		updatedAt: now - 2 * DAY
	};
	const diagnostics = present.map((id, i) => {
		const module = modules.find((m) => m.id === id)!;
		const profile =
			seed === undefined ? EXAMPLE_PROFILES[id] : vary(EXAMPLE_PROFILES[id], id, random);
		const base = {
			id: newId(),
			campaignId: campaign.id,
			createdAt: now - (25 - 2 * i) * DAY,
			modules: present
		};
		return buildDiagnostic(module, profile, random, base);
	});
	return { campaign, diagnostics };
}
