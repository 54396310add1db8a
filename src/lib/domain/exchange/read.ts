/**
 * Reads an untrusted file into the current format: size, JSON, envelope, version, schema, then
 * the migration chain (like excalidraw's restore). Never throws: a file is either read or
 * refused with a French problem.
 */
import * as v from 'valibot';
import {
	ExportEnvelopeSchema,
	ExportedActionSchema,
	ExportedDiagnosticSchema,
	FORMAT_NAME,
	FORMAT_VERSION,
	MAX_FILE_BYTES,
	type ExportFile
} from './format';
import { migrateV1, V1FileSchema } from './format-v1';
import { migrateV2, V2DiagnosticSchema, V2EnvelopeSchema } from './format-v2';
import { migrateV3, V3DiagnosticSchema, V3EnvelopeSchema } from './format-v3';
import { migrateV4, V4EnvelopeSchema } from './format-v4';
import { describeIssue, PROBLEMS, type ImportProblem } from './problems';

/** A diagnostic of a file that does not pass the schema: set aside, the rest of the file is read. */
export interface RejectedDiagnostic {
	/** Its place in the file, from 1. */
	position: number;
	/** Its id and module as the file wrote them, when they are texts. */
	id?: string;
	moduleId?: string;
	/** The first error, located inside the diagnostic, e.g. "« revision » : nombre trop grand". */
	detail: string;
	/** How many errors it has. */
	errors: number;
}

/** An action of a file that does not pass the schema: set aside, the rest of the file is read. */
export interface RejectedAction {
	/** Its place in the file's actions, from 1. */
	position: number;
	/** Its id and title as the file wrote them, when they are texts. */
	id?: string;
	title?: string;
	/** The first error, located inside the action, e.g. "« dueDate » : date attendue…". */
	detail: string;
	errors: number;
}

/** The outcome of reading a file. */
export type ReadResult =
	| {
			ok: true;
			file: ExportFile;
			/** The version the file was written in. */
			version: number;
			rejected: RejectedDiagnostic[];
			/** Version 5: the file's actions that did not pass the schema. */
			rejectedActions: RejectedAction[];
	  }
	| { ok: false; problem: ImportProblem };

/** One step of the chain: checks a file of one version and brings it to the next version. */
type Step = (data: unknown) => { ok: true; data: unknown } | { ok: false; issues: Issues };
type Issues = [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]];

/** A step whose migration takes exactly what its schema gives. */
function migration<S extends v.GenericSchema>(
	schema: S,
	up: (data: v.InferOutput<S>) => unknown
): Step {
	return (data) => {
		const r = v.safeParse(schema, data);
		return r.success ? { ok: true, data: up(r.output) } : { ok: false, issues: r.issues };
	};
}

/**
 * A diagnostic that failed the schema of its file's version: carried unchanged through the
 * later steps (which must keep it as is), then listed as rejected. Checking it against a later,
 * looser schema instead would accept what its own version never allowed.
 */
class SetAsideDiagnostic {
	constructor(readonly rejected: RejectedDiagnostic) {}
}

/** A diagnostic as a step of the chain gives it: checked against its version, or set aside. */
type Checked<D> = D | SetAsideDiagnostic;

const textField = (raw: unknown, key: string): string | undefined => {
	if (typeof raw !== 'object' || raw === null || !Object.hasOwn(raw, key)) return undefined;
	const value = (raw as Record<string, unknown>)[key];
	return typeof value === 'string' ? value : undefined;
};

/** Checks one diagnostic of a file (at `index`) against `schema`: its output, or set aside. */
function checkDiagnostic<D extends v.GenericSchema>(
	schema: D,
	raw: unknown,
	index: number
): Checked<v.InferOutput<D>> {
	if (raw instanceof SetAsideDiagnostic) return raw;
	const r = v.safeParse(schema, raw);
	if (r.success) return r.output;
	return new SetAsideDiagnostic({
		position: index + 1,
		id: textField(raw, 'id'),
		moduleId: textField(raw, 'module'),
		detail: describeIssue(r.issues[0]),
		errors: r.issues.length
	});
}

/**
 * A step whose envelope is checked as a whole and whose diagnostics one by one, so that a
 * damaged diagnostic is set aside (with its place in the file) instead of refusing a backup.
 */
function migrationByDiagnostic<
	E extends v.GenericSchema<unknown, { diagnostics: unknown[] }>,
	D extends v.GenericSchema
>(
	envelope: E,
	diagnostic: D,
	up: (
		file: Omit<v.InferOutput<E>, 'diagnostics'> & { diagnostics: Checked<v.InferOutput<D>>[] }
	) => unknown
): Step {
	return (data) => {
		const r = v.safeParse(envelope, data);
		if (!r.success) return { ok: false, issues: r.issues };
		const diagnostics = r.output.diagnostics.map((raw, i) => checkDiagnostic(diagnostic, raw, i));
		return { ok: true, data: up({ ...r.output, diagnostics }) };
	};
}

