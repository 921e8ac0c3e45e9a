import type { DealEdit } from '@rapport/core';
import type { CardView } from '../shared/views.js';

/**
 * A cached card with a deal edit the hub has not confirmed yet, so the sidebar shows what the
 * rep did while offline. Null when the card does not hold the deal. The hub's next card replaces it.
 */
export function applyDealEdit(card: CardView, dealId: string, edit: DealEdit, stageName?: string): CardView | null {
  const index = card.openDeals.findIndex((d) => d.deal.id === dealId);
  const summary = card.openDeals[index];
  if (!summary) return null;
  if (edit.outcome) return { ...card, openDeals: card.openDeals.filter((d) => d.deal.id !== dealId) };
  const deal = { ...summary.deal };
  let { stageName: shownStage, daysInStage } = summary;
  if (edit.stageId !== undefined && edit.stageId !== deal.stageId) {
    deal.stageId = edit.stageId;
    shownStage = stageName ?? edit.stageId;
    daysInStage = 0;
  }
  if (edit.amount) deal.amount = { minor: edit.amount.minor, currency: edit.amount.currency };
  if (edit.expectedCloseDate !== undefined) deal.expectedCloseDate = edit.expectedCloseDate;
  const openDeals = [...card.openDeals];
  openDeals[index] = { deal, stageName: shownStage, daysInStage };
  return { ...card, openDeals };
}
