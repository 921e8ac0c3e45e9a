import { createServices, CrmError, DEFAULT_STAGES, foldText, ManualClock, MemoryStore, SequentialIds, type Account, type Contact, type Deal, type Services, type StageChange, type AnalyticsStore } from '@rapport/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { allItems } from '../testing/all-pages.js';
import { seedDemo, type DemoSeedResult } from './seed-demo.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const DAY = 86_400_000;
interface Seeded {
  store: AnalyticsStore;
  services: Services;
  result: DemoSeedResult;
  accounts: Account[];
  contacts: Contact[];
  deals: Deal[];
  history: StageChange[];
}

async function seed(): Promise<Seeded> {
  const store = new MemoryStore();
  const result = await seedDemo({ store, now: NOW }, { size: 'small' });
  const services = createServices({ store, clock: new ManualClock(NOW), ids: new SequentialIds() });
  return store.read(async (uow) => {
    const deals = await allItems((cursor) => uow.deals.list({}, { limit: 200, cursor }));
    const history = (await Promise.all(deals.map((d) => uow.deals.stageHistory(d.id)))).flat();
    return {
      store,
      services,
      result,
      accounts: await allItems((cursor) => uow.accounts.list({}, { limit: 200, cursor })),
      contacts: await allItems((cursor) => uow.contacts.list({}, { limit: 200, cursor })),
      deals,
      history,
    };
  });
}

const HAN = /\p{Script=Han}/u;
const ACCENTED = /[À-ÿ]/u;

