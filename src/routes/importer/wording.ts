/**
 * French sentences of the import preview that depend on a count (agreement of the verb).
 */
import { plural } from '$lib/format';

/** "1 diagnostic rejoint cette démarche…", "3 diagnostics rejoignent cette démarche…". */
export function joiningText(diagnostics: number): string {
	const verb = diagnostics > 1 ? 'rejoignent' : 'rejoint';
	return `${plural(diagnostics, 'diagnostic')} ${verb} cette démarche, déjà présente sur cet appareil.`;
}
