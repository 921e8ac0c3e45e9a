import { CrmError, MemoryStore } from '@rapport/core';
import { aTeam, anAccount } from '@rapport/core/testing';
import { describe, expect, it } from 'vitest';
import { BatchedStore } from './batched-store.js';

describe('BatchedStore', () => {
  it('lands every write of a batch, made through separate units of work, together', async () => {
    const target = new MemoryStore();
    const store = new BatchedStore(target);
    const account = anAccount({ name: 'Acme' });
    await store.batch(async () => {
      await store.transaction((uow) => uow.teams.insert(aTeam({ name: 'North' })));
      await store.transaction((uow) => uow.accounts.insert(account));
      expect(await store.read((uow) => uow.accounts.get(account.id))).not.toBeNull();
    });
    expect(await target.read((uow) => uow.teams.list())).toHaveLength(1);
    expect((await target.read((uow) => uow.accounts.get(account.id)))?.name).toBe('Acme');
  });

  it('rolls the whole batch back when one of its steps fails', async () => {
    const target = new MemoryStore();
    const store = new BatchedStore(target);
    const account = anAccount({ name: 'Acme' });
    const failing = store.batch(async () => {
      await store.transaction((uow) => uow.accounts.insert(account));
      await store.transaction((uow) => uow.accounts.insert({ ...account, name: 'Acme again' }));
    });
    await expect(failing).rejects.toThrow(CrmError);
    expect(await target.read((uow) => uow.accounts.get(account.id))).toBeNull();
  });

  it('refuses work outside a batch and leaves the real store open when closed', async () => {
    const target = new MemoryStore();
    const store = new BatchedStore(target);
    await expect(store.read((uow) => uow.teams.list())).rejects.toThrow(/outside a batch/);
    await store.close();
    expect(await target.read((uow) => uow.teams.list())).toEqual([]);
  });
});
