/**
 * Errors SvelteKit did not get from the app (an unknown address, a bug): a French message for the
 * error page instead of SvelteKit's English one, and the error itself in the console.
 */
import type { HandleClientError } from '@sveltejs/kit';
import { unexpectedErrorMessage } from '$lib/error-page';

/** Logs the error and gives the error page a French message. */
export const handleError: HandleClientError = ({ error, status }) => {
	// An unknown address is the visitor's mistake, not the app's: a warning is enough.
	if (status === 404) console.warn(error);
	else console.error(error);
	return { message: unexpectedErrorMessage(status) };
};
