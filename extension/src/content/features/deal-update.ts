import type { DealChange } from '../../shared/protocol.js';
import type { DealView, PipelineView, WriteResult } from '../../shared/views.js';
import type { CardContext, Feature } from '../context.js';
import { ask, AskError } from '../../shared/ask.js';
import { fill, h, minorUnits } from '../ui/dom.js';

/**
 * Update a deal in place: stage, amount, close date, won, or lost with a reason. Each change
 * carries the version the rep saw; if someone changed the deal since, the hub refuses it, the
 * rep is told, and the card is fetched again — nothing is overwritten.
 */
export const dealUpdate: Feature = {
  id: 'deal-update',
  init(context) {
    context.parts.push((card) => {
      for (const { deal } of card.entry.card?.openDeals ?? []) {
        const slot = card.slots.deal(deal.id);
        if (!slot) continue;
        const open = h('button', { class: 'link', type: 'button', 'data-action': 'update-deal' }, 'Update');
        open.addEventListener('click', () => fill(slot, editor(card, deal, card.pipelines.find((p) => p.id === deal.pipelineId))), { signal: card.signal });
        slot.append(open);
      }
    });
  },
};

function editor(card: CardContext, deal: DealView, pipeline: PipelineView | undefined): HTMLElement {
  const digits = minorUnits(deal.amount.currency);
  const stage = h('select', { name: 'stage', 'aria-label': 'Stage' }, ...(pipeline?.stages ?? [{ id: deal.stageId, name: deal.stageId }]).map((s) => h('option', { value: s.id, ...(s.id === deal.stageId ? { selected: true } : {}) }, s.name)));
  const amount = h('input', { name: 'amount', inputmode: 'decimal', value: (deal.amount.minor / 10 ** digits).toFixed(digits), 'aria-label': `Amount (${deal.amount.currency})` });
  const close = h('input', { name: 'close', type: 'date', value: deal.expectedCloseDate ?? '', 'aria-label': 'Close date' });
  const reason = h('input', { name: 'reason', placeholder: 'Why was it lost?', 'aria-label': 'Lost reason' });
  const competitor = h('input', { name: 'competitor', placeholder: 'Competitor (optional)', 'aria-label': 'Competitor' });
  const send = async (change: DealChange, label: string, button: HTMLButtonElement): Promise<void> => {
    button.disabled = true;
    try {
      const result = await ask<WriteResult>({ type: 'deal.update', dealId: deal.id, version: deal.version, change, label });
      card.toast(result.queued ? `${label}: saved here, sent when you are back online.` : `${label}: done.`);
    } catch (error) {
      const message = error instanceof AskError ? error.message : 'Could not update the deal.';
      card.toast(error instanceof AskError && error.code === 'conflict' ? `${message} The card now shows the latest.` : message, 'error');
    }
    await card.refresh();
  };
  const button = (text: string, onClick: (b: HTMLButtonElement) => void, primary = false): HTMLButtonElement => {
    const b = h('button', { class: `btn${primary ? ' primary' : ''}`, type: 'button', 'data-action': text.toLowerCase().replace(/\s+/g, '-') }, text);
    b.addEventListener('click', () => onClick(b), { signal: card.signal });
    return b;
  };
  const save = button('Save', (b) => {
    const stageName = stage.selectedOptions[0]?.textContent ?? stage.value;
    if (stage.value !== deal.stageId) return void send({ kind: 'stage', stageId: stage.value }, `Move ${deal.title} to ${stageName}`, b);
    const minor = Math.round(Number(amount.value.replace(/[\s,]/g, '')) * 10 ** digits);
    if (Number.isFinite(minor) && minor >= 0 && minor !== deal.amount.minor) return void send({ kind: 'amount', minor, currency: deal.amount.currency }, `Set ${deal.title} amount`, b);
    if (close.value && close.value !== deal.expectedCloseDate) return void send({ kind: 'close', date: close.value }, `Set ${deal.title} close date`, b);
    card.toast('Nothing changed.');
  }, true);
  const won = button('Won', (b) => void send({ kind: 'win' }, `Mark ${deal.title} won`, b));
  const lost = button('Lost', (b) => {
    if (!reason.value.trim()) {
      reason.focus();
      card.toast('Say why it was lost first.', 'error');
      return;
    }
    void send({ kind: 'lose', reason: reason.value.trim(), competitor: competitor.value.trim() || null }, `Mark ${deal.title} lost`, b);
  });
  return h(
    'form',
    { class: 'edit', 'data-form': 'deal' },
    h('label', {}, 'Stage', stage),
    h('div', { class: 'inline' }, h('label', {}, `Amount (${deal.amount.currency})`, amount), h('label', {}, 'Close date', close)),
    h('div', { class: 'inline' }, save, won),
    h('label', {}, 'Lost?', reason),
    competitor,
    h('div', { class: 'inline' }, lost),
  );
}
