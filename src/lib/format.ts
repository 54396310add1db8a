/**
 * French formatting of dates, sizes and counts for the interface.
 */

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short' });

/** "26 nov. 2026, 10:42". */
export function formatDateTime(epochMs: number): string {
	return dateTime.format(new Date(epochMs));
}

/** "1,2 Mo". */
export function formatBytes(bytes: number): string {
	const units = ['octets', 'Ko', 'Mo', 'Go', 'To'];
	let v = bytes;
	let i = 0;
	while (v >= 1024 && i < units.length - 1) {
		v /= 1024;
		i++;
	}
	return `${v.toLocaleString('fr-FR', { maximumFractionDigits: i === 0 ? 0 : 1 })} ${units[i]}`;
}

/** "1 réponse", "3 réponses". */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString('fr-FR')} ${n > 1 ? many : one}`;
}

/** A 0–100 score rounded for display, or "non évalué". */
export function formatScore(value: number | null): string {
	return value === null ? 'non évalué' : Math.round(value).toLocaleString('fr-FR');
}

/** A signed delta for comparisons: "+12", "−3", "0", or "—" when unknown. */
export function formatDelta(value: number | null): string {
	if (value === null) return '—';
	const r = Math.round(value);
	return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : '0';
}

/** "Communauté de communes exemple" → "communaute-de-communes-exemple", for file names. */
export function slugify(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

const longDate = new Intl.DateTimeFormat('fr-FR', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'UTC'
});

/** An ISO date (AAAA-MM-JJ) as French writes it in a text: "1er janvier 2021", "10 juin 2015". */
export function formatLongDate(iso: string): string {
	const text = longDate.format(new Date(`${iso}T00:00:00Z`));
	return text.replace(/^1 /, '1er ');
}

/**
 * Since when a legal text applies, from its ISO date and today's: "en vigueur depuis le 1er
 * janvier 2021", or "en vigueur à partir du 1er juillet 2027" for a date still to come.
 */
export function inForceSince(iso: string, now: number = Date.now()): string {
	const d = new Date(now);
	const today = `${d.getFullYear()}-${`${d.getMonth() + 1}`.padStart(2, '0')}-${`${d.getDate()}`.padStart(2, '0')}`;
	const date = formatLongDate(iso);
	return iso <= today ? `en vigueur depuis le ${date}` : `en vigueur à partir du ${date}`;
}
