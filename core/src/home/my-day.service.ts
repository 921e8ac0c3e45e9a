import { compareCodePoints } from '../shared/text.js';
import type { Actor, AnalyticsServiceDeps } from '../services/context.js';
import { localDate, periodRange } from '../shared/time-zone.js';
import { fireTime } from '../reminders/reminder.schema.js';
import type { Deal } from '../deals/deal.schema.js';
import { findStaleDeals } from '../analytics/stages/stale-deals.js';
import type { DueReminder, MyDay, MyDeal } from './my-day.js';

const DAY_MS = 86_400_000;
const DEAL_LIMIT = 500;

/** Builds a person's MyDay from their own reminders and deals. */
export class MyDayService {
  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async myDay(actor: Actor, options: { dealLimit?: number } = {}): Promise<MyDay> {
    const user = actor.user;
    const now = this.deps.clock.now();
    const today = localDate(now, user.timeZone);
    const { start, end } = periodRange('day', today, user.timeZone);
    return this.deps.store.read(async (uow) => {
      const [reminders, deals, pipelines] = await Promise.all([
        uow.reminders.list({ assigneeId: user.id, statuses: ['open'], fireBefore: end.toISOString() }, { limit: 100 }),
        uow.deals.list({ ownerIds: [user.id], statuses: ['open'] }, { limit: DEAL_LIMIT }),
        uow.pipelines.list(),
      ]);
      const contactIds = reminders.items.map((r) => r.contactId).filter((id): id is string => id !== null);
      const accountIds = [...reminders.items.map((r) => r.accountId), ...deals.items.map((d) => d.accountId)].filter((id): id is string => id !== null);
      const [contacts, accounts] = await Promise.all([uow.contacts.getMany([...new Set(contactIds)]), uow.accounts.getMany([...new Set(accountIds)])]);
      const accountName = (id: string | null) => (id ? (accounts.find((a) => a.id === id)?.name ?? null) : null);
      const due: DueReminder[] = reminders.items.map((reminder) => {
        const contact = reminder.contactId ? contacts.find((c) => c.id === reminder.contactId) : undefined;
        const company = accountName(reminder.accountId);
        const about = contact ? (company ? `${contact.name} (${company})` : contact.name) : company;
        return { reminder, overdue: fireTime(reminder) < start.toISOString(), about };
      });
      const summary = (deal: Deal): MyDeal => ({
        deal,
        stageName: pipelines.find((p) => p.id === deal.pipelineId)?.stages.find((s) => s.id === deal.stageId)?.name ?? deal.stageId,
        daysInStage: Math.max(0, Math.floor((now.getTime() - Date.parse(deal.stageEnteredAt)) / DAY_MS)),
        accountName: accountName(deal.accountId) ?? '',
      });
      const all = deals.items.map(summary);
      const byClose = [...all].sort((a, b) => compareCodePoints(a.deal.expectedCloseDate ?? '9999-12-31', b.deal.expectedCloseDate ?? '9999-12-31') || compareCodePoints(a.deal.id, b.deal.id));
      const limit = options.dealLimit ?? 20;
      const stale: MyDeal[] = [];
      for (const pipeline of pipelines.filter((p) => deals.items.some((d) => d.pipelineId === p.id))) {
        for (const found of await findStaleDeals(uow, { pipeline, ownerIds: [user.id], now, limit })) {
          stale.push({ deal: found.deal, stageName: found.stageName, daysInStage: found.daysInStage, accountName: accountName(found.deal.accountId) ?? '' });
        }
      }
      return {
        userId: user.id,
        timeZone: user.timeZone,
        today,
        due,
        openDeals: byClose.slice(0, limit),
        openDealCount: all.length,
        staleDeals: stale.slice(0, limit),
      };
    });
  }
}
