/**
 * The messages between the import page and its preview worker. A plan is sent in parts of
 * bounded size: the page decodes each message on its main thread, and one message holding the
 * plan of a 50 Mo file would freeze it as long as decoding all of it.
 */
import type { PreviewResult } from '$lib/db/preview';
import type { ImportPlan } from '$lib/domain/exchange/plan';
import type { ImportProblem } from '$lib/domain/exchange/problems';
import type { PreviewProgress } from './preview-file';

/** What the page asks the worker. */
export interface PreviewRequest {
	file: Blob;
	fileName: string;
	now: number;
	/** A Web Lock the worker holds while it lives: the page learns so when it dies silently. */
	lock?: string;
}

/** The lists of a plan, sent item by item. */
const LISTS = [
	'campaigns',
	'diagnostics',
	'setAside',
	'migrated',
	'actions',
	'actionsSetAside'
] as const;
type ListName = (typeof LISTS)[number];

/**
 * What the worker tells the page, in order: that it started, progress, then a refusal or the
 * plan in parts.
 */
export type PreviewMessage =
	/** First: `watched` when the worker holds the request's lock (the page may watch it). */
	| { kind: 'started'; watched: boolean }
	| { kind: 'progress'; progress: PreviewProgress }
	| { kind: 'refused'; problem: ImportProblem }
	/** The plan with its lists empty, and how many items they hold. */
	| { kind: 'head'; plan: ImportPlan; items: number }
	| { kind: 'part'; list: ListName; items: unknown[] }
	| { kind: 'end' };

/** What the page shows when the worker fails after it started (its plan is then unusable). */
export const WORKER_FAILED: ImportProblem = {
	message: 'Le fichier n’a pas pu être lu.',
	action: 'Rechargez la page et réessayez.',
	details: []
};

/** About how many characters of JSON one part holds (a few milliseconds to decode). */
export const PART_CHARS = 256 * 1024;

/** The messages that carry the outcome of a preview, the plan cut in parts of ~`partChars`. */
export function* previewMessages(
	result: PreviewResult,
	partChars = PART_CHARS
): Generator<PreviewMessage> {
	if (!result.ok) {
		yield { kind: 'refused', problem: result.problem };
		return;
	}
	const { plan } = result;
	const head = { ...plan };
	for (const list of LISTS) head[list] = [];
	yield { kind: 'head', plan: head, items: LISTS.reduce((n, l) => n + plan[l].length, 0) };
	for (const name of LISTS) {
		let items: unknown[] = [];
		let chars = 0;
		for (const item of plan[name]) {
			items.push(item);
			chars += JSON.stringify(item).length;
			if (chars >= partChars) {
				yield { kind: 'part', list: name, items };
				items = [];
				chars = 0;
			}
		}
		if (items.length > 0) yield { kind: 'part', list: name, items };
	}
	yield { kind: 'end' };
}

/** Puts a plan back together from the worker's messages, in the order they were sent. */
export class PlanAssembler {
	#plan: ImportPlan | null = null;
	#items = 0;
	#received = 0;

	/** The share of the plan's items received so far, from 0 to 1. */
	get share(): number {
		return this.#items === 0 ? 1 : this.#received / this.#items;
	}

	/**
	 * Takes a head or a part; the whole plan once `end` comes, else null. Throws on a message out
	 * of order or of a kind it does not know: the plan would be incomplete.
	 */
	receive(message: PreviewMessage): ImportPlan | null {
		if (message.kind === 'head' && !this.#plan) {
			this.#plan = message.plan;
			this.#items = message.items;
			return null;
		}
		if (message.kind === 'part' && this.#plan && LISTS.includes(message.list)) {
			const list = this.#plan[message.list] as unknown[];
			for (const item of message.items) list.push(item);
			this.#received += message.items.length;
			return null;
		}
		if (message.kind === 'end' && this.#plan && this.#received === this.#items) return this.#plan;
		throw new Error(`Message inattendu du worker d’aperçu\u202f: ${String(message.kind)}`);
	}
}
