import { resolveMessageId } from '../../gmail/rfc-message-id.js';
import type { WriteResult } from '../../shared/views.js';
import type { Feature } from '../context.js';
import { ask, AskError } from '../../shared/ask.js';
import { messageFor } from '../thread-view.js';
import { h } from '../ui/dom.js';

/**
 * "Log this email": the person's latest message on the thread becomes an activity (subject,
 * date, participants and a short snippet; the whole text only when the rep ticks the box),
 * de-duplicated by Message-ID, and shown as logged when the thread is opened again.
 */
export const logEmail: Feature = {
  id: 'log-email',
  init(context) {
    context.parts.push((card) => {
      if (!card.entry.card) return;
      const message = messageFor(card.thread, card.person.email);
      if (!message?.gmailId) return;
      const gmailId = message.gmailId;
      const button = h('button', { class: 'btn', type: 'button', 'data-action': 'log-email' }, 'Log this email');
      const whole = h('input', { type: 'checkbox', 'data-field': 'whole-body' });
      const option = h('label', { class: 'muted inline' }, whole, 'full text');
      const showLogged = (queued: boolean): void => {
        button.replaceWith(h('span', { class: 'done', 'data-state': 'logged' }, queued ? '✓ Logged · waiting to sync' : '✓ Logged'));
        option.remove();
      };
      card.slots.actions.append(button, option);
      void ask<string[]>({ type: 'logged.check', keys: [gmailId] }).then((logged) => {
        if (logged.includes(gmailId) && !card.signal.aborted) showLogged(false);
      }, () => undefined);
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          const messageId = (await resolveMessageId(message.source, document, location)) ?? `gmail:${gmailId}`;
          const participants = [...new Set([message.sender?.email, ...message.recipients.map((r) => r.email)].filter((e): e is string => Boolean(e)))];
          const result = await ask<WriteResult>({
            type: 'email.log',
            email: card.person.email,
            gmailId,
            messageId,
            subject: card.thread.subject.slice(0, 500),
            occurredAt: message.date,
            participants,
            text: (whole.checked ? message.body() : message.snippet()).slice(0, 20000),
          });
          showLogged(result.queued);
          card.toast(result.queued ? 'Saved here; it goes to Rapport when you are back online.' : 'Email logged.');
          if (!result.queued) void card.refresh();
        } catch (error) {
          button.disabled = false;
          card.toast(error instanceof AskError ? error.message : 'Could not log this email.', 'error');
        }
      }, { signal: card.signal });
    });
  },
};
