import { error } from '@sveltejs/kit';
import { queries } from '$lib/db/queries';
import { getModule, isModuleId } from '$lib/domain/content/content';
import type { PageLoad } from './$types';

// Only reads: the app preloads this on hover, and the diagnostic is created by its first write.
// A campaign missing or unreadable is shown by the page's CampaignGate, as on every campaign page.
export const load: PageLoad = async ({ params }) => {
	if (!isModuleId(params.module)) error(404, 'Ce questionnaire n’existe pas.');
	const module = getModule(params.module)!;
	try {
		const campaign = await queries.getCampaign(params.id);
		const { diagnostic } = await queries.fillingState(params.id, params.module);
		return { module, campaign, diagnostic, readError: undefined };
	} catch (e) {
		return { module, campaign: undefined, diagnostic: undefined, readError: e as unknown };
	}
};
