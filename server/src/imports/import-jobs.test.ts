import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport, systemClock, TimeOrderedIds, type Actor, type ImportUnitOfWork, type SourceRow, type Store } from '@rapport/core';
import { openStore } from '@rapport/sql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsvRows } from './csv-rows.js';
import { createImportJob, getImportJob, runImportJob } from './import-jobs.js';

describe('import jobs on SQLite', () => {
  let folder: string;
  let store: Store<ImportUnitOfWork>;
  let actor: Actor;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'rapport-import-'));
    store = (await openStore({ dataDir: folder })) as unknown as Store<ImportUnitOfWork>;
    const now = new Date().toISOString();
    const user = { id: 'usr_admin1', name: 'Ada', email: 'ada@rapport.test', role: 'admin' as const, teamId: null, timeZone: 'UTC', quietHours: null, identities: { slackUserId: null, entraObjectId: null }, active: true, createdAt: now, updatedAt: now };
    await store.transaction((uow) => uow.users.insert(user));
    actor = { user, surface: 'import' };
  });
  afterEach(async () => {
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('resumes an import stopped in the middle after its last written batch, writing no row twice', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => `${i + 1},Person ${i},Lee,p${i}@example.com`);
    const path = join(folder, 'contacts.csv');
    writeFileSync(path, `Record ID,First Name,Last Name,Email\n${rows.join('\n')}\n`);
    const deps = { store, clock: systemClock, ids: new TimeOrderedIds() };
    const job = await createImportJob(deps, actor, [{ name: 'contacts.csv', path }]);
    expect(job.preview.contact).toEqual({ create: 1200, update: 0, skip: 0, reject: 0 });

    // The hub stops while reading row 700: the first batch of 500 rows has landed, the second has not.
    async function* stopsAt700(): AsyncGenerator<SourceRow> {
      for await (const row of readCsvRows(path, 'contacts.csv')) {
        if (row.line === 702) throw new Error('the hub was stopped');
        yield row;
      }
    }
    await expect(runImport(deps, actor, job.id, () => stopsAt700())).rejects.toThrow('the hub was stopped');
    expect(await getImportJob(deps, job.id)).toMatchObject({ status: 'running', rowsDone: 500 });
    const written = await store.read((uow) => uow.contacts.list({}, { limit: 1000 }));
    expect(written.items).toHaveLength(500);

    const resumed = await runImportJob(deps, actor, job.id);
    expect(resumed).toMatchObject({ status: 'done', rowsDone: 1200, rowsTotal: 1200, counts: { contact: { create: 1200, update: 0, skip: 0, reject: 0 } } });
    const all = await store.read((uow) => uow.contacts.findByEmails(['p0@example.com', 'p499@example.com', 'p500@example.com', 'p1199@example.com']));
    expect(all.map((c) => c.name).sort()).toEqual(['Person 0 Lee', 'Person 1199 Lee', 'Person 499 Lee', 'Person 500 Lee']);

    const again = await createImportJob(deps, actor, [{ name: 'contacts.csv', path }]);
    expect(again.preview.contact).toEqual({ create: 0, update: 0, skip: 1200, reject: 0 });
  }, 120_000);

  it('refuses a file that is no standard export and has no mapping, listing its columns', async () => {
    const path = join(folder, 'people.csv');
    writeFileSync(path, 'Who,Mail\nAnn,ann@example.com\n');
    await expect(createImportJob({ store, clock: systemClock, ids: new TimeOrderedIds() }, actor, [{ name: 'people.csv', path }])).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('people.csv is not a standard HubSpot, Salesforce or Pipedrive export. Give a mapping for it (its columns are: Who, Mail)'),
    });
  });
});
