import { beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../shared/errors.js';
import { createCommandWorld, type CommandWorld } from '../testing/command-world.js';
import type { CommandOutcome, DealOutcome } from './command-outcome.js';

function asDeal(outcome: CommandOutcome): DealOutcome {
  if (outcome.kind !== 'deal') throw new Error(`expected a deal outcome, got ${outcome.kind}: ${outcome.summary}`);
  return outcome;
}

describe('deal actions', () => {
  let w: CommandWorld;
  let deal: (text: string) => Promise<DealOutcome>;
  beforeEach(async () => {
    w = await createCommandWorld();
    deal = async (text) => asDeal(await w.runText(w.users.ann, text));
  });

  describe('stage', () => {
    it('moves the deal by stage name and records who moved it from where', async () => {
      const outcome = await deal('deal acme stage proposal');
      expect(outcome).toMatchObject({ changed: true, stageName: 'Proposal', previousStageName: 'Demo', accountName: 'Acme Corp' });
      expect(outcome.summary).toBe('Moved “Acme renewal” to Proposal (was Demo).');
      const history = await w.services.deals.history(w.as(w.users.ann), w.deals.acmeRenewal.id);
      expect(history.at(-1)).toMatchObject({ fromStageId: 'demo', stageId: 'proposal', actorId: w.users.ann.id, surface: 'slack' });
    });

    it('reads the stage without regard to case, width or accents', async () => {
      expect((await deal('deal acme stage ＮＥＧＯＴＩＡＴＩＯＮ')).deal.stageId).toBe('negotiation');
      expect((await deal('deal acme stage Démo')).deal.stageId).toBe('demo');
    });

    it('says when the deal is already in that stage', async () => {
      const outcome = await deal('deal acme stage demo');
      expect(outcome).toMatchObject({ changed: false, deal: { version: w.deals.acmeRenewal.version } });
      expect(outcome.summary).toBe('“Acme renewal” is already in Demo.');
    });

    it('lists the stages when the one typed does not exist', async () => {
      await expect(deal('deal acme stage closing')).rejects.toMatchObject({
        code: 'invalid_input',
        message: 'No stage "closing" in Sales. Stages: Lead, Qualified, Demo, Proposal, Negotiation.',
      });
    });
  });

  describe('amount', () => {
    it('reads the amount in the deal\'s currency: 12.5k on a EUR deal is 1,250,000 cents', async () => {
      const outcome = await deal('deal globex amount 12.5k');
      expect(outcome.deal.amount).toEqual({ minor: 1_250_000, currency: 'EUR' });
      expect(outcome.summary).toBe('Set “Globex platform” to €12,500 (was €10,000).');
      expect((await w.reload(w.deals.globex)).amount).toEqual({ minor: 1_250_000, currency: 'EUR' });
    });

    it('accepts the deal\'s own currency, written either way', async () => {
      expect((await deal('deal globex amount € 9.99')).deal.amount).toEqual({ minor: 999, currency: 'EUR' });
      expect((await deal('deal globex amount 20000 eur')).deal.amount).toEqual({ minor: 2_000_000, currency: 'EUR' });
      expect((await deal('deal acme amount $80k')).deal.amount).toEqual({ minor: 8_000_000, currency: 'USD' });
    });

    it('refuses another currency, saying amounts stay in the deal\'s currency', async () => {
      const refused = deal('deal globex amount 9.99 gbp');
      await expect(refused).rejects.toBeInstanceOf(CrmError);
      await expect(refused).rejects.toMatchObject({
        code: 'invalid_input',
        message:
          "“Globex platform” is in EUR, not GBP: amounts stay in the deal's currency. Type the amount in EUR, or without a currency: deal globex amount 9.99.",
      });
      await expect(deal('deal globex amount $80k')).rejects.toMatchObject({ code: 'invalid_input', details: { dealCurrency: 'EUR', typedCurrency: '$' } });
      expect((await w.reload(w.deals.globex)).amount).toEqual({ minor: 1_000_000, currency: 'EUR' });
    });

    it('reads ¥ in the currency of a yuan deal', async () => {
      const outcome = asDeal(await w.runText(w.users.raj, 'deal 华为 amount ¥600000'));
      expect(outcome.deal.amount).toEqual({ minor: 60_000_000, currency: 'CNY' });
    });
  });

  it('stores the expected close date', async () => {
    const outcome = await deal('deal acme close next friday');
    expect(outcome.deal.expectedCloseDate).toBe('2026-03-13');
    expect((await w.reload(w.deals.acmeRenewal)).expectedCloseDate).toBe('2026-03-13');
    expect(outcome.summary).toBe('“Acme renewal” is now expected to close on 2026-03-13 (no date before).');
  });

  it('wins the deal', async () => {
    const outcome = await deal('deal acme won');
    expect(outcome.deal).toMatchObject({ status: 'won', probability: 100 });
    expect(outcome.summary).toBe('Won “Acme renewal” ($10,000).');
  });

  it('loses the deal with its reason and the competitor', async () => {
    const outcome = await deal('deal globex lose price to Initrode AG');
    expect(outcome.deal).toMatchObject({ status: 'lost', lostReason: 'price', competitor: 'Initrode AG' });
    expect(outcome.summary).toBe('Marked “Globex platform” lost: price, to Initrode AG.');
    expect(await w.reload(w.deals.globex)).toMatchObject({ status: 'lost', competitor: 'Initrode AG' });
  });

  it('logs a note on the deal, its account and contact', async () => {
    const outcome = await deal('deal josé note 客户希望下周一再谈');
    expect(outcome.note).toMatchObject({ type: 'note', body: '客户希望下周一再谈', dealId: w.deals.iberia.id, accountId: w.accounts.iberia.id, authorId: w.users.ann.id, surface: 'slack' });
    expect(outcome.summary).toBe('Added a note to “Iberia rollout”.');
    const logged = await w.services.activities.list(w.as(w.users.mia), { about: { dealIds: [w.deals.iberia.id] } }, { limit: 10 });
    expect(logged.items.map((a) => a.body)).toEqual(['客户希望下周一再谈']);
  });

  it('leaves permissions to the services: a rep cannot win someone else\'s deal', async () => {
    const run = deal('deal initech win');
    await expect(run).rejects.toMatchObject({
      code: 'forbidden',
      message: 'You can change deals you own or collaborate on; ask its owner or a manager.',
    });
    expect((await w.reload(w.deals.initech)).status).toBe('open');
  });

  it('lets the owner\'s manager act on the deal', async () => {
    const outcome = asDeal(await w.runText(w.users.will, 'deal initech win'));
    expect(outcome.deal.status).toBe('won');
  });
});
