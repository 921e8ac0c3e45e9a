import { Command, runCommand, type CardKey } from '@rapport/core';
import { cardMessage } from '../../views/card.view.js';
import { outcomeMessage } from '../../views/outcome.view.js';
import type { SlackMessage } from '../../views/view-context.js';
import { identify, viewContext, type ListenerDeps } from '../deps.js';
import { reporting } from '../failures.js';
import type { ButtonArgs } from './action-args.js';

export const customerKey = (id: string): Extract<CardKey, { contactId: string }> | Extract<CardKey, { accountId: string }> => (id.startsWith('acc_') ? { accountId: id } : { contactId: id });

const replace = (respond: ButtonArgs['respond']) => (message: SlackMessage) =>
  respond({ replace_original: true, response_type: 'ephemeral', text: message.text, blocks: message.blocks });

/** "Show" on a match list: the list becomes that customer's card. */
export function pickCustomer(deps: ListenerDeps) {
  return async ({ ack, body, action, respond, client }: ButtonArgs): Promise<void> => {
    await ack();
    const show = replace(respond);
    await reporting(deps, show, async () => {
      const who = await identify(deps, body.user.id, client);
      if (!who.ok) return void (await show(who.message));
      const card = await deps.services.cards.card(who.actor, customerKey(action.value ?? ''));
      await show(cardMessage(card, viewContext(deps, who.actor)));
    });
  };
}

/** "Pick" on a list of deals: runs the command the person typed on the deal they picked. */
export function pickDeal(deps: ListenerDeps) {
  return async ({ ack, body, action, respond, client }: ButtonArgs): Promise<void> => {
    await ack();
    const show = replace(respond);
    await reporting(deps, show, async () => {
      const who = await identify(deps, body.user.id, client);
      if (!who.ok) return void (await show(who.message));
      // A double click sends the same pick twice: only the first runs (a note is logged once).
      const message = (body.container as { message_ts?: string } | undefined)?.message_ts ?? '';
      if (!(await deps.claimOnce('pick', `${body.user.id}:${message}:${action.value ?? ''}`))) return;
      const command = Command.safeParse(safeJson(action.value));
      if (!command.success || command.data.kind !== 'deal') throw new Error('A deal button carried no deal command');
      const outcome = await runCommand(deps, who.actor, command.data, { now: deps.clock.now(), timeZone: who.actor.user.timeZone });
      await show(outcomeMessage(outcome, viewContext(deps, who.actor)));
    });
  };
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return null;
  }
}
