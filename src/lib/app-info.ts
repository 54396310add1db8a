/**
 * The app's name and version, written in every export.
 */
import { version } from '../../package.json';

/** Name of the app in exported files. */
export const APP_NAME = 'Leviers';

/** The version of package.json. */
export const APP_VERSION: string = version;
