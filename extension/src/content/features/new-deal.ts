import type { Feature } from '../context.js';
import { h } from '../ui/dom.js';
import { newDealForm } from '../ui/new-deal-form.js';

/** "New deal" for the person's account, against a hub or in local mode alike. */
export const newDeal: Feature = {
  id: 'new-deal',
  init(context) {
    context.parts.push((card) => {
      const account = card.entry.card?.account;
      if (!account) return;
      const open = h('button', { class: 'btn', type: 'button', 'data-action': 'new-deal' }, 'New deal');
      let opened: HTMLFormElement | null = null;
      open.addEventListener('click', () => {
        if (opened?.isConnected) return void opened.remove();
        opened = newDealForm({
          accountId: account.id,
          accountName: account.name,
          contactId: card.entry.card?.contact?.id ?? null,
          currency: card.entry.card?.openDeals[0]?.deal.amount.currency ?? 'USD',
          pipelines: card.pipelines,
          said: (message, kind) => card.toast(message, kind),
          done: () => void card.refresh(),
        });
        card.slots.panel.append(opened);
      }, { signal: card.signal });
      card.slots.actions.append(open);
    });
  },
};
