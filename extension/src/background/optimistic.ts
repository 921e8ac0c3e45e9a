import type { DealChange } from '../shared/protocol.js';
import type { CardView } from '../shared/views.js';

/**
 * A cached card with a deal change the hub has not confirmed yet, so the sidebar shows what
 * the rep did while offline. Null when the card does not hold the deal. The hub's next card replaces it.
 */
export function applyDealChange(card: CardView, dealId: string, change: DealChange): CardView | null {
  const index = card.openDeals.findIndex((d) => d.deal.id === dealId);
  const summary = card.openDeals[index];
  if (!summary) return null;
  const deal = { ...summary.deal };
  let stageName = summary.stageName;
  let daysInStage = summary.daysInStage;
  switch (change.kind) {
    case 'stage':
      deal.stageId = change.stageId;
      stageName = change.stageId;
      daysInStage = 0;
      break;
    case 'amount':
      deal.amount = { minor: change.minor, currency: change.currency };
      break;
    case 'close':
      deal.expectedCloseDate = change.date;
      break;
    case 'win':
    case 'lose':
      return { ...card, openDeals: card.openDeals.filter((d) => d.deal.id !== dealId) };
  }
  const openDeals = [...card.openDeals];
  openDeals[index] = { deal, stageName, daysInStage };
  return { ...card, openDeals };
}
