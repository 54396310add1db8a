import { error } from '@sveltejs/kit';
import { storageErrorText } from '$lib/db/errors';
import { queries } from '$lib/db/queries';
import { getModule, isModuleId } from '$lib/domain/content/content';
import type { PageLoad } from './$types';

// Only reads: the app preloads this on hover, and the diagnostic is created by its first write.
export const load: PageLoad = async ({ params }) => {
	if (!isModuleId(params.module)) error(404, 'Ce questionnaire n’existe pas.');
	try {
		const campaign = await queries.getCampaign(params.id);
		if (!campaign) error(404, 'Cette démarche n’existe pas sur cet appareil.');
		const { diagnostic } = await queries.fillingState(params.id, params.module);
		return { campaign, module: getModule(params.module)!, diagnostic };
	} catch (e) {
		if (e && typeof e === 'object' && 'status' in e) throw e;
		error(500, storageErrorText(e));
	}
};
