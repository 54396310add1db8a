import type { PageLoad } from './$types';

/** The editor reads its action live, by this id (a deep link works offline). */
export const load: PageLoad = ({ params }) => ({ actionId: params.action });
