import { error } from '@sveltejs/kit';
import { RepositoryError } from '$lib/db/errors';
import { NOT_READ } from '$lib/db/halt-flag';
import { fillingState, getCampaign } from '$lib/db/light-filling';
import { readRefused } from '$lib/db/loaded';
import { isModuleId } from '$lib/domain/content/catalogue';
import { loadModule } from '$lib/domain/content/load';
import type { PageLoad } from './$types';

// Only reads: the app preloads this on hover, and the diagnostic is created by its first write.
// Read without Dexie (light-read.ts), loaded by the first write (issue 16).
// A campaign missing or unreadable is shown by the page's CampaignGate, as on every campaign page.
export const load: PageLoad = async ({ params }) => {
	if (!isModuleId(params.module)) error(404, 'Ce questionnaire n’existe pas.');
	// Only this page's questionnaire is loaded, while the database is read (issue 16).
	// A chunk that cannot be fetched: the error page says so in French (ContentLoadError).
	const content = loadModule(params.module).catch((e: unknown) =>
		error(503, e instanceof Error ? e.message : String(e))
	);
	try {
		const [campaign, filling] = await Promise.all([
			getCampaign(params.id),
			fillingState(params.id, params.module)
		]);
		const module = await content;
		// The stored answers too: the form shows them at once, then follows the live ones.
		return { module, campaign, diagnostic: filling.diagnostic, filling, readError: undefined };
	} catch (e) {
		// Refused under a halt: shown until the page is loaded again (the banner offers it).
		if (e instanceof RepositoryError && e.message === NOT_READ) readRefused();
		const module = await content;
		return {
			module,
			campaign: undefined,
			diagnostic: undefined,
			filling: undefined,
			readError: e as unknown
		};
	}
};
