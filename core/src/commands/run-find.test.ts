import { beforeEach, describe, expect, it } from 'vitest';
import type { LookupMatch } from '../lookup/lookup.service.js';
import { anAccount } from '../testing/builders.js';
import { createCommandWorld, type CommandWorld } from '../testing/command-world.js';
import type { CommandOutcome, FindOutcome } from './command-outcome.js';
import { clearTopMatch } from './run-find.js';

function asFind(outcome: CommandOutcome): FindOutcome {
  if (outcome.kind !== 'find') throw new Error(`expected a find outcome, got ${outcome.kind}`);
  return outcome;
}

const names = (outcome: FindOutcome): string[] => outcome.matches.map((m) => (m.kind === 'contact' ? m.contact.name : m.account.name));

describe('find', () => {
  let w: CommandWorld;
  let find: (text: string) => Promise<FindOutcome>;
  beforeEach(async () => {
    w = await createCommandWorld();
    find = async (text) => asFind(await w.runText(w.users.ann, text));
  });

  it('opens the card of a contact found by exact email', async () => {
    const outcome = await find('find Ann.Lee@acme.com');
    expect(outcome.matches[0]).toMatchObject({ kind: 'contact', matchedBy: 'email', contact: { id: w.contacts.annLee.id } });
    expect(outcome.card).toMatchObject({ contact: { id: w.contacts.annLee.id }, account: { id: w.accounts.acme.id } });
    expect(outcome.card?.openDeals.map((d) => d.deal.title).sort()).toEqual(['Acme expansion', 'Acme renewal']);
    expect(outcome.summary).toBe('Found Ann Lee at Acme Corp, and 1 other match.');
  });

  it('opens the card of the only match', async () => {
    const outcome = await find('find globex');
    expect(names(outcome)).toEqual(['Globex GmbH']);
    expect(outcome.card?.account?.id).toBe(w.accounts.globex.id);
    expect(outcome.summary).toBe('Found Globex GmbH.');
  });

  it('opens the card of an exact name that is ahead of longer names', async () => {
    const outcome = await find('find initech');
    expect(names(outcome)).toEqual(['Initech', 'Initech Labs']);
    expect(outcome.card?.account?.id).toBe(w.accounts.initech.id);
  });

  it('lists several matches without a card when none is clearly meant', async () => {
    const outcome = await find('find acme');
    expect(names(outcome)).toEqual(['Acme Corp', 'Acme Robotics']);
    expect(outcome.card).toBeNull();
    expect(outcome.summary).toBe('2 matches for “acme”. Pick one to see its card.');
  });

  it('finds Chinese names and names without their accents', async () => {
    const huawei = await find('find 华为');
    expect(huawei.card?.account?.id).toBe(w.accounts.huawei.id);
    const jose = await find('find jose');
    expect(jose.card?.contact?.name).toBe('José Núñez');
    expect(jose.summary).toBe('Found José Núñez at Iberia Foods.');
  });

  it('says what to try when nothing matches', async () => {
    const outcome = await find('find hooli');
    expect(outcome).toMatchObject({ matches: [], card: null });
    expect(outcome.summary).toBe('Nothing matches “hooli”. Try part of a name, an email address or a web domain.');
  });
});

describe('clearTopMatch', () => {
  const account = (name: string, matchedBy: LookupMatch['matchedBy']): LookupMatch => ({ kind: 'account', account: anAccount({ name }), matchedBy });

  it('is null when two matches are as good as each other', () => {
    expect(clearTopMatch([account('Acme', 'exact_name'), account('ACME', 'exact_name')])).toBeNull();
    expect(clearTopMatch([account('Acme Corp', 'name_prefix'), account('Acme Labs', 'name_prefix')])).toBeNull();
    expect(clearTopMatch([])).toBeNull();
  });

  it('is the exact name when the rest only start with it', () => {
    const exact = account('Acme', 'exact_name');
    expect(clearTopMatch([exact, account('Acme Labs', 'name_prefix')])).toBe(exact);
  });
});
