// Pages whose URL is known at build time (home, questionnaires, Données) are prerendered with
// their content, so they paint before any JavaScript runs; campaign pages exist only on the
// user's device and are rendered in the browser from the fallback page (campagnes/[id]).
export const prerender = true;
