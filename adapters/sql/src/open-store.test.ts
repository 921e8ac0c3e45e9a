import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { DEFAULT_SQLITE_FILE, openStore } from './open-store.js';
import { createTestDatabase, type TestDatabase } from './testing/index.js';

describe('openStore', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-open-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens SQLite in the data folder when DATABASE_URL is unset, creating the folder', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = await openStore({ databaseUrl: '', dataDir });
    expect(store.kind).toBe('sqlite');
    expect(existsSync(join(dataDir, DEFAULT_SQLITE_FILE))).toBe(true);
    await store.close();
  });

  it('opens the SQLite file a sqlite: or file: URL names', async () => {
    for (const url of [`sqlite:${join(dir, 'a.db')}`, `sqlite://${join(dir, 'b.db')}`, `file:${join(dir, 'c.db')}`]) {
      const store = await openStore({ databaseUrl: url });
      expect(store.kind).toBe('sqlite');
      await store.close();
    }
    expect(['a.db', 'b.db', 'c.db'].every((name) => existsSync(join(dir, name)))).toBe(true);
  });

  it('refuses a DATABASE_URL of another kind as invalid input', async () => {
    await expect(openStore({ databaseUrl: 'mysql://root@localhost/rapport' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('DATABASE_URL') });
  });

  it('reports an unreachable PostgreSQL as unavailable, without the password', async () => {
    const failure = await openStore({ databaseUrl: 'postgres://rapport:s3cret@127.0.0.1:1/rapport' }).then(
      () => null,
      (error: unknown) => error as Error & { code: string },
    );
    expect(failure?.code).toBe('unavailable');
    expect(failure?.message).toContain('127.0.0.1:1');
    expect(failure?.message).not.toContain('s3cret');
  });

  it('says a closed store is unavailable', async () => {
    const store = await openStore({ dataDir: dir });
    await store.close();
    await store.close();
    await expect(store.read((uow) => uow.users.count())).rejects.toMatchObject({ code: 'unavailable' });
    await expect(store.transaction((uow) => uow.users.count())).rejects.toMatchObject({ code: 'unavailable' });
  });
});

const adminUrl = inject('postgresUrl');

describe.skipIf(!adminUrl)('openStore with a postgres:// URL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(adminUrl ?? '', { prefix: 'rapport_open' });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('opens PostgreSQL', async () => {
    for (const url of [database.url, database.url.replace(/^postgres:/, 'postgresql:')]) {
      const store = await openStore({ databaseUrl: url, poolSize: 2 });
      expect(store.kind).toBe('postgres');
      expect(await store.read((uow) => uow.users.count())).toBe(0);
      await store.close();
    }
  });
});
