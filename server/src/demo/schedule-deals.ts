import type { Lifecycle, Surface } from '@rapport/core';
import type { DealEvent } from './deal-script.js';
import type { DealPlan } from './plan-deals.js';
import type { Random } from './random.js';
import { idOf } from './refs.js';
import { HOUR, type SeedContext, type Timeline } from './timeline.js';

async function apply(ctx: SeedContext, deal: DealPlan, event: DealEvent): Promise<void> {
  const actor = ctx.as(event.actor, event.surface);
  const id = idOf(deal, 'deal');
  const deals = ctx.services.deals;
  switch (event.kind) {
    case 'move':
      await deals.moveStage(actor, id, event.stageId);
      break;
    case 'win':
      await deals.win(actor, id);
      break;
    case 'lose':
      await deals.lose(actor, id, { reason: event.reason, competitor: event.competitor });
      break;
    case 'suspend':
      await deals.suspend(actor, id);
      break;
    case 'reactivate':
      await deals.reactivate(actor, id);
      break;
    case 'reopen':
      await deals.reopen(actor, id);
      break;
    case 'update':
      await deals.update(actor, id, event.patch);
      return;
    case 'transfer':
      await deals.transfer(actor, id, { toUserId: ctx.as(event.to, 'api').user.id, note: event.note });
      return;
  }
  ctx.count('stageChanges');
}

/** Plans the steps that create each deal and replay its life, and the lifecycle changes wins cause. */
export function scheduleDeals(random: Random, timeline: Timeline, deals: readonly DealPlan[]): void {
  for (const deal of deals) {
    const surface: Surface = random.weighted([['gmail', 4], ['slack', 3], ['api', 3]] as const);
    timeline.add(deal.createdAt, async (ctx) => {
      const created = await ctx.services.deals.create(ctx.as(deal.owner, surface), {
        title: deal.title,
        accountId: idOf(deal.account, 'account'),
        primaryContactId: deal.contact ? idOf(deal.contact, 'contact') : null,
        amount: deal.amount,
        stageId: deal.startStage,
        expectedCloseDate: deal.expectedCloseDate,
        collaboratorIds: deal.collaborators.map((m) => ctx.as(m, surface).user.id),
        campaignId: deal.campaign ? idOf(deal.campaign, 'campaign') : null,
      });
      deal.id = created.id;
      ctx.count('deals');
      ctx.count('stageChanges');
    });
    for (const event of deal.outcome.events) timeline.add(event.at, (ctx) => apply(ctx, deal, event));
  }
  scheduleConversions(random, timeline, deals);
}

/** A prospect's first win makes it a customer; a churned customer's win makes it won back. */
function scheduleConversions(random: Random, timeline: Timeline, deals: readonly DealPlan[]): void {
  const firstWin = new Map<DealPlan['account'], number>();
  for (const deal of deals) {
    const win = deal.outcome.events.find((e) => e.kind === 'win');
    if (!win) continue;
    const seen = firstWin.get(deal.account);
    if (seen === undefined || win.at < seen) firstWin.set(deal.account, win.at);
  }
  for (const [account, at] of firstWin) {
    const lifecycle: Lifecycle | null = account.story === 'prospect' ? 'customer' : account.story === 'won_back' ? 'won_back' : null;
    if (!lifecycle) continue;
    timeline.add(at + random.between(1, 4) * HOUR, async (ctx) => {
      await ctx.services.accounts.update(ctx.as(account.owner, 'api'), idOf(account, 'account'), { lifecycle });
    });
  }
}
