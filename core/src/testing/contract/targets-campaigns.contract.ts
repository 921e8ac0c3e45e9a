import { describe, expect, it } from 'vitest';
import { aCampaign, aTarget } from '../builders.js';
import { allPages, expectCrmError, ids, idsByName, type AnalyticsContractContext } from './support.js';

const usd = (minor: number) => ({ minor, currency: 'USD' });

export function describeTargetAndCampaignContract({ write, read }: AnalyticsContractContext): void {
  describe('targets', () => {
    it('keeps one target per person, month and currency, listed by person, month, currency', async () => {
      const targets = [
        aTarget({ userId: 'usr_b', month: '2026-02', amount: usd(200) }),
        aTarget({ userId: 'usr_a', month: '2026-03', amount: usd(300) }),
        aTarget({ userId: 'usr_a', month: '2026-02', amount: { minor: 150, currency: 'EUR' } }),
        aTarget({ userId: 'usr_a', month: '2026-02', amount: usd(100) }),
        aTarget({ userId: 'usr_a', month: '2025-12', amount: usd(50) }),
      ];
      await write(async (uow) => {
        for (const t of targets) await uow.targets.insert(t);
      });
      const list = (filter: { userIds?: string[]; fromMonth: string; toMonth: string }) => read((uow) => uow.targets.list(filter));
      expect(ids(await list({ fromMonth: '2026-01', toMonth: '2026-03' }))).toEqual(ids([targets[2], targets[3], targets[1], targets[0]].map((t) => t!)));
      expect(ids(await list({ userIds: ['usr_b'], fromMonth: '2026-02', toMonth: '2026-02' }))).toEqual([targets[0]!.id]);
      expect(await list({ userIds: [], fromMonth: '2000-01', toMonth: '2100-12' })).toEqual([]);
      expect(await read((uow) => uow.targets.get(targets[3]!.id))).toEqual(targets[3]);

      const twin = aTarget({ userId: 'usr_a', month: '2026-02', amount: usd(999) });
      await expectCrmError(write((uow) => uow.targets.insert(twin)), 'conflict', 'USD target for 2026-02');
      expect(await read((uow) => uow.targets.get(twin.id))).toBeNull();
    });

    it('updates optimistically, refuses a clash on person, month and currency, and deletes', async () => {
      const eur = aTarget({ userId: 'usr_a', month: '2026-02', amount: { minor: 150, currency: 'EUR' } });
      const usdTarget = aTarget({ userId: 'usr_a', month: '2026-02', amount: usd(100) });
      await write(async (uow) => {
        await uow.targets.insert(eur);
        await uow.targets.insert(usdTarget);
      });
      const raised = { ...eur, amount: { minor: 175, currency: 'EUR' }, version: 2 };
      expect(await write((uow) => uow.targets.update(raised))).toBe(true);
      expect(await write((uow) => uow.targets.update({ ...raised, amount: { minor: 1, currency: 'EUR' } }))).toBe(false);
      await expectCrmError(write((uow) => uow.targets.update({ ...raised, amount: usd(175), version: 3 })), 'conflict');
      expect(await read((uow) => uow.targets.get(eur.id))).toEqual(raised);
      await write((uow) => uow.targets.delete(eur.id));
      expect(await read((uow) => uow.targets.get(eur.id))).toBeNull();
    });
  });

  describe('campaigns', () => {
    it('lists campaigns by name in any script, narrowed to teams or company-wide ones, page by page', async () => {
      const campaigns = [
        aCampaign({ name: 'Zürich roadshow', teamId: 'team_a' }),
        aCampaign({ name: 'autumn newsletter', teamId: null }),
        aCampaign({ name: '春季展会', teamId: 'team_b' }),
        aCampaign({ name: 'Árvore partners', teamId: 'team_a' }),
        aCampaign({ name: 'Build webinar', teamId: null }),
      ];
      await write(async (uow) => {
        for (const c of campaigns) await uow.campaigns.insert(c);
      });
      const { items, pages } = await allPages((page) => read((uow) => uow.campaigns.list({}, page)), 2);
      expect(pages).toBe(3);
      expect(ids(items)).toEqual(idsByName(campaigns));
      const companyAndA = await read((uow) => uow.campaigns.list({ teamIds: [null, 'team_a'] }, { limit: 50 }));
      expect(ids(companyAndA.items)).toEqual(idsByName(campaigns.filter((c) => c.teamId !== 'team_b')));
      expect((await read((uow) => uow.campaigns.list({ teamIds: [] }, { limit: 50 }))).items).toEqual([]);
      await expectCrmError(write((uow) => uow.campaigns.insert(campaigns[0]!)), 'conflict');
    });

    it('updates optimistically and deletes', async () => {
      const campaign = aCampaign();
      await write((uow) => uow.campaigns.insert(campaign));
      const next = { ...campaign, cost: usd(2_500_000), endDate: null, version: 2 };
      expect(await write((uow) => uow.campaigns.update(next))).toBe(true);
      expect(await write((uow) => uow.campaigns.update({ ...next, name: 'Lost write' }))).toBe(false);
      expect(await read((uow) => uow.campaigns.get(campaign.id))).toEqual(next);
      await write((uow) => uow.campaigns.delete(campaign.id));
      expect(await read((uow) => uow.campaigns.get(campaign.id))).toBeNull();
    });
  });
}
