import type { WriteResult } from '../../shared/views.js';
import type { Feature } from '../context.js';
import { ask, AskError } from '../../shared/ask.js';
import { h } from '../ui/dom.js';

/**
 * "Create contact" for someone Rapport does not know: name and address from the email, and
 * the company from the web domain (never from a free-mail domain or the rep's own company's).
 */
export const createContact: Feature = {
  id: 'create-contact',
  init(context) {
    context.parts.push((card) => {
      if (card.entry.card?.contact || !card.entry.savedAt) return;
      const known = card.entry.card?.account ?? null;
      const domain = card.entry.suggestion?.domain ?? null;
      const name = h('input', { name: 'name', value: card.person.name === card.person.email ? '' : card.person.name, required: true, 'aria-label': 'Name' });
      const company = h('input', { name: 'company', value: known?.name ?? card.entry.suggestion?.company ?? '', 'aria-label': 'Company', placeholder: domain ? '' : 'No company (personal address)' });
      if (known || !domain) company.disabled = true;
      const submit = h('button', { class: 'btn primary', type: 'submit' }, 'Create contact');
      const form = h(
        'form',
        { class: 'edit', 'data-form': 'create-contact' },
        h('label', {}, 'Name', name),
        h('label', {}, 'Email', h('input', { value: card.person.email, disabled: true, 'aria-label': 'Email' })),
        h('label', {}, domain ? `Company (${domain})` : 'Company', company),
        h('div', { class: 'inline' }, submit),
      );
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        submit.disabled = true;
        try {
          const result = await ask<WriteResult>({
            type: 'contact.create',
            name: name.value.trim() || card.person.email,
            email: card.person.email,
            company: known ? null : domain ? company.value.trim() || null : null,
            domain,
          });
          card.toast(result.queued ? 'Saved here; the contact is created when you are back online.' : `${name.value.trim()} added to Rapport.`);
          await card.refresh();
        } catch (error) {
          submit.disabled = false;
          card.toast(error instanceof AskError ? error.message : 'Could not create the contact.', 'error');
        }
      }, { signal: card.signal });
      card.slots.panel.append(form);
    });
  },
};
