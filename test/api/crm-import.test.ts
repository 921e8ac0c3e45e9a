import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportRecords, type ExportLine, type ImportUnitOfWork, type Store } from '@rapport/core';
import { unzipSync } from 'fflate';
import { runCli, type CliIo } from '@rapport/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabaseHandle } from '../support/databases.js';

const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/crm-exports/${path}`, import.meta.url));

function cli(database: TestDatabaseHandle): (argv: string[]) => Promise<{ code: number; out: string[]; err: string[] }> {
  return async (argv) => {
    const out: string[] = [];
    const err: string[] = [];
    const env = { RAPPORT_DATA_DIR: database.dataDir, ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}) };
    const io: CliIo = { out: (l) => out.push(...l.split('\n')), err: (l) => err.push(l), env };
    return { code: await runCli(argv, io), out, err };
  };
}

const HUBSPOT = ['hubspot/hubspot-notes.csv', 'hubspot/hubspot-deals.csv', 'hubspot/hubspot-contacts.csv', 'hubspot/hubspot-companies.csv'].map(fixture);

describe.each(ENGINES)('importing CRM exports on $engine', ({ engine, available }) => {
  let database: TestDatabaseHandle;
  let rapport: ReturnType<typeof cli>;
  let store: Store<ImportUnitOfWork>;

  beforeAll(async () => {
    if (!available) return;
    database = await freshDatabase(engine);
    rapport = cli(database);
    expect((await rapport(['user', 'add', '--email', 'ada@rapport.test', '--name', 'Ada', '--role', 'admin'])).code).toBe(0);
    expect((await rapport(['user', 'add', '--email', 'ann@rapport.test', '--name', 'Ann'])).code).toBe(0);
    store = (await database.open()) as unknown as Store<ImportUnitOfWork>;
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it.skipIf(!available)('previews a HubSpot export without writing, then imports it with its links and a report of the rejected rows', async () => {
    const preview = await rapport(['import', ...HUBSPOT]);
    expect(preview.code).toBe(0);
    expect(preview.out.join('\n')).toContain('hubspot-companies.csv: HubSpot companies, 6 rows; columns not imported: Create Date, Favourite Tool');
    expect(preview.out.find((l) => l.trim().startsWith('account'))).toMatch(/3 to create\s+1 to update\s+0 unchanged\s+2 rejected/);
    expect(preview.out.find((l) => l.trim().startsWith('contact'))).toMatch(/4 to create\s+1 to update\s+0 unchanged\s+2 rejected/);
    expect(preview.out.at(-1)).toContain('Nothing was written');
    expect(await store.read((uow) => uow.accounts.list({}, { limit: 10 }))).toEqual({ items: [], nextCursor: null });

    const run = await rapport(['import', ...HUBSPOT, '--yes']);
    expect(run.code).toBe(0);
    const reportPath = run.out.at(-1)?.replace(/^.*: /, '') ?? '';
    const report = readFileSync(reportPath, 'utf8');
    expect(report).toContain('hubspot-companies.csv,5,account,"Unknown owner: ""nobody@else.test"" is no Rapport user\'s email or name."');
    expect(report).toContain('hubspot-contacts.csv,6,contact,"Bad email: ""not-an-email""."');
    expect(report).toMatch(/hubspot-deals\.csv,5,deal,"Unknown stage: ""Blue sky""/);
    expect(report).toContain('hubspot-deals.csv,6,deal,"Bad amount: ""lots"" is not an amount."');
    expect(report).toMatch(/hubspot-deals\.csv,7,deal,"Date in an unknown format|hubspot-deals\.csv,7,deal,"""2026-13-45"" is not a real date/);
    expect(report).toContain('hubspot-notes.csv,4,activity,"The activity links to no contact');

    const sakura = (await store.read((uow) => uow.accounts.findByDomains(['sakura.example.jp'])))[0];
    expect(sakura).toMatchObject({ name: '株式会社さくら', size: '11-50', industry: 'Retail' });
    const [misaki] = await store.read((uow) => uow.contacts.findByEmails(['misaki@sakura.example.jp']));
    expect(misaki).toMatchObject({ name: '美咲 佐藤', accountId: sakura?.id, title: '営業部長' });
    const acme = (await store.read((uow) => uow.accounts.findByDomains(['acme-robotics.example'])))[0];
    expect(acme?.name).toBe('Acme Robotics GmbH');
    const deals = await store.read((uow) => uow.deals.list({ accountId: acme?.id ?? '' }, { limit: 10 }));
    expect(deals.items).toEqual([expect.objectContaining({ title: 'Acme robot fleet', amount: { minor: 1_250_000, currency: 'USD' }, stageId: 'proposal', expectedCloseDate: '2026-06-30' })]);
    const olga = await store.read((uow) => uow.deals.list({ statuses: ['won'] }, { limit: 10 }));
    expect(olga.items).toEqual([expect.objectContaining({ title: 'Olga renewal', amount: { minor: 123_456, currency: 'EUR' }, status: 'won' })]);

    const again = await rapport(['import', ...HUBSPOT, '--yes']);
    expect(again.code).toBe(0);
    for (const kind of ['account', 'contact', 'deal', 'activity']) expect(again.out.findLast((l) => l.trim().startsWith(kind))).toMatch(/^\s*\S+\s+0 created/);
  });

  it.skipIf(!available)('imports a Salesforce export, owners found through its user file and stages through a mapping', async () => {
    const files = ['Account.csv', 'Contact.csv', 'Opportunity.csv', 'Task.csv', 'User.csv'].map((f) => fixture(`salesforce/${f}`));
    const run = await rapport(['import', ...files, '--yes', '--stage', 'Negotiation/Review=negotiation', '--stage', 'Prospecting=lead']);
    expect(run.code).toBe(0);
    const [nordwind] = await store.read((uow) => uow.accounts.findByDomains(['nordwind.example']));
    expect(nordwind).toMatchObject({ name: 'Nordwind Logistik GmbH', size: '5001+' });
    const [ann] = await store.read((uow) => uow.contacts.findByEmails(['wei.wang@xingchen.example.cn']));
    const annUser = await store.read((uow) => uow.users.findByEmail('ann@rapport.test'));
    expect(ann).toMatchObject({ name: '伟 王', ownerId: annUser?.id });
    const deals = await store.read((uow) => uow.deals.list({ accountId: nordwind?.id ?? '' }, { limit: 10 }));
    expect(deals.items.map((d) => [d.title, d.stageId, d.probability]).sort()).toEqual([['Nordwind fleet telematics', 'negotiation', 80], ['Nordwind pilot', 'lead', 10]]);
    const report = readFileSync(run.out.at(-1)?.replace(/^.*: /, '') ?? '', 'utf8');
    expect(report).toContain('Account.csv,4,account,"Unknown owner: ""0058d000001GoneAA""');
    expect(report).toContain('Contact.csv,5,contact,"Unknown account');
    expect(report).toContain('Task.csv,4,activity,"The activity links to no contact, account or deal this import or an earlier one brought in."');
  });

  it.skipIf(!available)('imports a Pipedrive export, linking people, deals and activities by name', async () => {
    const files = ['organizations.csv', 'people.csv', 'deals.csv', 'activities.csv'].map((f) => fixture(`pipedrive/${f}`));
    const run = await rapport(['import', ...files, '--yes']);
    expect(run.code).toBe(0);
    const [fjord] = await store.read((uow) => uow.accounts.findByDomains(['fjordfisk.example']));
    const deals = await store.read((uow) => uow.deals.list({ accountId: fjord?.id ?? '' }, { limit: 10 }));
    expect(deals.items).toEqual([expect.objectContaining({ title: 'Fjord Fisk cold chain', amount: { minor: 123_456_789, currency: 'NOK' }, stageId: 'qualified', status: 'open' })]);
    const lost = await store.read((uow) => uow.deals.list({ statuses: ['lost'] }, { limit: 10 }));
    expect(lost.items.map((d) => d.title)).toEqual(['Şehir lisans']);
    const report = readFileSync(run.out.at(-1)?.replace(/^.*: /, '') ?? '', 'utf8');
    expect(report).toContain('people.csv,4,contact,"Unknown owner: ""Zed Unknown""');
    expect(report).toContain('deals.csv,4,deal,Unknown account: the deal names no account');
  });

  it.skipIf(!available)('refuses a file that is not UTF-8, naming the line', async () => {
    const result = await rapport(['import', fixture('broken/latin1-contacts.csv')]);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toContain('latin1-contacts.csv, line 3: the file is not UTF-8 text');
  });

  it.skipIf(!available)('exports everything and restores it into an empty hub with nothing lost; the CSV zip holds a file per kind that imports back', async () => {
    const jsonl = join(database.dataDir, 'everything.jsonl');
    expect((await rapport(['export', '--format', 'jsonl', '--out', jsonl])).code).toBe(0);
    const empty = await freshDatabase(engine);
    try {
      const restored = await cli(empty)(['import', jsonl]);
      expect(restored.code).toBe(0);
      expect(restored.out[0]).toMatch(/^Restored: \d+ team, 2 user, \d+ pipeline, \d+ account/);
      const lines = async (from: Store): Promise<ExportLine[]> => {
        const all: ExportLine[] = [];
        for await (const line of exportRecords(from)) all.push(line);
        return all;
      };
      const copy = await empty.open();
      try {
        const before = await lines(store);
        const after = await lines(copy);
        expect(before.filter((l) => l.kind !== 'pipeline')).toEqual(after.filter((l) => l.kind !== 'pipeline'));
        expect(after.filter((l) => l.kind === 'pipeline' && l.record.isDefault)).toEqual(before.filter((l) => l.kind === 'pipeline' && l.record.isDefault));
        expect(before.filter((l) => l.kind === 'deal').length).toBeGreaterThan(3);
        expect(before.filter((l) => l.kind === 'stage_change').length).toBe(before.filter((l) => l.kind === 'deal').length);
      } finally {
        await copy.close();
      }
    } finally {
      await empty.drop();
    }

    const zipPath = join(database.dataDir, 'everything.zip');
    expect((await rapport(['export', '--out', zipPath])).code).toBe(0);
    const files = unzipSync(readFileSync(zipPath));
    expect(Object.keys(files).sort()).toEqual(['accounts.csv', 'activities.csv', 'contacts.csv', 'deal-stage-history.csv', 'deals.csv', 'pipelines.csv', 'teams.csv', 'users.csv'].filter((f) => f !== 'teams.csv' || files[f]));
    const folder = join(database.dataDir, 'unzipped');
    mkdirSync(folder, { recursive: true });
    for (const name of ['accounts.csv', 'contacts.csv', 'deals.csv', 'activities.csv']) writeFileSync(join(folder, name), files[name] ?? new Uint8Array());
    const again = await rapport(['import', ...['accounts.csv', 'contacts.csv', 'deals.csv', 'activities.csv'].map((f) => join(folder, f))]);
    expect(again.code).toBe(0);
    expect(again.out.join('\n')).toMatch(/^accounts\.csv: Rapport accounts/m);
    for (const kind of ['account', 'contact', 'deal', 'activity']) expect(again.out.find((l) => l.startsWith(`  ${kind} `))).toMatch(/^\s*\S+\s+0 to create/);
  });
});
