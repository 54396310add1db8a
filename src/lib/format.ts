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
