import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../testing/world.js';

const usd = (minor: number) => ({ minor, currency: 'USD' });
const webinar = { name: 'Spring webinar 春季', channel: 'events' as const, cost: usd(1_000_000), startDate: '2026-03-01', endDate: '2026-03-31' };

describe('CampaignService', () => {
  let w: World;
  beforeEach(async () => {
    w = await createWorld();
  });
  const campaigns = () => w.services.analytics.campaigns;

  it('gives a manager\'s campaign to their team and an admin\'s to the whole company', async () => {
    expect(await campaigns().create(w.as(w.users.mia), webinar)).toMatchObject({ teamId: w.users.mia.teamId, name: 'Spring webinar 春季', version: 1 });
    expect(await campaigns().create(w.as(w.users.admin), { ...webinar, name: 'Trade fair' })).toMatchObject({ teamId: null });
    const listed = await campaigns().list(w.as(w.users.bo), { limit: 50 });
    expect(listed.items.map((c) => c.name)).toEqual(['Spring webinar 春季', 'Trade fair']);
  });

  it('lets only managers (their team\'s) and admins manage campaigns', async () => {
    await expect(campaigns().create(w.as(w.users.ann), webinar)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(campaigns().create(w.as(w.users.mia), { ...webinar, teamId: null })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/company-wide/) });
    const east = await campaigns().create(w.as(w.users.mia), webinar);
    await expect(campaigns().update(w.as(w.users.will), east.id, { name: 'Taken over' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await campaigns().update(w.as(w.users.mia), east.id, { cost: usd(1_200_000) })).toMatchObject({ cost: usd(1_200_000), version: 2 });
  });

  it('refuses an end before the start, on create and on change', async () => {
    await expect(campaigns().create(w.as(w.users.mia), { ...webinar, endDate: '2026-02-01' })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'endDate' }] });
    const c = await campaigns().create(w.as(w.users.mia), webinar);
    await expect(campaigns().update(w.as(w.users.mia), c.id, { startDate: '2026-04-15' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await campaigns().get(w.as(w.users.ann), c.id)).toMatchObject({ startDate: '2026-03-01', version: 1 });
  });

  it('is a deal\'s source only when it exists, and stays while deals name it', async () => {
    const c = await campaigns().create(w.as(w.users.mia), webinar);
    const account = await w.services.accounts.create(w.as(w.users.ann), { name: 'Acme' });
    await expect(w.services.deals.create(w.as(w.users.ann), { title: 'X', accountId: account.id, amount: usd(1), campaignId: 'cmp_nothere' })).rejects.toMatchObject({ code: 'not_found' });
    const deal = await w.services.deals.create(w.as(w.users.ann), { title: 'X', accountId: account.id, amount: usd(1), campaignId: c.id });
    await expect(campaigns().delete(w.as(w.users.mia), c.id)).rejects.toMatchObject({ code: 'conflict' });
    await w.services.deals.update(w.as(w.users.ann), deal.id, { campaignId: null });
    await campaigns().delete(w.as(w.users.mia), c.id);
    await expect(campaigns().get(w.as(w.users.mia), c.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
