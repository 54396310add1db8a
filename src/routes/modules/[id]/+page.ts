import { error } from '@sveltejs/kit';
import { getModule, modules } from '$lib/domain/content/content';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => modules.map((m) => ({ id: m.id }));

export const load: PageLoad = ({ params }) => {
	const module = getModule(params.id);
	if (!module) error(404, 'Ce questionnaire n’existe pas.');
	return { module };
};
