import { beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../shared/errors.js';
import { createCommandWorld, type CommandWorld } from '../testing/command-world.js';
import type { ChooseDealOutcome, CommandOutcome, DealOutcome } from './command-outcome.js';
import { resolveDeal } from './resolve-deal.js';

function asDeal(outcome: CommandOutcome): DealOutcome {
  if (outcome.kind !== 'deal') throw new Error(`expected a deal outcome, got ${outcome.kind}: ${outcome.summary}`);
  return outcome;
}

function asChoice(outcome: CommandOutcome): ChooseDealOutcome {
  if (outcome.kind !== 'choose_deal') throw new Error(`expected choose_deal, got ${outcome.kind}: ${outcome.summary}`);
  return outcome;
}

describe('deal: finding the deal', () => {
  let w: CommandWorld;
  beforeEach(async () => {
    w = await createCommandWorld();
  });

  it('finds the open deal of an account by its name', async () => {
    const outcome = asDeal(await w.runText(w.users.mia, 'deal globex stage negotiation'));
    expect(outcome.deal).toMatchObject({ id: w.deals.globex.id, stageId: 'negotiation' });
    expect(outcome.accountName).toBe('Globex GmbH');
  });

  it('finds the deal of a contact by their email address, in any case', async () => {
    const outcome = asDeal(await w.runText(w.users.mia, 'deal JOSE@iberia.example stage demo'));
    expect(outcome.deal).toMatchObject({ id: w.deals.iberia.id, stageId: 'demo' });
  });

  it('narrows an account\'s deals by words of the title after the account name', async () => {
    const outcome = asDeal(await w.runText(w.users.mia, 'deal acme expansion stage demo'));
    expect(outcome.deal).toMatchObject({ id: w.deals.acmeExpansion.id, stageId: 'demo' });
    const prefix = asDeal(await w.runText(w.users.mia, 'deal acme corp ren stage proposal'));
    expect(prefix.deal).toMatchObject({ id: w.deals.acmeRenewal.id, stageId: 'proposal' });
  });

  it('offers a choice when several open deals match, and changes nothing', async () => {
    const choice = asChoice(await w.runText(w.users.mia, 'deal acme win'));
    expect(choice.candidates.map((c) => [c.accountName, c.deal.title, c.stageName, c.amount])).toEqual([
      ['Acme Corp', 'Acme expansion', 'Lead', { minor: 4_000_000, currency: 'USD' }],
      ['Acme Corp', 'Acme renewal', 'Demo', { minor: 1_000_000, currency: 'USD' }],
      ['Acme Robotics', 'Robotics pilot', 'Qualified', { minor: 500_000, currency: 'USD' }],
    ]);
    expect(choice).toMatchObject({ query: 'acme', action: { type: 'win' }, total: 3 });
    expect(choice.summary).toBe('3 open deals match “acme”. Pick one, or add a word of its title after “acme”.');
    expect((await w.reload(w.deals.acmeRenewal)).status).toBe('open');
  });

  it('runs the picked candidate\'s command on that deal', async () => {
    const choice = asChoice(await w.runText(w.users.mia, 'deal acme stage proposal'));
    const picked = choice.candidates.find((c) => c.deal.id === w.deals.acmeExpansion.id);
    if (!picked) throw new Error('Acme expansion is not offered');
    const outcome = asDeal(await w.run(w.users.mia, picked.command));
    expect(outcome.summary).toBe('Moved “Acme expansion” to Proposal (was Lead).');
  });

  it('prefers the deals the person owns or collaborates on', async () => {
    const ann = asDeal(await w.runText(w.users.ann, 'deal acme stage proposal'));
    expect(ann.deal.id).toBe(w.deals.acmeRenewal.id);
    await w.services.deals.update(w.as(w.users.admin), w.deals.roboticsPilot.id, { collaboratorIds: [w.users.ann.id] });
    const both = asChoice(await w.runText(w.users.ann, 'deal acme stage negotiation'));
    expect(both.candidates.map((c) => [c.deal.title, c.yours])).toEqual([
      ['Acme renewal', true],
      ['Robotics pilot', true],
    ]);
  });

  it('prefers an account named exactly as typed over longer names', async () => {
    const outcome = asDeal(await w.runText(w.users.will, 'deal initech stage demo'));
    expect(outcome.deal.id).toBe(w.deals.initech.id);
  });

  it('never offers a closed deal', async () => {
    const resolved = await resolveDeal(w.services, w.as(w.users.admin), 'acme renewal');
    expect(resolved.map((r) => r.deal.title)).toEqual(['Acme renewal']);
  });

  it('takes a deal id as it is, whatever its status', async () => {
    const outcome = asDeal(await w.runText(w.users.ann, `deal ${w.deals.acmeWon.id} note renewal signed on paper`));
    expect(outcome.note).toMatchObject({ dealId: w.deals.acmeWon.id });
    const shouted = asDeal(await w.runText(w.users.ann, `deal ${w.deals.acmeRenewal.id.toUpperCase()} stage proposal`));
    expect(shouted.deal).toMatchObject({ id: w.deals.acmeRenewal.id, stageId: 'proposal' });
    await expect(w.runText(w.users.ann, `deal ${w.deals.acmeWon.id} stage demo`)).rejects.toMatchObject({
      code: 'conflict',
      message: '"Acme 2025 renewal" is won. A manager can reopen it if it should move stage.',
    });
  });

  it('finds names in Chinese and without their accents', async () => {
    const huawei = asDeal(await w.runText(w.users.raj, 'deal 华为 win'));
    expect(huawei.deal).toMatchObject({ id: w.deals.huawei.id, status: 'won' });
    const jose = asDeal(await w.runText(w.users.ann, 'deal josé stage demo'));
    expect(jose.deal).toMatchObject({ id: w.deals.iberia.id, stageId: 'demo' });
    const bare = asDeal(await w.runText(w.users.ann, 'deal JOSE NUNEZ stage proposal'));
    expect(bare.summary).toBe('Moved “Iberia rollout” to Proposal (was Demo).');
  });
});

describe('deal: nothing found', () => {
  let w: CommandWorld;
  beforeEach(async () => {
    w = await createCommandWorld();
  });

  it('says no customer matched and suggests find', async () => {
    const run = w.runText(w.users.ann, 'deal hooli win');
    await expect(run).rejects.toBeInstanceOf(CrmError);
    await expect(run).rejects.toMatchObject({
      code: 'not_found',
      message: 'No account or contact matches “hooli”, so there is no deal to change. Type find hooli to check the name, or give the deal\'s id.',
    });
  });

  it('says the customer has no open deals', async () => {
    await expect(w.runText(w.users.ann, 'deal umbrella win')).rejects.toMatchObject({
      code: 'not_found',
      message: 'Umbrella Ltd has no open deals. Type find umbrella to see the customer.',
    });
  });

  it('says which customers were searched when no title matches', async () => {
    await expect(w.runText(w.users.ann, 'deal acme pricing win')).rejects.toMatchObject({
      code: 'not_found',
      message: 'No open deal of Acme Corp or Acme Robotics has “pricing” in its title. Type find acme to see their open deals.',
      details: { customers: ['Acme Corp', 'Acme Robotics'], titleWords: 'pricing' },
    });
  });

  it('explains an unknown deal id', async () => {
    await expect(w.runText(w.users.ann, 'deal deal_zzz999 win')).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/^No deal with id deal_zzz999\. Type find <customer>/),
    });
  });
});
