/** Where the browser keeps engagement settings; parsing is the settings schema's (lenient form). */
export { parseSettings } from './settings';

export const SETTINGS_STORAGE_KEY = 'lockstep.settings';
