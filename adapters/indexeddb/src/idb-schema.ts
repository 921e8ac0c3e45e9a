import { openDB, type IDBPDatabase } from 'idb';

/**
 * The object stores of a Rapport database in IndexedDB. Every row has the same shape: its key
 * (`k`), the domain record as given (`doc`), and derived index values (`i`), so a record comes
 * back exactly as it was stored and the indexes can hold folded or normalised forms.
 */
export interface Row<T = unknown> {
  k: IDBValidKey;
  doc: T;
  i: Record<string, IDBValidKey | IDBValidKey[] | undefined>;
}

export const TABLES = [
  'users', 'teams', 'tokens', 'accounts', 'contacts', 'pipelines', 'deals', 'stageChanges',
  'activities', 'reminders', 'leases', 'deliveries', 'events', 'idempotency', 'settings', 'customFields',
] as const;
export type Table = (typeof TABLES)[number];

interface IndexSpec {
  name: string;
  multiEntry?: boolean;
}

/** Indexes per store; each indexes `i.<name>`. Changing this list needs a new DB_VERSION step. */
const INDEXES: Record<Table, IndexSpec[]> = {
  users: [{ name: 'email' }, { name: 'slack' }, { name: 'entra' }, { name: 'team' }],
  teams: [],
  tokens: [{ name: 'hash' }, { name: 'user' }],
  accounts: [{ name: 'domains', multiEntry: true }, { name: 'owner' }, { name: 'name' }, { name: 'terms', multiEntry: true }],
  contacts: [
    { name: 'emails', multiEntry: true },
    { name: 'canonical', multiEntry: true },
    { name: 'account' },
    { name: 'owner' },
    { name: 'name' },
    { name: 'terms', multiEntry: true },
  ],
  pipelines: [],
  deals: [{ name: 'account' }, { name: 'contact' }, { name: 'pipeline' }],
  stageChanges: [{ name: 'deal' }],
  activities: [{ name: 'external' }, { name: 'order' }, { name: 'contact' }, { name: 'account' }, { name: 'deal' }],
  reminders: [{ name: 'fire' }, { name: 'assignee' }, { name: 'alert' }, { name: 'contact' }, { name: 'account' }, { name: 'deal' }],
  leases: [],
  deliveries: [{ name: 'reminder' }],
  events: [{ name: 'at' }, { name: 'entity' }],
  idempotency: [{ name: 'created' }],
  settings: [],
  customFields: [],
};

/** 2: custom fields (their definitions, and `customFields: {}` on the records stored before). */
export const DB_VERSION = 2;

/** The tables whose records hold custom field values. */
const RECORDS_WITH_FIELDS = ['accounts', 'contacts', 'deals'] as const;

export type RapportDb = IDBPDatabase<unknown>;

/** Opens (creating or upgrading) a Rapport database through the global `indexedDB`. */
export async function openRapportDb(name: string): Promise<RapportDb> {
  return openDB(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      for (const table of TABLES) {
        if (db.objectStoreNames.contains(table)) continue;
        const store = db.createObjectStore(table, { keyPath: 'k' });
        for (const index of INDEXES[table]) store.createIndex(index.name, `i.${index.name}`, { multiEntry: index.multiEntry ?? false });
      }
      if (oldVersion === 0 || oldVersion >= 2) return;
      // Records stored before custom fields existed get none, as the Store port says they read.
      for (const table of RECORDS_WITH_FIELDS) {
        let cursor = await tx.objectStore(table).openCursor();
        while (cursor) {
          const row = cursor.value as Row<Record<string, unknown>>;
          if (row.doc['customFields'] === undefined) await cursor.update({ ...row, doc: { ...row.doc, customFields: {} } });
          cursor = await cursor.continue();
        }
      }
    },
  });
}