/** Every older version ever written, with its schema and its migration to the next one. */
const MIGRATIONS: Record<number, Step> = {
	1: migration(V1FileSchema, migrateV1),
	2: migrationByDiagnostic(V2EnvelopeSchema, V2DiagnosticSchema, migrateV2),
	3: migrationByDiagnostic(V3EnvelopeSchema, V3DiagnosticSchema, migrateV3),
	4: migrationByDiagnostic(V4EnvelopeSchema, ExportedDiagnosticSchema, migrateV4)
};

const MAX_DETAILS = 5;

/** Refuses a file by its size alone, before reading it (so a 50 Mo file never freezes the tab). */
export function checkSize(bytes: number): ImportProblem | null {
	if (bytes === 0) return PROBLEMS.empty();
	if (bytes > MAX_FILE_BYTES) return PROBLEMS.tooLarge(bytes);
	return null;
}

/** Whether text that failed to parse looks cut short: an open string, object or list at the end. */
export function looksTruncated(text: string): boolean {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92)
				i++; // backslash: skip the escaped character
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) depth++;
		else if (c === 125 || c === 93) depth--;
		if (depth < 0) return false;
	}
	return inString || depth > 0;
}

function parseJson(
	text: string
): { ok: true; data: unknown } | { ok: false; problem: ImportProblem } {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') return { ok: false, problem: PROBLEMS.empty() };
	// A NUL character never appears in JSON text: this is a binary file (image, PDF, zip…).
	if (body.includes('\u0000')) return { ok: false, problem: PROBLEMS.notText() };
	try {
		return { ok: true, data: JSON.parse(body) };
	} catch {
		const t = body.trimStart();
		const truncated = (t.startsWith('{') || t.startsWith('[')) && looksTruncated(t);
		return { ok: false, problem: truncated ? PROBLEMS.truncated() : PROBLEMS.notJson() };
	}
}

function versionOf(data: unknown): number | ImportProblem {
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		return PROBLEMS.otherFormat(Array.isArray(data) ? 'une liste' : 'une valeur seule');
	const { format, type, version, themes } = data as Record<string, unknown>;
	const ours = Object.hasOwn(data, 'format')
		? format === FORMAT_NAME
		: Object.hasOwn(data, 'type') && type === 'leviers';
	if (!ours) {
		if (Object.hasOwn(data, 'themes') && Array.isArray(themes))
			return PROBLEMS.otherFormat('c’est un questionnaire, pas des réponses');
		return PROBLEMS.otherFormat(
			typeof format === 'string' ? `format «\u202f${format.slice(0, 40)}\u202f»` : ''
		);
	}
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
		return PROBLEMS.unknownVersion();
	if (version > FORMAT_VERSION) return PROBLEMS.futureVersion(version);
	return version;
}

/** Reads the text of a file: the current format, or a French refusal. */
export function readExportText(text: string): ReadResult {
	const parsed = parseJson(text);
	if (!parsed.ok) return parsed;
	const version = versionOf(parsed.data);
	if (typeof version !== 'number') return { ok: false, problem: version };
	const invalid = (issues: Issues): ReadResult => ({
		ok: false,
		problem: PROBLEMS.invalid(issues.slice(0, MAX_DETAILS).map(describeIssue), issues.length)
	});
	let data: unknown = parsed.data;
	for (let n = version; n < FORMAT_VERSION; n++) {
		const step = MIGRATIONS[n];
		if (!step) return { ok: false, problem: PROBLEMS.unknownVersion() };
		const r = step(data);
		if (!r.ok) return invalid(r.issues);
		data = r.data;
	}
	const envelope = v.safeParse(ExportEnvelopeSchema, data);
	if (!envelope.success) return invalid(envelope.issues);
	return { ok: true, version, ...splitDiagnostics(envelope.output) };
}

/** Checks each action on its own: the valid ones are imported, the others listed. */
function splitActions(raws: readonly unknown[]): {
	actions: ExportFile['actions'];
	rejectedActions: RejectedAction[];
} {
	const actions: ExportFile['actions'] = [];
	const rejectedActions: RejectedAction[] = [];
	raws.forEach((raw, i) => {
		const r = v.safeParse(ExportedActionSchema, raw);
		if (r.success) actions.push(r.output);
		else
			rejectedActions.push({
				position: i + 1,
				id: textField(raw, 'id'),
				title: textField(raw, 'title')?.slice(0, 200),
				detail: describeIssue(r.issues[0]),
				errors: r.issues.length
			});
	});
	return { actions, rejectedActions };
}

type Envelope = v.InferOutput<typeof ExportEnvelopeSchema>;

/** Checks each diagnostic on its own: the valid ones make the file, the others are listed. */
function splitDiagnostics(envelope: Envelope): {
	file: ExportFile;
	rejected: RejectedDiagnostic[];
	rejectedActions: RejectedAction[];
} {
	const diagnostics: ExportFile['diagnostics'] = [];
	const rejected: RejectedDiagnostic[] = [];
	envelope.diagnostics.forEach((raw, i) => {
		const d = checkDiagnostic(ExportedDiagnosticSchema, raw, i);
		if (d instanceof SetAsideDiagnostic) rejected.push(d.rejected);
		else diagnostics.push(d);
	});
	const { actions, rejectedActions } = splitActions(envelope.actions);
	return { file: { ...envelope, diagnostics, actions }, rejected, rejectedActions };
}
