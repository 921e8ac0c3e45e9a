import { addDays, instantOf, isoWeekday, localDate, nextOccurrence, parseDate, type Recurrence } from '@rapport/core';
import { CAST, managerOf, type CastMember } from './cast.js';
import type { AccountPlan } from './plan-accounts.js';
import type { DealPlan } from './plan-deals.js';
import type { Random } from './random.js';
import { idOf, type Ref } from './refs.js';
import { after, atWork, DAY, HOUR, MINUTE, type Timeline } from './timeline.js';

type Later = { at: number; action: 'complete' | 'cancel' } | { at: number; action: 'snooze'; until: number };

interface ReminderSpec {
  createdAt: number;
  by: CastMember;
  assignee: CastMember;
  title: string;
  dueAt: number;
  deal?: DealPlan;
  account?: AccountPlan;
  recurrence?: Recurrence;
  later?: Later[];
}

/** An instant at a wall-clock time on a calendar date in `timeZone`. */
function wallClock(date: string, hour: number, minute: number, timeZone: string): number {
  const { year, month, day } = parseDate(date);
  return instantOf({ year, month, day, hour, minute, second: 0 }, timeZone).getTime();
}

function schedule(timeline: Timeline, spec: ReminderSpec): void {
  const ref: Ref = { id: null };
  const added = timeline.add(spec.createdAt, async (ctx) => {
    const created = await ctx.services.reminders.create(ctx.as(spec.by, 'slack'), {
      title: spec.title,
      dueAt: new Date(spec.dueAt).toISOString(),
      assigneeId: ctx.as(spec.assignee, 'api').user.id,
      dealId: spec.deal ? idOf(spec.deal, 'deal') : null,
      accountId: !spec.deal && spec.account ? idOf(spec.account, 'account') : null,
      recurrence: spec.recurrence ?? null,
    });
    ref.id = created.id;
    ctx.count('reminders');
  });
  if (!added) return;
  for (const step of spec.later ?? []) {
    timeline.add(step.at, async (ctx) => {
      const actor = ctx.as(spec.assignee, 'slack');
      const id = idOf(ref, 'reminder');
      if (step.action === 'snooze') {
        await ctx.services.reminders.snooze(actor, id, { until: new Date(step.until).toISOString() });
      } else if (step.action === 'cancel') {
        await ctx.services.reminders.cancel(actor, id);
      } else {
        const { next } = await ctx.services.reminders.complete(actor, id);
        // A recurring reminder continues as a new one; later steps complete that.
        if (next) {
          ref.id = next.id;
          ctx.count('reminders');
        }
      }
    });
  }
}

const FOLLOW_UPS: Record<string, string> = {
  lead: 'Qualify {account}',
  qualified: 'Book a demo with {contact}',
  demo: 'Send the demo recording to {contact}',
  proposal: 'Follow up on the proposal with {contact}',
  negotiation: 'Chase the signed order form from {account}',
};

const followUpTitle = (deal: DealPlan, stageId: string): string =>
  (FOLLOW_UPS[stageId] ?? 'Follow up with {account}').replace('{contact}', deal.contact?.name ?? deal.account.shortName).replace('{account}', deal.account.shortName);

/** Open, done, cancelled, snoozed, overdue, due today, upcoming and recurring reminders. */
export function planReminders(random: Random, timeline: Timeline, accounts: readonly AccountPlan[], deals: readonly DealPlan[]): void {
  const end = timeline.end;
  for (const deal of deals) {
    // Follow-ups set as a deal moved, done (or dropped) a few days later.
    for (const event of deal.outcome.events) {
      if (event.kind !== 'move' || !random.chance(0.3)) continue;
      const owner = event.actor;
      const dueAt = atWork(random, event.at + random.between(2, 6) * DAY, owner.timeZone);
      const doneAt = after(event.at + HOUR, atWork(random, dueAt + random.between(-1, 1.5) * DAY, owner.timeZone));
      schedule(timeline, {
        createdAt: event.at + random.between(5, 30) * MINUTE,
        by: owner,
        assignee: owner,
        title: followUpTitle(deal, event.stageId),
        dueAt,
        deal,
        later: [{ at: doneAt, action: random.chance(0.06) ? 'cancel' : 'complete' }],
      });
    }
    if (deal.outcome.status === 'open' && deal.account.quietSince === null && random.chance(0.7)) planOpenDealReminder(random, timeline, deal);
  }
  for (const account of accounts) {
    if (account.atRiskAt !== null && account.atRiskAt <= end && random.chance(0.6)) {
      const manager = managerOf(account.team);
      const dueAt = atWork(random, account.atRiskAt + random.between(3, 10) * DAY, account.owner.timeZone);
      schedule(timeline, {
        createdAt: atWork(random, account.atRiskAt + HOUR, manager.timeZone),
        by: manager,
        assignee: account.owner,
        title: `Call ${account.shortName}: no contact in months`,
        dueAt,
        account,
        // A churned account got its call; an account still at risk is waiting for one.
        later: account.churnedAt !== null ? [{ at: atWork(random, dueAt + DAY, account.owner.timeZone), action: 'complete' }] : [],
      });
    }
    if (account.story !== 'prospect' && random.chance(0.05)) {
      const first = wallClock(localDate(new Date(Math.max(account.createdAt, timeline.start) + 7 * DAY), account.owner.timeZone), 10, 0, account.owner.timeZone);
      planSeries(random, timeline, { createdAt: first - 2 * DAY, by: account.owner, assignee: account.owner, title: `Monthly check-in with ${account.shortName}`, dueAt: first, account, recurrence: { frequency: 'monthly', interval: 1 } }, account.quietSince ?? end);
    }
  }
  planTeamRoutines(random, timeline);
}

