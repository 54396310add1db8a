/**
 * The results of a campaign, kept live: its diagnostics are read from IndexedDB and the scores
 * and recommendations derived from them, so every open view follows every saved answer.
 */
import type { Campaign, DiagnosticWithAnswers } from '$lib/domain/answers';
import { scoreCampaign, type CampaignScores } from '$lib/domain/scoring/campaign';
import { questionnaire } from '$lib/domain/content/content';
import { recommend, type Recommendations } from '$lib/domain/scoring/recommendations';
import { queries } from '$lib/db/queries';
import { Live } from './live.svelte';

/** Scores and recommendations of one campaign. */
export class CampaignResults {
	readonly #campaign: Live<Campaign | undefined>;
	readonly #diagnostics: Live<DiagnosticWithAnswers[]>;

	constructor(campaignId: string) {
		this.#campaign = new Live(() => queries.getCampaign(campaignId));
		this.#diagnostics = new Live(() => queries.campaignDiagnostics(campaignId));
	}

	/** True until both the campaign and its diagnostics are read. */
	get loading(): boolean {
		return this.#campaign.loading || this.#diagnostics.loading;
	}

	/** A read failure, if any. */
	get error(): unknown {
		return this.#campaign.error ?? this.#diagnostics.error;
	}

	/** The campaign, undefined while loading or when it does not exist. */
	get campaign(): Campaign | undefined {
		return this.#campaign.current;
	}

	/** The campaign's diagnostics with their answers. */
	get diagnostics(): DiagnosticWithAnswers[] {
		return this.#diagnostics.current ?? [];
	}

	/** Every score of the campaign. */
	readonly scores: CampaignScores | undefined = $derived.by(() => {
		const campaign = this.campaign;
		const diagnostics = this.#diagnostics.current;
		return campaign && diagnostics
			? scoreCampaign(campaign, diagnostics, questionnaire)
			: undefined;
	});

	/** The levers to pull first and each service's first actions. */
	readonly recommendations: Recommendations | undefined = $derived(
		this.scores && recommend(this.scores, questionnaire)
	);
}
