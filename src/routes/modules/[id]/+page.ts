import { error } from '@sveltejs/kit';
import { catalogue, isModuleId } from '$lib/domain/content/catalogue';
import { loadModule } from '$lib/domain/content/load';
import type { EntryGenerator, PageLoad } from './$types';

export const entries: EntryGenerator = () => catalogue.map((m) => ({ id: m.id }));

// Only this page's questionnaire is loaded (issue 16).
export const load: PageLoad = async ({ params }) => {
	if (!isModuleId(params.id)) error(404, 'Ce questionnaire n’existe pas.');
	const module = await loadModule(params.id).catch((e: unknown) =>
		error(503, e instanceof Error ? e.message : String(e))
	);
	return { module };
};
