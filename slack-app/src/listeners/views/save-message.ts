import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { matchId } from '../../views/find.view.js';
import { LIMITS } from '../../views/limits.js';
import { decodeMetadata } from '../../views/modals/metadata.js';
import type { SaveMessageMetadata } from '../../views/modals/save-message.modal.js';
import { fit, section } from '../../views/mrkdwn.js';
import type { SlackMessage } from '../../views/view-context.js';
import { identify, tell, type ListenerDeps } from '../deps.js';
import { reporting } from '../failures.js';
import { inputValue, type SubmitArgs } from './view-args.js';

/** Slack's own escapes in message text, turned back into the characters people wrote. */
export const unescapeSlack = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A Slack message ts ("1712345678.000200") as an instant. */
const tsInstant = (ts: string): string | undefined => {
  const seconds = Number(ts);
  return Number.isFinite(seconds) && seconds > 0 ? new Date(Math.floor(seconds * 1000)).toISOString() : undefined;
};

/**
 * The "Save to CRM" modal was submitted: the message is logged as a chat activity on the
 * customer picked, with its permalink as its external id, so saving it again logs nothing new.
 */
export function saveMessageSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view, client }: SubmitArgs): Promise<void> => {
    const meta = decodeMetadata<SaveMessageMetadata>(view.private_metadata);
    const customerId = inputValue(view, 'customer', 'customer');
    const text = inputValue(view, 'text');
    if (!customerId || !text) {
      await ack({ response_action: 'errors', errors: { ...(!customerId ? { customer: 'Pick a customer.' } : {}), ...(!text ? { text: 'There is nothing to save.' } : {}) } });
      return;
    }
    await ack();
    const show = (m: SlackMessage) => tell(client, body.user.id, meta.channel ?? null, m);
    await reporting(deps, show, async () => {
      const who = await identify(deps, body.user.id, client);
      if (!who.ok) return void (await show(who.message));
      const channel = meta.channel ?? '';
      const ts = meta.messageTs ?? '';
      const permalink = (await client.chat.getPermalink({ channel, message_ts: ts })).permalink ?? `slack:${channel}:${ts}`;
      const logged = await deps.services.activities.log(who.actor, {
        type: 'chat',
        subject: fit(text.split('\n')[0] ?? text, 120),
        body: text,
        occurredAt: tsInstant(ts),
        externalId: permalink,
        ...(customerId.startsWith('acc_') ? { accountId: customerId } : { contactId: customerId }),
      });
      const line = logged.created ? ':inbox_tray: Saved the message to the CRM.' : ':information_source: That message was saved to the CRM before; nothing new was logged.';
      await show({ text: line, blocks: [section(`${line} <${permalink}|View message>`)] });
    });
  };
}

export type OptionsArgs = Pick<SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs, 'ack' | 'body' | 'options' | 'client'>;

/** Type-ahead for the customer picker: lookup answers within the ack, as Slack needs the options in it. */
export function customerOptions(deps: ListenerDeps) {
  return async ({ ack, body, options, client }: OptionsArgs): Promise<void> => {
    const query = (options.value ?? '').trim();
    const who = query.length >= 1 ? await identify(deps, body.user.id, client) : null;
    if (!who?.ok) return ack({ options: [] });
    const matches = await deps.services.lookup.lookup(who.actor, query.slice(0, 200), { limit: 20 }).catch(() => []);
    await ack({
      options: matches.map((m) => ({
        text: { type: 'plain_text' as const, text: fit(m.kind === 'contact' ? `${m.contact.name}${m.account ? ` · ${m.account.name}` : ''}` : m.account.name, LIMITS.optionText) },
        value: matchId(m),
      })),
    });
  };
}

