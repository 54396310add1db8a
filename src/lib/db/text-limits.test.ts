/**
 * Whatever texts the repository accepts, the files the app writes with them (diagnostic,
 * campaign, full backup) import again unchanged, with nothing set aside: the repository and the
 * exchange format share their limits (src/lib/domain/text-limits.ts).
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import schema from '../../../docs/leviers-export.schema.json';
import { TEXT_LIMITS } from '$lib/domain/content/text-limits';
import { RepositoryError } from './errors';
import { testDevices, type TestDevice } from './test-devices';
import type { ExportTarget } from './queries';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const { device, closeAll } = testDevices();

/** What a person may type. */
interface Typed {
	authority: string;
	label: string;
	name: string;
	role: string;
	note: string;
}

const QUESTION = 'dechets-plpdma-pilotage';
const NOTE_ONLY = 'dechets-zone-reemploi';

/** Runs a write; false when the repository refuses it with a French message. */
async function accepted(write: () => Promise<unknown>): Promise<boolean> {
	try {
		await write();
		return true;
	} catch (e) {
		if (e instanceof RepositoryError) return false;
		throw e;
	}
}

/** The texts a device holds for a campaign and its diagnostic. */
async function texts(d: TestDevice, campaignId: string, diagnosticId: string) {
	const campaign = await d.queries.getCampaign(campaignId);
	const diagnostic = await d.queries.getDiagnostic(diagnosticId);
	const rows = await d.queries.answerRows(diagnosticId);
	return {
		authority: campaign?.authority,
		label: campaign?.label,
		respondent: { name: diagnostic?.respondent?.name, role: diagnostic?.respondent?.role },
		notes: Object.fromEntries(rows.map((r) => [r.questionId, r.note]))
	};
}

/**
 * Writes what the repository accepts of `typed` (checking it refuses exactly the texts over
 * their limit), then exports it three ways and imports each file on a new device.
 */
async function roundTrip(typed: Typed): Promise<void> {
	const source = device();
	const fits = (text: string, max: number) => text.length <= max;
	const named = (text: string, max: number) => text.trim() !== '' && fits(text.trim(), max);

	let campaign = { authority: typed.authority, label: typed.label };
	const ok = await accepted(() =>
		source.repo.createCampaign({ ...campaign, modules: ['dechets'] })
	);
	expect(ok).toBe(
		named(typed.authority, TEXT_LIMITS.authority) && named(typed.label, TEXT_LIMITS.label)
	);
	if (!ok) campaign = { authority: 'CC', label: 'D' };
	const c = ok
		? (await source.queries.listCampaigns())[0]!
		: await source.repo.createCampaign({ ...campaign, modules: ['dechets'] });
	const diagnostic = await source.repo.openDiagnostic(c.id, 'dechets');
	expect(
		await accepted(() =>
			source.repo.saveRespondent(diagnostic.id, { name: typed.name, role: typed.role })
		)
	).toBe(
		fits(typed.name.trim(), TEXT_LIMITS.respondentName) &&
			fits(typed.role.trim(), TEXT_LIMITS.respondentRole)
	);
	await source.repo.saveAnswer(diagnostic.id, QUESTION, 3);
	for (const question of [QUESTION, NOTE_ONLY])
		expect(await accepted(() => source.repo.saveNote(diagnostic.id, question, typed.note))).toBe(
			fits(typed.note, TEXT_LIMITS.note)
		);

	const expected = await texts(source, c.id, diagnostic.id);
	const targets: ExportTarget[] = [
		{ scope: 'diagnostic', diagnosticId: diagnostic.id },
		{ scope: 'campaign', campaignId: c.id },
		{ scope: 'database' }
	];
	for (const target of targets) {
		const file = await source.export(target);
		expect(validate(JSON.parse(file)), JSON.stringify(validate.errors)).toBe(true);
		const other = device();
		const plan = await other.import(file);
		expect(plan.setAside).toEqual([]);
		expect(plan.diagnostics.map((p) => p.kind)).toEqual(['added']);
		expect(await texts(other, c.id, diagnostic.id)).toEqual(expected);
	}
}

describe('whatever the repository accepts, its exports import again', () => {
	const x = (n: number) => 'x'.repeat(n);

	it('texts at exactly their limits', async () => {
		await roundTrip({
			authority: x(TEXT_LIMITS.authority),
			label: x(TEXT_LIMITS.label),
			name: x(TEXT_LIMITS.respondentName),
			role: x(TEXT_LIMITS.respondentRole),
			note: x(TEXT_LIMITS.note)
		});
	});

	it('at their limits once trimmed, with characters written as two code units', async () => {
		const emoji = '♻️👩‍🌾'; // 7 code units
		await roundTrip({
			authority: `  ${emoji}${x(TEXT_LIMITS.authority - emoji.length)}\t`,
			label: ` ${x(TEXT_LIMITS.label - 3)}« »\n`,
			name: ` ${x(TEXT_LIMITS.respondentName - 1)}é `,
			role: `${emoji.repeat(28)}${x(TEXT_LIMITS.respondentRole - 28 * emoji.length)}  `,
			note: `${x(TEXT_LIMITS.note - 4)}\n🌾 `
		});
	});

	it('one code unit over a limit is refused, and a note of spaces is no note', async () => {
		await roundTrip({
			authority: x(TEXT_LIMITS.authority + 1),
			label: 'D',
			name: x(TEXT_LIMITS.respondentName + 1),
			role: '',
			note: ' '.repeat(TEXT_LIMITS.note)
		});
	});

	it('any text, near its limit or not', async () => {
		const near = (max: number) =>
			fc.oneof(
				fc.string({ unit: 'binary', minLength: max - 3, maxLength: max + 2 }),
				fc.string({ unit: 'grapheme', maxLength: max }),
				fc.string({ unit: 'binary-ascii', maxLength: 12 }),
				fc.constantFrom(`${' '.repeat(max)}x`, ` ${'y'.repeat(max)} `, '')
			);
		await fc.assert(
			fc.asyncProperty(
				fc.record({
					authority: near(TEXT_LIMITS.authority),
					label: near(TEXT_LIMITS.label),
					name: near(TEXT_LIMITS.respondentName),
					role: near(TEXT_LIMITS.respondentRole),
					note: near(TEXT_LIMITS.note)
				}),
				async (typed) => {
					await roundTrip(typed);
					closeAll();
				}
			),
			{ numRuns: 40, seed: 2026 }
		);
	}, 60_000);
});
