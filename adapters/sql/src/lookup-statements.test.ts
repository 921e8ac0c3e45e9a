import { createServices, ManualClock, SequentialIds } from '@rapport/core';
import { aContact, anAccount, aUser } from '@rapport/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCountingSqliteStore, type CountingSqliteStore } from './testing/index.js';

describe('lookup by email on SQLite', () => {
  let counting: CountingSqliteStore;
  const user = aUser({ role: 'rep' });
  const acme = anAccount({ name: 'Acme', domains: ['acme.com'] });
  const ann = aContact({ name: 'Ann Lee', emails: ['ann@acme.com'], accountId: acme.id });
  const actor = { user, surface: 'gmail' as const };

  beforeAll(async () => {
    counting = await createCountingSqliteStore();
    await counting.store.transaction(async (uow) => {
      await uow.users.insert(user);
      await uow.accounts.insert(acme);
      await uow.contacts.insert(ann);
    });
  });
  afterAll(() => counting.store.close());

  const lookup = (query: string) => {
    const services = createServices({ store: counting.store, clock: new ManualClock(new Date('2026-11-23T10:00:00Z')), ids: new SequentialIds() });
    counting.reset();
    return services.lookup.lookup(actor, query);
  };

  it('finds the contact, its account and the domain in two statements', async () => {
    const matches = await lookup('Ann@Acme.com');
    expect(matches.map((m) => [m.kind, m.matchedBy])).toEqual([['contact', 'email'], ['account', 'domain']]);
    expect(matches[0]?.kind === 'contact' && matches[0].account?.name).toBe('Acme');
    expect(counting.statements).toHaveLength(2);
  });

  it('finds the same mailbox written with a +tag, and an account by a subdomain of its domain, still in two', async () => {
    const matches = await lookup('ann+news@eu.acme.com');
    expect(matches.map((m) => [m.kind, m.matchedBy])).toEqual([['account', 'domain']]);
    const tagged = await lookup('ann+news@acme.com');
    expect(tagged.map((m) => [m.kind, m.matchedBy])).toEqual([['contact', 'canonical_email'], ['account', 'domain']]);
    expect(counting.statements).toHaveLength(2);
  });
});
