import type { Settings } from '../shared/protocol.js';

/** True when an address is on the never-log list, by itself or by its domain. */
export function isNeverLogged(settings: Pick<Settings, 'neverLog'>, email: string): boolean {
  const address = email.toLowerCase();
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return settings.neverLog.some((entry) => {
    const rule = entry.replace(/^@/, '');
    return rule === address || rule === domain || domain.endsWith(`.${rule}`);
  });
}
