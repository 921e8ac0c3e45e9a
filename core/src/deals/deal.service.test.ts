import { beforeEach, describe, expect, it } from 'vitest';
import { CrmError } from '../shared/errors.js';
import { createWorld, type World } from '../testing/world.js';
import type { Deal } from './deal.schema.js';

const DAY = 86_400_000;

describe('DealService', () => {
  let world: World;
  let deal: Deal;

  beforeEach(async () => {
    world = await createWorld();
    const ann = world.as(world.users.ann);
    const account = await world.services.accounts.create(ann, { name: 'Acme Corp', domains: ['acme.com'] });
    deal = await world.services.deals.create(ann, { title: 'Acme renewal', accountId: account.id, amount: { minor: 1_250_000, currency: 'usd' } });
  });

  const deals = () => world.services.deals;

  it('starts in the first stage with its default probability', () => {
    expect(deal).toMatchObject({ stageId: 'lead', probability: 10, status: 'open', version: 1, amount: { currency: 'USD' } });
  });

  it('records every stage move in the history with who and when', async () => {
    const mia = world.as(world.users.mia, 'slack');
    world.clock.advance(3 * DAY);
    const moved = await deals().moveStage(world.as(world.users.ann, 'gmail'), deal.id, 'proposal');
    world.clock.advance(2 * DAY);
    await deals().moveStage(mia, deal.id, 'Negotiation');
    expect(moved).toMatchObject({ stageId: 'proposal', probability: 60, version: 2 });
    const history = await deals().history(mia, deal.id);
    expect(history.map((h) => [h.fromStageId, h.stageId, h.actorId, h.surface, h.at])).toEqual([
      [null, 'lead', world.users.ann.id, 'api', '2026-03-02T08:00:00.000Z'],
      ['lead', 'proposal', world.users.ann.id, 'gmail', '2026-03-05T08:00:00.000Z'],
      ['proposal', 'negotiation', world.users.mia.id, 'slack', '2026-03-07T08:00:00.000Z'],
    ]);
  });

  it('keeps an overridden probability when the stage moves', async () => {
    const ann = world.as(world.users.ann);
    await deals().update(ann, deal.id, { probability: 33 });
    expect(await deals().moveStage(ann, deal.id, 'demo')).toMatchObject({ probability: 33, probabilityOverridden: true });
    expect(await deals().update(ann, deal.id, { probability: null })).toMatchObject({ probability: 40, probabilityOverridden: false });
  });

  it('explains an unknown stage and lists the real ones', async () => {
    await expect(deals().moveStage(world.as(world.users.ann), deal.id, 'closing')).rejects.toThrow(/No stage "closing".*Lead, Qualified, Demo, Proposal, Negotiation/);
  });

  it('refuses a write made against an old version and changes nothing', async () => {
    const ann = world.as(world.users.ann);
    await deals().update(ann, deal.id, { title: 'Acme renewal 2027' });
    const stale = deals().moveStage(ann, deal.id, 'demo', { expectedVersion: 1 });
    await expect(stale).rejects.toMatchObject({ code: 'conflict', details: { reason: 'version_mismatch', currentVersion: 2 } });
    expect(await deals().get(ann, deal.id)).toMatchObject({ stageId: 'lead', version: 2 });
  });

  it('wins, loses, suspends and reactivates by the rules', async () => {
    const ann = world.as(world.users.ann);
    const suspended = await deals().suspend(ann, deal.id);
    await expect(deals().moveStage(ann, deal.id, 'demo')).rejects.toThrow(/suspended. Reactivate it/);
    await deals().reactivate(ann, suspended.id);
    const won = await deals().win(ann, deal.id);
    expect(won).toMatchObject({ status: 'won', probability: 100, closedAt: '2026-03-02T08:00:00.000Z' });
    await expect(deals().lose(ann, deal.id, { reason: 'Price' })).rejects.toThrow(/is won. A manager can reopen it/);
  });

  it('records the lost reason and competitor', async () => {
    const lost = await deals().lose(world.as(world.users.ann), deal.id, { reason: 'Price too high', competitor: 'Initech' });
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'Price too high', competitor: 'Initech', probability: 0 });
  });

  it('lets only a manager of the team (or an admin) reopen a closed deal', async () => {
    await deals().win(world.as(world.users.ann), deal.id);
    await expect(deals().reopen(world.as(world.users.ann), deal.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deals().reopen(world.as(world.users.will), deal.id)).rejects.toMatchObject({ code: 'forbidden' });
    const reopened = await deals().reopen(world.as(world.users.mia), deal.id);
    expect(reopened).toMatchObject({ status: 'open', closedAt: null, probability: 10 });
  });

  it('does not let a rep or another team\'s manager change a deal they do not own', async () => {
    await expect(deals().moveStage(world.as(world.users.raj), deal.id, 'demo')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deals().update(world.as(world.users.will), deal.id, { title: 'Mine now' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await deals().get(world.as(world.users.raj), deal.id)).toMatchObject({ title: 'Acme renewal', stageId: 'lead', version: 1 });
    // A collaborator may.
    await deals().update(world.as(world.users.ann), deal.id, { collaboratorIds: [world.users.raj.id] });
    expect(await deals().moveStage(world.as(world.users.raj), deal.id, 'demo')).toMatchObject({ stageId: 'demo' });
  });

  it('hands a deal over with a note both reps see on the deal', async () => {
    const transferred = await deals().transfer(world.as(world.users.ann), deal.id, { toUserId: world.users.raj.id, note: 'Raj knows their CFO' });
    expect(transferred.ownerId).toBe(world.users.raj.id);
    const notes = await world.services.activities.list(world.as(world.users.raj), { about: { dealIds: [deal.id] } }, { limit: 10 });
    expect(notes.items).toEqual([
      expect.objectContaining({ type: 'note', subject: 'Handover: Ann → Raj', body: 'Raj knows their CFO', participants: ['ann@rapport.test', 'raj@rapport.test'] }),
    ]);
  });

  it('writes an event with before and after for each change', async () => {
    await deals().moveStage(world.as(world.users.ann), deal.id, 'qualified');
    const events = await world.store.read((uow) => uow.events.list({ entityId: deal.id }, { limit: 10 }));
    expect(events.items.map((e) => e.type)).toEqual(['deal.stage_changed', 'deal.created']);
    expect(events.items[0]).toMatchObject({ actorId: world.users.ann.id, before: { stageId: 'lead' }, after: { stageId: 'qualified' } });
  });

  it('refuses bad input with the field that is wrong', async () => {
    const bad = deals().create(world.as(world.users.ann), { title: '', accountId: deal.accountId, amount: { minor: 12.5, currency: 'dollars' } });
    await expect(bad).rejects.toBeInstanceOf(CrmError);
    const error = (await bad.catch((e: unknown) => e)) as CrmError;
    expect(error.issues.map((i) => i.path).sort()).toEqual(['amount.currency', 'amount.minor', 'title']);
  });
});
