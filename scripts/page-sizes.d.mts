import type { Browser } from '@playwright/test';

/** The scripts of one main page of the app (see page-sizes.mjs). */
export interface PageSize {
	name: string;
	files: number;
	raw: number;
	gzip: number;
	chartJs: boolean;
}

/** The scripts of each main page of the app served at `origin`, measured in `browser`. */
export function pageSizes(browser: Browser, origin: string): Promise<PageSize[]>;
