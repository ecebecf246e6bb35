/** The servers picked in the grid, handed to the wizard or to Re-replicate (ids are too long for a URL); this tab only. */
import { browserStore, stringList } from './browser-store';

export const selectionStore = browserStore<string[]>('lockstep.setup.servers', stringList, { storage: 'session', fallback: [], serverValue: [] });
