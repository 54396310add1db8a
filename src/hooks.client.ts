/**
 * Errors SvelteKit did not get from the app (an unknown address, a bug): a French message for the
 * error page instead of SvelteKit's English one, and the error itself in the console.
 */
import type { ClientInit, HandleClientError } from '@sveltejs/kit';
import { prefetchQuestionnaire } from '$lib/domain/content/files';
import { unexpectedErrorMessage } from '$lib/error-page';

/** Logs the error and gives the error page a French message. */
export const handleError: HandleClientError = ({ error, status }) => {
	// An unknown address is the visitor's mistake, not the app's: a warning is enough.
	if (status === 404) console.warn(error);
	else console.error(error);
	return { message: unexpectedErrorMessage(status) };
};

/**
 * Before the first page's code is fetched: the questionnaire of a module page opened directly
 * (a reload, a bookmark, the service worker's fallback page) starts on its way now rather than
 * once the route's code has run (issue 16, time to the first question).
 */
export const init: ClientInit = () => prefetchQuestionnaire(location.pathname);