function planOpenDealReminder(random: Random, timeline: Timeline, deal: DealPlan): void {
  const end = timeline.end;
  const owner = deal.outcome.owner;
  const when = random.weighted([['overdue', 25], ['today', 15], ['upcoming', 60]] as const);
  const title = followUpTitle(deal, deal.outcome.stageId);
  const earliest = deal.outcome.lastEventAt + 10 * MINUTE;
  if (when === 'overdue') {
    const dueAt = atWork(random, end - random.between(1, 10) * DAY, owner.timeZone);
    if (dueAt >= end) return;
    schedule(timeline, { createdAt: Math.max(earliest, dueAt - random.between(2, 10) * DAY), by: owner, assignee: owner, title, dueAt, deal });
    return;
  }
  if (when === 'today') {
    const today = localDate(new Date(end), owner.timeZone);
    const closing = wallClock(today, 17, 30, owner.timeZone);
    const dueAt = closing - end > HOUR ? end + random.between(0.5 * HOUR, closing - end) : end - random.between(0.5, 3) * HOUR;
    schedule(timeline, { createdAt: Math.max(earliest, end - random.between(1, 5) * DAY), by: owner, assignee: owner, title, dueAt, deal });
    return;
  }
  const dueAt = atWork(random, end + random.between(1, 14) * DAY, owner.timeZone);
  const createdAt = Math.max(earliest, end - random.between(0.2, 6) * DAY);
  const snoozed = random.chance(0.1) && createdAt + HOUR < end;
  const later: Later[] = snoozed ? [{ at: createdAt + random.between(HOUR, end - createdAt), action: 'snooze', until: dueAt + random.between(1, 3) * DAY }] : [];
  schedule(timeline, { createdAt, by: random.chance(0.15) ? managerOf(deal.account.team) : owner, assignee: owner, title, dueAt, deal, later });
}

/** A recurring reminder done soon after each occurrence until `stopAt`; the one after stays open. */
function planSeries(random: Random, timeline: Timeline, spec: ReminderSpec & { recurrence: Recurrence }, stopAt: number): void {
  const later: Later[] = [];
  let due = spec.dueAt;
  for (;;) {
    const doneAt = due + (random.chance(0.1) ? random.between(1, 3) * DAY : random.between(0.3, 6) * HOUR);
    if (doneAt > Math.min(stopAt, timeline.end)) break;
    later.push({ at: doneAt, action: 'complete' });
    const next = nextOccurrence(new Date(due).toISOString(), spec.recurrence, spec.assignee.timeZone, new Date(doneAt));
    if (!next) break;
    due = next.getTime();
  }
  schedule(timeline, { ...spec, later });
}

/** Managers review the pipeline every Monday; reps look at next month's renewals on the 1st. */
function planTeamRoutines(random: Random, timeline: Timeline): void {
  for (const member of CAST) {
    const startDate = localDate(new Date(timeline.start), member.timeZone);
    if (member.role === 'manager') {
      const monday = addDays(startDate, (8 - isoWeekday(startDate)) % 7);
      const dueAt = wallClock(monday, 9, 30, member.timeZone);
      planSeries(random, timeline, { createdAt: dueAt - 3 * DAY, by: member, assignee: member, title: 'Pipeline review with the team', dueAt, recurrence: { frequency: 'weekly', interval: 1 } }, timeline.end);
    } else if (member.role === 'rep') {
      const first = `${startDate.slice(0, 7)}-01`;
      const dueAt = wallClock(addDays(first, 31).slice(0, 7) + '-01', 10, 0, member.timeZone);
      planSeries(random, timeline, { createdAt: dueAt - 5 * DAY, by: member, assignee: member, title: 'Review renewals due next month', dueAt, recurrence: { frequency: 'monthly', interval: 1 } }, timeline.end);
    }
  }
}
