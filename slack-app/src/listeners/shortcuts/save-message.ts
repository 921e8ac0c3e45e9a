import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { saveMessageModal } from '../../views/modals/save-message.modal.js';
import { identify, type ListenerDeps } from '../deps.js';
import { reporting } from '../failures.js';
import { unescapeSlack } from '../views/save-message.js';

export type ShortcutArgs = Pick<SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs, 'ack' | 'shortcut' | 'respond' | 'client'>;

/** "Save to CRM" on a message: a modal to pick the customer, with the message's text to log. */
export function saveMessageShortcut(deps: ListenerDeps) {
  return async ({ ack, shortcut, respond, client }: ShortcutArgs): Promise<void> => {
    await ack();
    const show = (m: { text: string; blocks: unknown[] }) => respond({ response_type: 'ephemeral', text: m.text, blocks: m.blocks as never });
    await reporting(deps, show, async () => {
      const who = await identify(deps, shortcut.user.id, client);
      if (!who.ok) return void (await show(who.message));
      const text = unescapeSlack(shortcut.message.text ?? '');
      await client.views.open({ trigger_id: shortcut.trigger_id, view: saveMessageModal({ channel: shortcut.channel.id, ts: shortcut.message.ts, text }) });
    });
  };
}
