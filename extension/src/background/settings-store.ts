import { storage } from '../platform/browser.js';
import { DEFAULT_SETTINGS, Settings } from '../shared/protocol.js';

const KEY = 'settings';

/** The rep's settings, in the extension's storage (so the content script sees collapse changes too). */
export async function loadSettings(): Promise<Settings> {
  const parsed = Settings.safeParse({ ...DEFAULT_SETTINGS, ...((await storage.get<Partial<Settings>>(KEY)) ?? {}) });
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = Settings.parse({ ...(await loadSettings()), ...patch });
  await storage.set(KEY, next);
  return next;
}