describe('the demo company', () => {
  let first: Seeded;
  let second: Seeded;

  beforeAll(async () => {
    first = await seed();
    second = await seed();
  }, 120_000);

  it('is the same company every time it is seeded at the same instant', () => {
    expect(second.accounts.map((a) => a.name)).toEqual(first.accounts.map((a) => a.name));
    expect(second.contacts.map((c) => [c.name, c.emails])).toEqual(first.contacts.map((c) => [c.name, c.emails]));
    expect(second.deals.map((d) => [d.title, d.amount, d.stageId, d.status])).toEqual(first.deals.map((d) => [d.title, d.amount, d.stageId, d.status]));
    expect(second.result.counts).toEqual(first.result.counts);
  });

  it('is a realistic small company: about a hundred accounts, twice as many people, deals in several currencies', () => {
    expect(first.accounts.length).toBe(100);
    expect(first.contacts.length).toBeGreaterThan(150);
    expect(first.deals.length).toBeGreaterThan(60);
    const currencies = new Set(first.deals.map((d) => d.amount.currency));
    for (const currency of ['USD', 'EUR', 'CNY', 'JPY']) expect(currencies).toContain(currency);
    expect(first.contacts.some((c) => c.emails.some((e) => e.includes('+')))).toBe(true);
    expect(new Set(first.accounts.map((a) => a.lifecycle)).size).toBeGreaterThanOrEqual(4);
  });

  it('has open deals in every stage of the default pipeline, and deals of every status', () => {
    const openStages = new Set(first.deals.filter((d) => d.status === 'open').map((d) => d.stageId));
    for (const stage of DEFAULT_STAGES) expect(openStages).toContain(stage.id);
    const statuses = new Set(first.deals.map((d) => d.status));
    for (const status of ['open', 'won', 'lost', 'suspended']) expect(statuses).toContain(status);
    const lost = first.deals.filter((d) => d.status === 'lost');
    expect(lost.every((d) => d.lostReason !== null)).toBe(true);
    expect(lost.some((d) => d.competitor !== null)).toBe(true);
  });

  it('has a year of stage history, with deals reopened and moved back a stage, and nothing after now', () => {
    const times = first.history.map((h) => Date.parse(h.at));
    expect(NOW.getTime() - Math.min(...times)).toBeGreaterThan(330 * DAY);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(first.history.some((h) => h.fromStatus === 'won' && h.status === 'open')).toBe(true);
    const order = DEFAULT_STAGES.map((s) => s.id);
    expect(first.history.some((h) => h.fromStageId !== null && order.indexOf(h.stageId) < order.indexOf(h.fromStageId))).toBe(true);
    const stale = first.deals.filter((d) => d.status === 'open' && NOW.getTime() - Date.parse(d.stageEnteredAt) > 30 * DAY);
    expect(stale.length).toBeGreaterThan(0);
    for (const deal of first.deals) expect(Date.parse(deal.updatedAt)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('finds Chinese companies by the start of their brand, and accented names typed without accents', async () => {
    const actor = { user: await first.services.users.get(null, first.result.users[3]?.id ?? ''), surface: 'api' as const };
    const chinese = first.accounts.find((a) => HAN.test(a.name) && !a.name.startsWith('(') );
    expect(chinese).toBeDefined();
    const brand = Array.from((chinese as Account).name).filter((c) => HAN.test(c)).slice(2, 4).join('');
    const byBrand = await first.services.lookup.lookup(actor, brand, { limit: 50 });
    expect(byBrand.some((m) => m.kind === 'account' && m.account.id === chinese?.id)).toBe(true);

    const accented = first.contacts.find((c) => ACCENTED.test(c.name));
    expect(accented).toBeDefined();
    const plain = foldText((accented as Contact).name);
    expect(plain).not.toBe((accented as Contact).name.toLowerCase());
    const byPlain = await first.services.lookup.lookup(actor, plain, { limit: 50 });
    expect(byPlain.some((m) => m.kind === 'contact' && m.contact.id === accented?.id)).toBe(true);
  });

  it('gives the managers numbers to read: quotas met and missed, stale deals, segments, churn risks, campaigns that paid', async () => {
    const admin = first.result.users.find((u) => u.role === 'admin');
    const actor = { user: await first.services.users.get(null, admin?.id ?? ''), surface: 'api' as const };
    const analytics = first.services.analytics;

    const forecast = await analytics.forecast.forecast(actor, { period: 'quarter', date: '2026-10-15' });
    const attainments = forecast.reps.flatMap((r) => r.figures.map((f) => f.yearToDate.attainment)).filter((a): a is number => a !== null);
    expect(attainments.length).toBeGreaterThan(3);
    expect(attainments.some((a) => a >= 1)).toBe(true);
    expect(attainments.some((a) => a < 1)).toBe(true);
    expect(forecast.reps.every((r) => r.figures.every((f) => f.closedWonMinor <= f.commitMinor && f.commitMinor <= f.bestCaseMinor))).toBe(true);

    expect((await analytics.stages.staleDeals(actor, {})).deals.length).toBeGreaterThan(0);
    const segments = await analytics.customers.segments(actor, {});
    expect(segments.segments.filter((s) => s.accounts > 0).length).toBeGreaterThanOrEqual(3);
    expect((await analytics.customers.churnRisks(actor, {})).risks.length).toBeGreaterThan(0);

    const campaigns = (await analytics.campaigns.list(actor, { limit: 10 })).items;
    expect(campaigns.map((c) => c.name)).toContain('亚太合作伙伴推荐计划');
    const rois = await Promise.all(campaigns.map((c) => analytics.campaigns.roi(actor, c.id)));
    expect(rois.some((r) => r.byCurrency.some((c) => c.wonCount > 0))).toBe(true);
  });

  it('gives every demo user a token that signs them in', async () => {
    expect(first.result.users.map((u) => u.role).sort()).toEqual(['admin', 'manager', 'manager', 'rep', 'rep', 'rep', 'rep', 'rep', 'rep', 'rep']);
    for (const user of first.result.users) {
      const signedIn = await first.services.tokens.authenticate(user.token);
      expect(signedIn.email).toBe(user.email);
    }
  });

  it('refuses to seed a database that already has users', async () => {
    await expect(seedDemo({ store: first.store, now: NOW }, { size: 'small' })).rejects.toThrow(CrmError);
  });
});
