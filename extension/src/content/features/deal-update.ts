import type { Request } from '../../shared/protocol.js';
import type { DealView, PipelineView, WriteResult } from '../../shared/views.js';
import type { CardContext, Feature } from '../context.js';

type DealEdit = Extract<Request, { type: 'deal.update' }>['edit'];
import { ask, AskError } from '../../shared/ask.js';
import { fill, h, minorUnits } from '../ui/dom.js';

/**
 * Update a deal in place: stage, amount, close date, won, or lost with a reason. One save sends
 * every field the rep changed, with the version the rep saw; if someone changed the deal since,
 * the hub refuses it, the rep is told, and the card is fetched again — nothing is overwritten.
 * When only part of a save could be applied, the message says what was not saved.
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
  const send = async (edit: DealEdit, label: string, button: HTMLButtonElement): Promise<void> => {
    button.disabled = true;
    try {
      const result = await ask<WriteResult>({ type: 'deal.update', dealId: deal.id, version: deal.version, edit, label });
      card.toast(result.queued ? `${label}: saved here, sent when you are back online.` : `${label}: done.`);
    } catch (error) {
      const message = error instanceof AskError ? error.message : 'Could not update the deal.';
      card.toast(error instanceof AskError && error.code === 'conflict' ? `${message} The card now shows the latest.` : message, 'error');
    }
    await card.refresh();
  };
  /** Every field that differs from the deal as shown, and how to say it; null when the amount is unreadable. */
  const changed = (): { edit: DealEdit; said: string[] } | null => {
    const edit: { stageId?: string; amount?: { minor: number; currency: string }; expectedCloseDate?: string } = {};
    const said: string[] = [];
    if (stage.value !== deal.stageId) {
      edit.stageId = stage.value;
      said.push(`stage ${stage.selectedOptions[0]?.textContent ?? stage.value}`);
    }
    const minor = Math.round(Number(amount.value.replace(/[\s,]/g, '')) * 10 ** digits);
    if (!Number.isFinite(minor) || minor < 0) return null;
    if (minor !== deal.amount.minor) {
      edit.amount = { minor, currency: deal.amount.currency };
      said.push('amount');
    }
    if (close.value && close.value !== deal.expectedCloseDate) {
      edit.expectedCloseDate = close.value;
      said.push('close date');
    }
    return { edit, said };
  };
  const unreadable = (): void => {
    amount.focus();
    card.toast(`The amount “${amount.value}” is not a number: nothing was saved.`, 'error');
  };
  const button = (text: string, onClick: (b: HTMLButtonElement) => void, primary = false): HTMLButtonElement => {
    const b = h('button', { class: `btn${primary ? ' primary' : ''}`, type: 'button', 'data-action': text.toLowerCase().replace(/\s+/g, '-') }, text);
    b.addEventListener('click', () => onClick(b), { signal: card.signal });
    return b;
  };
  const save = button('Save', (b) => {
    const found = changed();
    if (!found) return unreadable();
    if (found.said.length === 0) return card.toast('Nothing changed.');
    void send(found.edit, `Set ${deal.title} ${found.said.join(', ')}`, b);
  }, true);
  const won = button('Won', (b) => {
    const found = changed();
    if (!found) return unreadable();
    void send({ ...found.edit, outcome: { status: 'won' } }, `Mark ${deal.title} won`, b);
  });
  const lost = button('Lost', (b) => {
    const found = changed();
    if (!found) return unreadable();
    if (!reason.value.trim()) {
      reason.focus();
      card.toast('Say why it was lost first.', 'error');
      return;
    }
    void send({ ...found.edit, outcome: { status: 'lost', reason: reason.value.trim(), competitor: competitor.value.trim() || null } }, `Mark ${deal.title} lost`, b);
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
