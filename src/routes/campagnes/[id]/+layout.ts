import type { LayoutLoad } from './$types';

// Campaign pages exist only on the user's device: the fallback page serves them, and they are
// rendered in the browser only.
export const prerender = false;
export const ssr = false;

/** Every page of a campaign reads it by this id (each through CampaignGate). */
export const load: LayoutLoad = ({ params }) => ({ campaignId: params.id });
