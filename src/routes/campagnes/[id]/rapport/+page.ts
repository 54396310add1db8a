import type { PageLoad } from './$types';

export const load: PageLoad = ({ params }) => ({ campaignId: params.id });
