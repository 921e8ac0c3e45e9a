export { IdbStore } from './idb-store.js';
export { openSyncDb, type SyncDb } from './sync-db.js';
export { IdbOutbox, type OutboxEntry, type NewOutboxEntry, type DrainResult } from './idb-outbox.js';
export { IdbCardCache, type Cached } from './idb-card-cache.js';
