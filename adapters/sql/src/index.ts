export { openStore, DEFAULT_SQLITE_FILE, type StoreConfig } from './open-store.js';
export { createSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
export { createPostgresStore, type PostgresStoreOptions } from './postgres/postgres-store.js';
export { SCHEMA_VERSION } from './migrations/migrate.js';
export type { SqlStore } from './sql-store.js';
export type { BulkInsertStore, BulkRecords } from './bulk-insert.js';
