/**
 * The results of a campaign, kept live: its diagnostics are read from IndexedDB and the scores
 * and recommendations derived from them, so every open view follows every saved answer.
 */
import type { Campaign, DiagnosticWithAnswers } from '$lib/domain/answers';
import { scoreCampaign, type CampaignScores } from '$lib/domain/scoring/campaign';
import { getModule, loadModules } from '$lib/domain/content/load';
import { levers } from '$lib/domain/content/levers';
import { MODULE_IDS, type Module } from '$lib/domain/content/questionnaire';
import { recommend, type Recommendations } from '$lib/domain/scoring/recommendations';
import { getCampaign } from '$lib/db/light-filling';
import { campaignDiagnostics } from '$lib/db/light-results';
import { LightLive } from './light-live.svelte';

/** Scores and recommendations of one campaign. */
export class CampaignResults {
	readonly #campaign: LightLive<Campaign | undefined>;
	readonly #diagnostics: LightLive<DiagnosticWithAnswers[]>;

	/** Bumped when questionnaires finish loading, so that the scores are computed again. */
	#loaded = $state(0);
	#contentError = $state<unknown>(undefined);
	// A cache of plain objects (the same questionnaire for the same modules), not state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#questionnaires = new Map<string, { modules: Module[]; levers: typeof levers }>();

	constructor(campaignId: string) {
		// Read without Dexie (issue 16): the results pages only read.
		this.#campaign = new LightLive(() => getCampaign(campaignId));
		this.#diagnostics = new LightLive(() => campaignDiagnostics(campaignId));
	}

	/** True until the campaign, its diagnostics and their questionnaires are read. */
	get loading(): boolean {
		return (
			this.#campaign.loading ||
			this.#diagnostics.loading ||
			(this.campaign !== undefined && this.#questionnaire === undefined && !this.#contentError)
		);
	}

	/** A read failure, if any. */
	get error(): unknown {
		return this.#campaign.error ?? this.#diagnostics.error ?? this.#contentError;
	}

	/**
	 * The questionnaires the campaign needs (its modules and those of its diagnostics, so that the
	 * scores are those of the whole content), once loaded; their loading starts on first need.
	 */
	readonly #questionnaire = $derived.by(() => {
		void this.#loaded;
		const campaign = this.campaign;
		const diagnostics = this.#diagnostics.current;
		if (!campaign || !diagnostics) return undefined;
		const wanted: string[] = [...campaign.modules, ...diagnostics.map((d) => d.moduleId)];
		const ids = MODULE_IDS.filter((id) => wanted.includes(id));
		const key = ids.join(' ');
		const known = this.#questionnaires.get(key);
		if (known) return known;
		const modules = ids.map((id) => getModule(id));
		if (modules.every((m) => m !== undefined)) {
			const q = { modules: modules as Module[], levers };
			this.#questionnaires.set(key, q);
			return q;
		}
		loadModules(ids).then(
			() => this.#loaded++,
			(e: unknown) => (this.#contentError = e)
		);
		return undefined;
	});

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
		const questionnaire = this.#questionnaire;
		return campaign && diagnostics && questionnaire
			? scoreCampaign(campaign, diagnostics, questionnaire)
			: undefined;
	});

	/** The levers to pull first and each service's first actions. */
	readonly recommendations: Recommendations | undefined = $derived(
		this.scores && this.#questionnaire && recommend(this.scores, this.#questionnaire)
	);
}
