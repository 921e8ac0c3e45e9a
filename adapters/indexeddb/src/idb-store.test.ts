import 'fake-indexeddb/auto';
import { describeStoreContract } from '@rapport/core/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AnalyticsServiceDeps, AnalyticsStore, ServiceDeps, Store } from '@rapport/core';
import { anAccount, aContact } from '@rapport/core/testing';
import { IdbStore } from './idb-store.js';

let databases = 0;
const fresh = (): Promise<IdbStore> => IdbStore.open(`rapport-test-${(databases += 1)}`);

describeStoreContract(
  'indexeddb',
  async () => {
    const store = await fresh();
    return { store, cleanup: () => store.close() };
  },
  { analytics: false },
);

describe('IdbStore', () => {
  it('is a Store of kind "indexeddb"', () => {
    expectTypeOf<IdbStore>().toExtend<Store>();
    expectTypeOf<IdbStore['kind']>().toEqualTypeOf<'indexeddb'>();
  });

  it('says in its type that it has no analytics: it is no AnalyticsStore and runs no analytics services', () => {
    expectTypeOf<IdbStore>().not.toExtend<AnalyticsStore>();
    expectTypeOf<ServiceDeps<IdbStore>>().toExtend<ServiceDeps>();
    expectTypeOf<ServiceDeps<IdbStore>>().not.toExtend<AnalyticsServiceDeps>();
    // The contract suite runs the analytics cases on an AnalyticsStore only: for this store
    // the types require `{ analytics: false }`.
    // @ts-expect-error -- an IdbStore factory without the option does not compile
    expectTypeOf(describeStoreContract).toBeCallableWith('indexeddb', async () => ({ store: await fresh(), cleanup: async () => {} }));
    expectTypeOf(describeStoreContract).toBeCallableWith('indexeddb', async () => ({ store: await fresh(), cleanup: async () => {} }), { analytics: false });
  });

  it('keeps what was written when the database is opened again', async () => {
    const name = `rapport-reopen-${(databases += 1)}`;
    const first = await IdbStore.open(name);
    const account = anAccount({ name: '深圳华为技术有限公司', domains: ['huawei.example'] });
    const contact = aContact({ name: 'Zoë Ångström', emails: ['zoe@huawei.example'], accountId: account.id });
    await first.transaction(async (uow) => {
      await uow.accounts.insert(account);
      await uow.contacts.insert(contact);
    });
    await first.close();
    const again = await IdbStore.open(name);
    expect(await again.read((uow) => uow.contacts.findByEmails(['ZOE@huawei.example']))).toEqual([contact]);
    expect((await again.read((uow) => uow.search.customers({ words: ['华为'], limit: 5 }))).accounts).toEqual([account]);
    await again.close();
  });
});
