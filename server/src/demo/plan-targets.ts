import { minorDigits } from '@rapport/core';
import { CAST, managerOf, type CastMember } from './cast.js';
import { roundPrice } from './deal-amounts.js';
import type { DealPlan } from './plan-deals.js';
import { DAY, type Timeline } from './timeline.js';

/** The months from the one holding `from` to the one holding `to`, as "2026-03". */
function monthsOf(from: number, to: number): string[] {
  const months: string[] = [];
  const cursor = new Date(from);
  cursor.setUTCDate(1);
  while (cursor.getTime() <= to) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** What each rep won over the year, in minor units by currency. */
function wonByRep(deals: readonly DealPlan[]): Map<CastMember, Map<string, number>> {
  const won = new Map<CastMember, Map<string, number>>();
  for (const deal of deals) {
    if (deal.outcome.status !== 'won') continue;
    const byCurrency = won.get(deal.outcome.owner) ?? new Map<string, number>();
    byCurrency.set(deal.amount.currency, (byCurrency.get(deal.amount.currency) ?? 0) + deal.amount.minor);
    won.set(deal.outcome.owner, byCurrency);
  }
  return won;
}

/** How hard each rep's quota is, in cast order: a new rep gets an easier one, a senior one a stretch. */
const STRETCH = [0.8, 1.05, 0.9, 1.2, 0.85, 1, 1.1];

/**
 * Plans each rep's monthly quota, set by their manager from what they went on to win in an
 * average month, in each currency they sell in, eased or stretched per rep; a little lower in
 * the first half of the year than in the second and the coming quarter, as the team grew into
 * the CRM. The forecast then has attainment above and below 100 % to show.
 */
export function planTargets(timeline: Timeline, deals: readonly DealPlan[]): void {
  const won = wonByRep(deals);
  const middle = timeline.start + (timeline.end - timeline.start) / 2;
  const firstHalf = monthsOf(timeline.start, middle - DAY);
  const halves = [
    { setAt: timeline.start - 5 * DAY, months: firstHalf, factor: 0.9 },
    // From the month after the first half's last, through the coming quarter.
    { setAt: middle - 10 * DAY, months: monthsOf(middle, timeline.end + 75 * DAY).filter((m) => !firstHalf.includes(m)), factor: 1.1 },
  ];
  CAST.filter((m) => m.role === 'rep').forEach((rep, index) => {
    const manager = managerOf(rep.team);
    const stretch = STRETCH[index % STRETCH.length] ?? 1;
    for (const [currency, total] of won.get(rep) ?? []) {
      const scale = 10 ** minorDigits(currency);
      for (const half of halves) {
        const monthly = roundPrice(((total / 12) * half.factor * stretch) / scale) * scale;
        if (monthly <= 0) continue;
        timeline.add(half.setAt, async (ctx) => {
          const actor = ctx.as(manager, 'api');
          const userId = ctx.as(rep, 'api').user.id;
          for (const month of half.months) await ctx.services.analytics.targets.create(actor, { userId, month, amount: { minor: monthly, currency } });
          ctx.count('targets', half.months.length);
        });
      }
    }
  });
}

