/** Helpers for tests that need a real database: a throw-away PostgreSQL database per test file. */
export { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from './postgres.js';
export { openRawConnection, type RawConnection } from './raw-connection.js';
export { createCountingSqliteStore, type CountingSqliteStore } from './statement-counter.js';
export { FILL_SEARCH_PREFIXES } from '../migrations/016-search-in-name-order.js';
