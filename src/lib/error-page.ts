/**
 * What the error page says, in French. SvelteKit's own messages are English ("Not Found",
 * "Internal Error"); the app's own, passed to `error()`, are French already and are kept
 * ("Ce questionnaire n’existe pas.").
 */

/** What the page says of an address that matches no page. */
const NOT_FOUND_MESSAGE = 'Cette page n’existe pas.';

/** What the page says of an error the app did not expect. */
const UNEXPECTED_MESSAGE = 'Une erreur inattendue est survenue.';

// SvelteKit names HTTP statuses in English, and `error(status)` without a message says "Error: 500".
const KIT_MESSAGES = new Set([
	'Not Found',
	'Internal Error',
	'Bad Request',
	'Forbidden',
	'Method Not Allowed',
	'Payload Too Large',
	'Unsupported Media Type'
]);
const isKitMessage = (message: string) => KIT_MESSAGES.has(message) || /^Error: \d+$/.test(message);

/** The French message of an error SvelteKit reports with `status` (hooks.client.ts). */
export function unexpectedErrorMessage(status: number): string {
	return status === 404 ? NOT_FOUND_MESSAGE : UNEXPECTED_MESSAGE;
}

/** The error page's title, message and what to do. */
export interface ErrorPageText {
	title: string;
	message: string;
	action: string;
}

/** What the error page shows for a status and the error's message. */
export function errorPageText(status: number, message: string | undefined): ErrorPageText {
	const own = message?.trim() && !isKitMessage(message.trim()) ? message.trim() : null;
	if (status === 404)
		return {
			title: 'Page introuvable',
			message: own ?? NOT_FOUND_MESSAGE,
			action: 'Vérifiez l’adresse, ou repartez de l’accueil\u202f: vos démarches y sont listées.'
		};
	return {
		title: 'Une erreur est survenue',
		message: own ?? UNEXPECTED_MESSAGE,
		action:
			'Rechargez la page. Si l’erreur revient, repartez de l’accueil\u202f: les réponses déjà enregistrées restent sur cet appareil.'
	};
}
