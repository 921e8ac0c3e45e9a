import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeConnectorStateContract, aConnection } from '@rapport/core/testing';
import { hasConnectors, type ConnectorStateRepository } from '@rapport/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresStore } from '../postgres/postgres-store.js';
import type { SqlStore } from '../sql-store.js';
import { createSqliteStore } from '../sqlite/sqlite-store.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';

const stores: SqlStore[] = [];
const dir = mkdtempSync(join(tmpdir(), 'rapport-connectors-'));
afterAll(async () => {
  for (const store of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function stateOf(store: SqlStore): Promise<ConnectorStateRepository> {
  stores.push(store);
  return store.read(async (uow) => {
    if (!hasConnectors(uow)) throw new Error('The SQL store keeps connector state.');
    return uow.connectors;
  });
}

let files = 0;
describeConnectorStateContract('sqlite', async () => stateOf(await createSqliteStore({ file: join(dir, `state-${(files += 1)}.db`) })));

describe('connector state in a transaction', () => {
  it('drops an outbox entry with the rest of a transaction that fails', async () => {
    const store = await createSqliteStore({ file: join(dir, 'rollback.db') });
    const state = await stateOf(store);
    await state.saveConnection(aConnection());
    const entry = { id: 'out-1', connectionId: 'conn-1', kind: 'deal' as const, localId: 'd-1', operation: 'update' as const, changes: { amount: 1 }, status: 'pending' as const, attempts: 0, nextAttemptAt: '2026-03-02T09:00:00.000Z', lastError: null, createdAt: '2026-03-02T09:00:00.000Z' };
    const failing = store.transaction(async (uow) => {
      if (hasConnectors(uow)) await uow.connectors.appendOutbox(entry);
      throw new Error('the deal write failed');
    });
    await expect(failing).rejects.toThrow();
    expect(await state.countOutbox('conn-1')).toEqual({ pending: 0, done: 0, failed: 0 });
  });
});

const adminUrl = inject('postgresUrl');

describe.skipIf(!adminUrl)('on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(adminUrl ?? '', { prefix: 'rapport_connectors' });
  });
  afterAll(async () => {
    for (const store of stores.splice(0)) await store.close();
    await database?.drop();
  });
  describeConnectorStateContract('postgres', async () => {
    for (const store of stores.splice(0)) await store.close();
    await database.reset();
    return stateOf(await createPostgresStore({ url: database.url, poolSize: 2 }));
  });
});
