/**
 * French sentences of the import preview that depend on a count (agreement of the verb).
 */
import { plural } from '$lib/format';

/**
 * "1 diagnostic rejoint cette démarche…", "3 diagnostics rejoignent…", and with the plan
 * d'action "1 diagnostic et 2 actions rejoignent…", "1 action rejoint…".
 */
export function joiningText(diagnostics: number, actions = 0): string {
	const parts = [
		...(diagnostics > 0 || actions === 0 ? [plural(diagnostics, 'diagnostic')] : []),
		...(actions > 0 ? [plural(actions, 'action')] : [])
	];
	const many = parts.length > 1 || (actions > 0 ? actions : diagnostics) > 1;
	return `${parts.join(' et ')} ${many ? 'rejoignent' : 'rejoint'} cette démarche, déjà présente sur cet appareil.`;
}

/**
 * What the import does with diagnostics answered against an older questionnaire version: « 2
 * diagnostics répondus avec une version précédente… ; 5 réponses de l’ancienne version
 * conservées à part (non comptées). »
 */
export function migratedText(migrated: readonly { retired: number }[]): string {
	const retired = migrated.reduce((sum, m) => sum + m.retired, 0);
	const answered = migrated.length > 1 ? 'répondus' : 'répondu';
	const [kept, counted] = retired > 1 ? ['conservées', 'comptées'] : ['conservée', 'comptée'];
	return (
		`${plural(migrated.length, 'diagnostic')} ${answered} avec une version précédente du questionnaire\u202f: ` +
		'leurs réponses sont reprises dans la version actuelle' +
		(retired > 0
			? `\u202f; ${plural(retired, 'réponse')} de l’ancienne version ${kept} à part (non ${counted}).`
			: '.')
	);
}
