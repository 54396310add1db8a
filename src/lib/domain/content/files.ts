/**
 * The questionnaires' chunks, one per module (issue 16), and nothing else: the app's entry
 * (hooks.client.ts) imports it, so it stays free of other imports.
 */

/** Each questionnaire's chunk; `load.ts` is the one place that reads what they hold. */
export const questionnaireFiles = {
	economie: () => import('../../../../questionnaires/economie.json'),
	dechets: () => import('../../../../questionnaires/dechets.json'),
	eau: () => import('../../../../questionnaires/eau.json'),
	urbanisme: () => import('../../../../questionnaires/urbanisme.json'),
	cantines: () => import('../../../../questionnaires/cantines.json'),
	marches: () => import('../../../../questionnaires/marches.json'),
	transversal: () => import('../../../../questionnaires/transversal.json')
} satisfies Record<string, () => Promise<{ default: unknown }>>;

const MODULE_PAGE = /\/(?:campagnes\/[^/]+|modules)\/([a-z]+)(?:\/resultats)?\/?$/;

/**
 * The module whose questionnaire the page at this address shows (a filling page, a module's
 * results, a questionnaire's page), or undefined.
 */
export function moduleOfPath(pathname: string): keyof typeof questionnaireFiles | undefined {
	const id = MODULE_PAGE.exec(pathname)?.[1];
	return id && Object.hasOwn(questionnaireFiles, id)
		? (id as keyof typeof questionnaireFiles)
		: undefined;
}

/**
 * Starts fetching the questionnaire of the module page the app starts on, before the router has
 * even fetched the page's code: the page's `load` then finds the chunk fetched or on its way
 * (same module, fetched once). Anything else: nothing. A failure is left to the page's `load`,
 * which reports it in French.
 */
export function prefetchQuestionnaire(pathname: string): void {
	const id = moduleOfPath(pathname);
	if (id) questionnaireFiles[id]().catch(() => undefined);
}
