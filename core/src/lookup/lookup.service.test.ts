import { beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../shared/errors.js';
import { createWorld, type World } from '../testing/world.js';

describe('LookupService', () => {
  let world: World;
  let ids: { acme: string; ann: string; huawei: string; jose: string };

  beforeEach(async () => {
    world = await createWorld();
    const { accounts, contacts } = world.services;
    const ann = world.as(world.users.ann);
    const acme = await accounts.create(ann, { name: 'Acme Corp', domains: ['acme.com'] });
    const acmeRobotics = await accounts.create(ann, { name: 'Acme Robotics', domains: ['acme-robotics.io'] });
    const huawei = await accounts.create(ann, { name: '深圳华为技术有限公司', domains: ['huawei.example'] });
    const annLee = await contacts.create(ann, { name: 'Ann Lee', emails: ['Ann.Lee@acme.com'], accountId: acme.id });
    await contacts.create(ann, { name: 'Lee Annabel', emails: ['annabel@acme-robotics.io'], accountId: acmeRobotics.id });
    const jose = await contacts.create(ann, { name: 'José Núñez', emails: ['jose@acme.com'], accountId: acme.id });
    await contacts.create(ann, { name: '王伟', emails: ['wang.wei@huawei.example'], accountId: huawei.id });
    ids = { acme: acme.id, ann: annLee.id, huawei: huawei.id, jose: jose.id };
  });

  const lookup = (q: string) => world.services.lookup.lookup(world.as(world.users.bo), q);

  it('finds a contact by exact email, ignoring case, and ranks it first', async () => {
    const [first, ...rest] = await lookup('ANN.LEE@ACME.COM');
    expect(first).toMatchObject({ kind: 'contact', matchedBy: 'email', contact: { id: ids.ann } });
    expect(first?.kind === 'contact' && first.account?.name).toBe('Acme Corp');
    // The sender's company comes next, found by domain.
    expect(rest[0]).toMatchObject({ kind: 'account', matchedBy: 'domain', account: { id: ids.acme } });
  });

  it('understands plus-addressing', async () => {
    const [first] = await lookup('ann.lee+newsletter@acme.com');
    expect(first).toMatchObject({ kind: 'contact', matchedBy: 'canonical_email', contact: { id: ids.ann } });
  });

  it('finds the account of an unknown sender at a known domain, and at a subdomain', async () => {
    expect(await lookup('new.person@acme.com')).toEqual([expect.objectContaining({ kind: 'account', matchedBy: 'domain', account: expect.objectContaining({ id: ids.acme }) })]);
    const [sub] = await lookup('someone@eu.acme.com');
    expect(sub).toMatchObject({ kind: 'account', account: { id: ids.acme } });
  });

  it('never matches an account by a free-mail domain', async () => {
    expect(await lookup('stranger@gmail.com')).toEqual([]);
  });

  it('matches names by prefix across words, in any order', async () => {
    const names = (await lookup('ann lee')).map((m) => (m.kind === 'contact' ? m.contact.name : m.account.name));
    expect(names).toEqual(['Ann Lee', 'Lee Annabel']);
  });

  it('gives a contact found by name its account', async () => {
    const [first] = await lookup('ann lee');
    expect(first?.kind === 'contact' && first.account?.name).toBe('Acme Corp');
  });

  it('ranks an exact name above prefix matches and lists accounts by company prefix', async () => {
    const names = (await lookup('acme')).map((m) => (m.kind === 'contact' ? m.contact.name : m.account.name));
    expect(names.slice(0, 2)).toEqual(['Acme Corp', 'Acme Robotics']);
  });

  it('finds Chinese names inside longer company names', async () => {
    const [first] = await lookup('华为');
    expect(first).toMatchObject({ kind: 'account', account: { id: ids.huawei } });
    const [person] = await lookup('王');
    expect(person).toMatchObject({ kind: 'contact', contact: { name: '王伟' } });
  });

  it('folds accents so "jose nunez" finds José Núñez', async () => {
    const [first] = await lookup('jose nunez');
    expect(first).toMatchObject({ kind: 'contact', contact: { id: ids.jose } });
  });

  it('refuses an empty query with a message saying what to type', async () => {
    await expect(lookup('   ')).rejects.toThrow(/Type a name, a company, an email/);
    await expect(lookup('   ')).rejects.toBeInstanceOf(CrmError);
  });
});
