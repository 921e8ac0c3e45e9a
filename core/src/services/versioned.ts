import { conflict, CrmError } from '../shared/errors.js';

interface Versioned {
  id: string;
  version: number;
  updatedAt: string;
}

/** Refuses a write made against an older version than the stored one (HTTP If-Match → 412). */
export function assertVersion(current: Versioned, expectedVersion: number | undefined, what: string): void {
  if (expectedVersion === undefined || expectedVersion === current.version) return;
  throw new CrmError('conflict', `This ${what} was changed by someone else (now version ${current.version}, you had ${expectedVersion}). Reload it and try again.`, {
    details: { reason: 'version_mismatch', currentVersion: current.version, expectedVersion },
  });
}

/** The next version of a record, or a conflict when a concurrent write got there first. */
export async function saveNextVersion<T extends Versioned>(
  update: (next: T) => Promise<boolean>,
  current: T,
  changes: Partial<T>,
  now: string,
  what: string,
): Promise<T> {
  const next: T = { ...current, ...changes, version: current.version + 1, updatedAt: now };
  if (!(await update(next))) {
    throw conflict(`This ${what} was changed by someone else just now. Reload it and try again.`, {
      reason: 'version_mismatch',
    });
  }
  return next;
}
