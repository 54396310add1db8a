/**
 * Names of exported files that a person recognises in a downloads folder or an e-mail:
 * `leviers-dechets-cc-exemple-2026-11-26.json`.
 */
import type { Campaign } from '../answers';

// Kinds of authority shortened the way people write them.
const SHORT_FORMS: [RegExp, string][] = [
	[/^communaute de communes\b/, 'cc'],
	[/^communaute d ?agglomeration\b/, 'ca'],
	[/^communaute urbaine\b/, 'cu'],
	[/^conseil departemental\b/, 'cd'],
	[/^conseil regional\b/, 'cr']
];

/** Lower case, no accents, words joined by dashes, at most `max` characters. */
export function slug(text: string, max = 40): string {
	const plain = text
		.normalize('NFD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[’']/g, ' ')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
	const short = SHORT_FORMS.reduce((s, [re, abbr]) => s.replace(re, abbr), plain);
	const cut = short.replace(/ /g, '-').slice(0, max);
	return cut.replace(/-+$/, '');
}

/** "2026-11-26", the local date. */
function localDate(epochMs: number): string {
	const d = new Date(epochMs);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function join(...parts: string[]): string {
	return ['leviers', ...parts.filter(Boolean)].join('-');
}

/** `leviers-dechets-cc-exemple-2026-11-26.json`. */
export function diagnosticFileName(campaign: Campaign, moduleId: string, now: number): string {
	return `${join(moduleId, slug(campaign.authority), localDate(now))}.json`;
}

/** `leviers-cc-exemple-diagnostic-2026-2026-11-26.json`. */
export function campaignFileName(campaign: Campaign, now: number): string {
	return `${join(slug(campaign.authority), slug(campaign.label, 30), localDate(now))}.json`;
}

/** `leviers-sauvegarde-2026-11-26.json`. */
export function backupFileName(now: number): string {
	return `${join('sauvegarde', localDate(now))}.json`;
}

/** `leviers-cc-exemple-diagnostic-2026-reponses-2026-11-26.csv` (kind: reponses, scores or plan). */
export function csvFileName(
	campaign: Campaign,
	kind: 'reponses' | 'scores' | 'plan-action',
	now: number
): string {
	return `${join(slug(campaign.authority), slug(campaign.label, 30), kind, localDate(now))}.csv`;
}
