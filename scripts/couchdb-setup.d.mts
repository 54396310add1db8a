/** The design document that holds the validation function. */
export const DESIGN_ID: string;

/** The role that makes a member the head of a service (module). */
export function serviceRole(module: string): string;

/** The validation function's source, as committed in couchdb/. */
export function validationSource(): string;

/** What setupCampaignDb installs (see couchdb-setup.mjs). */
export interface CampaignDbOptions {
	url: string;
	admin: { name: string; password: string };
	db: string;
	coordinators: string[];
	services: { module: string; user: string }[];
	/** A password: creates the users that do not exist yet. */
	createUsers?: string;
}

/** Creates or updates a campaign database; returns what it did. */
export function setupCampaignDb(options: CampaignDbOptions): Promise<{
	created: boolean;
	designUpdated: boolean;
	usersCreated: string[];
	usersUpdated: string[];
}>;

/** The options of setupCampaignDb from a command line (throws a French message). */
export function parseArgs(
	argv: string[],
	env?: Record<string, string | undefined>
): CampaignDbOptions;
