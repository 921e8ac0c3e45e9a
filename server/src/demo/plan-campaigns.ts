import type { CampaignChannel, Money } from '@rapport/core';
import { managerOf, type TeamKey } from './cast.js';
import type { Locale } from './names/locales.js';
import type { DealPlan } from './plan-deals.js';
import type { Random } from './random.js';
import type { Ref } from './refs.js';
import { dateIn, DAY, type Timeline } from './timeline.js';

/** A marketing push some of the year's new deals came from. */
export interface CampaignPlan extends Ref {
  name: string;
  channel: CampaignChannel;
  cost: Money;
  team: TeamKey | null;
  /** The markets whose new deals it can source. */
  locales: readonly Locale[];
  /** Days after the start of the year of history; `endDay` null: still running. */
  startDay: number;
  endDay: number | null;
  /** How likely a new deal in its markets and window names it as its source. */
  reach: number;
}

const campaign = (plan: Omit<CampaignPlan, 'id'>): CampaignPlan => ({ id: null, ...plan });

function campaigns(): CampaignPlan[] {
  return [
    campaign({ name: 'Spring webinar series', channel: 'email', cost: { minor: 1_200_000, currency: 'USD' }, team: 'midmarket', locales: ['en-us', 'en-gb'], startDay: 60, endDay: 150, reach: 0.35 }),
    campaign({ name: 'Industrie-Summit Berlin – Messestand', channel: 'events', cost: { minor: 4_500_000, currency: 'EUR' }, team: 'enterprise', locales: ['de', 'fr', 'es'], startDay: 110, endDay: 200, reach: 0.4 }),
    campaign({ name: '亚太合作伙伴推荐计划', channel: 'partners', cost: { minor: 18_000_000, currency: 'CNY' }, team: null, locales: ['zh', 'ja', 'ko'], startDay: 30, endDay: null, reach: 0.3 }),
    campaign({ name: 'Search ads: pipeline reporting', channel: 'paid_search', cost: { minor: 1_800_000, currency: 'USD' }, team: 'midmarket', locales: ['en-us'], startDay: 200, endDay: 320, reach: 0.3 }),
  ];
}

/**
 * Plans the demo's campaigns (each created by its team's manager, or the admin, a week before
 * it starts) and names one as the source of some of the new deals created in its markets
 * while it ran: enough for campaign ROI to have pipeline, wins and losses to show.
 */
export function planCampaigns(random: Random, timeline: Timeline, deals: readonly DealPlan[]): void {
  const planned = campaigns();
  for (const plan of planned) {
    const startsAt = timeline.start + plan.startDay * DAY;
    const endsAt = plan.endDay === null ? timeline.end : timeline.start + plan.endDay * DAY;
    const owner = managerOf(plan.team);
    timeline.add(startsAt - 7 * DAY, async (ctx) => {
      const created = await ctx.services.analytics.campaigns.create(ctx.as(owner, 'api'), {
        name: plan.name,
        channel: plan.channel,
        cost: plan.cost,
        startDate: dateIn(startsAt, owner.timeZone),
        endDate: plan.endDay === null ? null : dateIn(endsAt, owner.timeZone),
        teamId: plan.team === null ? null : ctx.as(owner, 'api').user.teamId,
      });
      plan.id = created.id;
      ctx.count('campaigns');
    });
    for (const deal of deals) {
      const fits = deal.kind === 'new' && deal.showcase === null && deal.createdAt >= startsAt && deal.createdAt < endsAt;
      if (fits && plan.locales.includes(deal.account.locale) && (plan.team === null || plan.team === deal.account.team) && deal.campaign === null && random.chance(plan.reach)) {
        deal.campaign = plan;
      }
    }
  }
}
