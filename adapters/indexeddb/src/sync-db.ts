import { openDB, type IDBPDatabase } from 'idb';

/**
 * The extension's working database, beside the Store: the outbox of changes waiting for the
 * hub, the customer cards a rep has seen, and small marks (emails logged, notices shown).
 * Kept apart from the Store's database so clearing the cache never touches local-mode data.
 */
export type SyncDb = IDBPDatabase<unknown>;

export async function openSyncDb(name = 'rapport-sync'): Promise<SyncDb> {
  return openDB(name, 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('key', 'key', { unique: true });
      db.createObjectStore('cards', { keyPath: 'key' });
      db.createObjectStore('marks', { keyPath: 'key' });
    },
  });
}
