import type { Ids } from '../shared/ids.js';
import type { Store, UnitOfWork } from '../store/store.port.js';

/**
 * The settings row that takes a new value whenever a token is revoked or a user is changed
 * (deactivated, given another role or team). A hub that remembers tokens reads this one row on
 * every request and forgets what it remembered when the value moved, so a revocation made by
 * any hub or by the CLI on the same database takes effect on the next request.
 */
export const CREDENTIALS_GENERATION_KEY = 'credentials.generation';

/** Moves the generation, inside the transaction that changed a token or a user. */
export async function markCredentialsChanged(uow: UnitOfWork, ids: Ids): Promise<void> {
  // A fresh unique value, not a counter: two changes committed at once must never write the same value.
  await uow.settings.set(CREDENTIALS_GENERATION_KEY, ids.next('event'));
}

/** The current generation: one primary-key read. Null before anything was ever revoked or changed. */
export async function readCredentialsGeneration(store: Store): Promise<string | null> {
  return store.read((uow) => uow.settings.get<string>(CREDENTIALS_GENERATION_KEY));
}
