/**
 * The lever tags of a module's scale questions as flat arrays, built once per module index and
 * read by every diagnostic of that module: scoring a region reads them thousands of times, and
 * walking the question objects and their tag lists each time cost more than the arithmetic.
 */
import type { DiagnosticWithAnswers, ScaleValue } from '../answers';
import type { ModuleIndex } from '../content/questionnaire-index';
import { LEVER_IDS, type LeverId, type ScaleQuestion } from '../content/questionnaire';

/** The scale questions of a module in display order, with their tags flattened. */
export interface ScalePlan {
	questions: ScaleQuestion[];
	/** Tags of question i: from tagStart[i] to tagStart[i + 1] (excluded), in the question's order. */
	tagStart: Int32Array;
	/** Position of the tag's lever in LEVER_IDS. */
	tagLever: Int32Array;
	tagWeight: Float64Array;
}

const EMPTY_PLAN: ScalePlan = {
	questions: [],
	tagStart: new Int32Array(1),
	tagLever: new Int32Array(0),
	tagWeight: new Float64Array(0)
};

const LEVER_RANK = new Map<LeverId, number>(LEVER_IDS.map((l, i) => [l, i]));

function buildPlan(index: ModuleIndex): ScalePlan {
	const questions = [...index.scale.values()].map((q) => q.question);
	const tags = questions.flatMap((q) => q.levers);
	const tagStart = new Int32Array(questions.length + 1);
	questions.forEach((q, i) => (tagStart[i + 1] = tagStart[i]! + q.levers.length));
	const rank = (lever: LeverId) => {
		const r = LEVER_RANK.get(lever);
		if (r === undefined) throw new TypeError(`levier inconnu\u202f: ${lever}`);
		return r;
	};
	return {
		questions,
		tagStart,
		tagLever: Int32Array.from(tags, (t) => rank(t.lever)),
		tagWeight: Float64Array.from(tags, (t) => t.weight)
	};
}

/** Whether a value is a valid answer to a scale question. */
export function isScaleValue(value: unknown): value is ScaleValue {
	return (
		value === 'na' ||
		value === 'nsp' ||
		(Number.isInteger(value) && 0 <= (value as number) && (value as number) <= 4)
	);
}

/**
 * A record with every lever as a key, in LEVER_IDS order, to copy and fill: filling a copy only
 * overwrites keys, where adding nine keys one by one to an empty object went through slow
 * property additions on every diagnostic.
 */
export function leverRecord<T>(): Record<LeverId, T> {
	return { ...LEVER_TEMPLATE } as Record<LeverId, T>;
}

const LEVER_TEMPLATE = Object.fromEntries(LEVER_IDS.map((l) => [l, null]));

const plans = new WeakMap<ModuleIndex, ScalePlan>();

/** The plan of a module index (memoised on the index, itself memoised on the questionnaire). */
export function scalePlan(index: ModuleIndex | undefined): ScalePlan {
	if (!index) return EMPTY_PLAN;
	let plan = plans.get(index);
	if (!plan) plans.set(index, (plan = buildPlan(index)));
	return plan;
}

/**
 * Per-lever running sums of one diagnostic, one slot per lever in LEVER_IDS order. A single set
 * is reused from call to call (scoring is synchronous and never re-entrant); `reset` clears it.
 */
export class LeverSums {
	readonly questions = new Float64Array(LEVER_IDS.length);
	readonly answered = new Float64Array(LEVER_IDS.length);
	readonly unknown = new Float64Array(LEVER_IDS.length);
	readonly notConcerned = new Float64Array(LEVER_IDS.length);
	readonly answeredWeight = new Float64Array(LEVER_IDS.length);
	readonly unknownWeight = new Float64Array(LEVER_IDS.length);
	/** Σ weight × level / 4, Σ weight at 3–4, at 2–4, of the applicable and of the shown (≥ 2). */
	readonly level = new Float64Array(LEVER_IDS.length);
	readonly done = new Float64Array(LEVER_IDS.length);
	readonly engaged = new Float64Array(LEVER_IDS.length);
	readonly applicable = new Float64Array(LEVER_IDS.length);
	readonly shown = new Float64Array(LEVER_IDS.length);

	/** Scale answers on the levels, « Je ne sais pas », « Non concerné », none. */
	levels = 0;
	unknownAnswers = 0;
	notConcernedAnswers = 0;
	unanswered = 0;
	/** Σ level / 4 over the answers on the levels, and the answers at Engagé or above. */
	levelSum = 0;
	engagedQuestions = 0;

	/**
	 * Sets every sum back to 0 and adds the scale answers of a diagnostic, in question then tag
	 * order (the order of the floating-point sums); `invalid` hears of each answer left out.
	 */
	add(d: DiagnosticWithAnswers, plan: ScalePlan, invalid?: (questionId: string) => void): void {
		this.reset();
		const { questions, tagStart, tagLever, tagWeight } = plan;
		for (let q = 0; q < questions.length; q++) {
			const id = questions[q]!.id;
			const answer = d.answers?.[id];
			const value = isScaleValue(answer?.value) ? answer.value : undefined;
			if (answer !== undefined && value === undefined) invalid?.(id);
			if (value === undefined) this.unanswered++;
			else if (value === 'na') this.notConcernedAnswers++;
			else if (value === 'nsp') this.unknownAnswers++;
			else this.levels++;
			const level = typeof value === 'number' ? value : -1;
			if (level >= 0) this.levelSum += level / 4;
			if (level >= 2) this.engagedQuestions++;
			for (let t = tagStart[q]!; t < tagStart[q + 1]!; t++) {
				const l = tagLever[t]!;
				const weight = tagWeight[t]!;
				this.questions[l]!++;
				if (value === 'na') {
					this.notConcerned[l]!++;
					continue;
				}
				this.applicable[l]! += weight;
				if (level >= 2) this.shown[l]! += weight;
				if (value === 'nsp') {
					this.unknown[l]!++;
					this.unknownWeight[l]! += weight;
				}
				if (level < 0) continue;
				this.answered[l]!++;
				this.answeredWeight[l]! += weight;
				this.level[l]! += (weight * level) / 4;
				this.done[l]! += level >= 3 ? weight : 0;
				this.engaged[l]! += level >= 2 ? weight : 0;
			}
		}
	}

	/** Sets every sum back to 0. */
	reset(): this {
		this.levels = this.unknownAnswers = this.notConcernedAnswers = this.unanswered = 0;
		this.levelSum = this.engagedQuestions = 0;
		for (const a of [
			this.questions,
			this.answered,
			this.unknown,
			this.notConcerned,
			this.answeredWeight,
			this.unknownWeight,
			this.level,
			this.done,
			this.engaged,
			this.applicable,
			this.shown
		])
			a.fill(0);
		return this;
	}
}
