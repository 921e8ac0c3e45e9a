import { CrmError, type Actor, type Reminder } from '@rapport/core';
import { SNOOZES } from '../../views/ids.js';
import { parseReminderValue } from '../../views/reminder-buttons.js';
import { aboutText, reminderHandledMessage } from '../../views/reminder-dm.view.js';
import { identify, refreshHome, tell, type ListenerDeps, type SlackClient } from '../deps.js';
import { reporting } from '../failures.js';
import { originChannel, type ButtonArgs } from './action-args.js';

type Handled = { reminder: Reminder; done: 'done' | 'snoozed' | 'already' };

/**
 * Done or Snooze on a reminder (its DM or App Home). The button names the version it showed;
 * a second click, or a change made elsewhere meanwhile, is refused by the core and the message
 * just shows where the reminder stands, so nothing happens twice.
 */
export function reminderButton(deps: ListenerDeps) {
  return async ({ ack, body, action, client }: ButtonArgs): Promise<void> => {
    await ack();
    const channel = originChannel(body);
    await reporting(deps, (m) => tell(client, body.user.id, channel, m), async () => {
      const who = await identify(deps, body.user.id, client);
      if (!who.ok) return void (await tell(client, body.user.id, channel, who.message));
      const value = parseReminderValue(action.value);
      if (!value) throw new Error('A reminder button carried no reminder');
      const handled = await apply(deps, who.actor, value);
      await showHandled(deps, who.actor, client, body, handled);
    });
  };
}

async function apply(deps: ListenerDeps, actor: Actor, value: NonNullable<ReturnType<typeof parseReminderValue>>): Promise<Handled> {
  const reminders = deps.services.reminders;
  const options = { expectedVersion: value.version };
  try {
    if (value.snooze) {
      const words = SNOOZES.find((s) => s.id === value.snooze)?.words ?? '1h';
      return { reminder: await reminders.snooze(actor, value.id, { for: words }, options), done: 'snoozed' };
    }
    return { reminder: (await reminders.complete(actor, value.id, options)).reminder, done: 'done' };
  } catch (error) {
    if (error instanceof CrmError && error.code === 'conflict') return { reminder: await reminders.get(actor, value.id), done: 'already' };
    throw error;
  }
}

async function showHandled(deps: ListenerDeps, actor: Actor, client: SlackClient, body: ButtonArgs['body'], handled: Handled): Promise<void> {
  const container = body.container as { type?: string; channel_id?: string; message_ts?: string };
  if (container.type === 'view') return refreshHome(deps, actor, body.user.id, client);
  if (!container.channel_id || !container.message_ts) return;
  const about = await deps.store.read(async (uow) => {
    const { contactId, accountId } = handled.reminder;
    return aboutText(contactId ? await uow.contacts.get(contactId) : null, accountId ? await uow.accounts.get(accountId) : null);
  });
  const message = reminderHandledMessage(handled.reminder, handled.done, about);
  await client.chat.update({ channel: container.channel_id, ts: container.message_ts, text: message.text, blocks: message.blocks });
}
