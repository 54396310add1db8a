import { error } from '@sveltejs/kit';
import { isModuleId } from '$lib/domain/content/catalogue';
import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => {
	if (!isModuleId(params.module)) error(404, 'Ce questionnaire n’existe pas.');
	return { moduleId: params.module };
};
