import { describe, expect, it } from 'vitest';
import v5 from '../exchange/fixtures/v5.json';
import { readExportText } from '../exchange/read';
import {
	docProblem,
	docsToExportText,
	MAX_SYNC_DOC_CHARS,
	parseSyncDocId,
	toSyncDocs
} from './documents';

const META = {
	now: Date.parse('2026-12-04T10:00:00.000Z'),
	device: 'dev-1',
	app: { name: 'Leviers', version: '0.1.0' }
};

function fixture() {
	const read = readExportText(JSON.stringify(v5));
	if (!read.ok) throw new Error('fixture');
	return read.file;
}

describe('sync documents', () => {
	it('one document per campaign, diagnostic and action, read back as the same file', () => {
		const file = fixture();
		const docs = toSyncDocs(file);
		expect(docs).toHaveLength(
			file.campaigns.length + file.diagnostics.length + file.actions.length
		);
		expect(new Set(docs.map((d) => d._id)).size).toBe(docs.length);
		const { text, setAside, read } = docsToExportText(structuredClone(docs), META);
		expect(setAside).toEqual([]);
		expect(read).toBe(docs.length);
		const again = readExportText(text);
		expect(again.ok).toBe(true);
		if (!again.ok) return;
		expect(again.file.campaigns).toEqual(file.campaigns);
		expect(again.file.diagnostics).toEqual(file.diagnostics);
		expect(again.file.actions).toEqual(file.actions);
	});

	it('ids are derived from the UUIDs and parsed back; anything else is not ours', () => {
		expect(parseSyncDocId('diagnostic:a3f1c2d4-1111')).toEqual({
			type: 'diagnostic',
			id: 'a3f1c2d4-1111'
		});
		expect(parseSyncDocId('_design/leviers')).toBeNull();
		expect(parseSyncDocId('diagnostic:<script>')).toBeNull();
		expect(parseSyncDocId('user:abc')).toBeNull();
	});

	it('sets aside, with a French reason, documents whose outer shape lies or that are too big', () => {
		const file = fixture();
		const [campaign, diagnostic] = [
			toSyncDocs(file)[0],
			toSyncDocs(file).find((d) => d.type === 'diagnostic')!
		];
		const hostile: unknown[] = [
			null,
			'texte',
			{ _id: 'diagnostic:x', type: 'action', format: 5, action: { id: 'x' } },
			{ ...diagnostic, module: 'cantines' },
			{ ...diagnostic, campaignId: 'autre' },
			{ ...diagnostic, format: 99 },
			{ ...diagnostic, _id: 'diagnostic:autre-id' },
			{ ...campaign, campaign: { ...(campaign as { campaign: object }).campaign, authority: '' } },
			{ ...diagnostic, padding: 'x'.repeat(MAX_SYNC_DOC_CHARS) },
			{
				...diagnostic,
				diagnostic: { ...(diagnostic as { diagnostic: object }).diagnostic, lineage: [null] }
			}
		];
		const { setAside, text } = docsToExportText([...hostile, { _id: '_design/leviers' }], META);
		expect(setAside).toHaveLength(hostile.length);
		for (const s of setAside) expect(s.reason).toMatch(/[a-zé]/);
		expect(setAside.find((s) => s.reason.includes('plus récente'))).toBeTruthy();
		expect(setAside.find((s) => s.reason.includes('volumineux'))).toBeTruthy();
		expect(setAside.find((s) => s.reason.includes('historique'))).toBeTruthy();
		const read = readExportText(text);
		expect(read.ok).toBe(true);
		if (read.ok) expect(read.file.diagnostics).toHaveLength(0);
	});

	it('a diagnostic with a bad inner shape passes the outer check and is set aside by the file reader', () => {
		const file = fixture();
		const diagnostic = toSyncDocs(file).find((d) => d.type === 'diagnostic')!;
		const bad = { ...diagnostic, diagnostic: { ...diagnostic.diagnostic, revision: -4 } };
		expect(docProblem(bad)).toBeNull();
		const read = readExportText(docsToExportText([bad, diagnostic], META).text);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.rejected).toHaveLength(1);
	});
});
