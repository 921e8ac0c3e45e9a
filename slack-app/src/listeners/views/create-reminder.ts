import { instantOf, parseDate, type ReminderInput } from '@rapport/core';
import { decodeMetadata } from '../../views/modals/metadata.js';
import type { ReminderMetadata } from '../../views/modals/reminder.modal.js';
import { esc, section, slackDate } from '../../views/mrkdwn.js';
import type { SlackMessage } from '../../views/view-context.js';
import { identify, refreshHome, tell, type ListenerDeps } from '../deps.js';
import { reporting } from '../failures.js';
import { inputValue, type SubmitArgs } from './view-args.js';

/** The reminder modal was submitted: the day and time are read in the person's zone; a time that has passed goes back to the modal. */
export function createReminderSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view, client }: SubmitArgs): Promise<void> => {
    const meta = decodeMetadata<ReminderMetadata>(view.private_metadata);
    const what = inputValue(view, 'what');
    const dayText = inputValue(view, 'day');
    const time = inputValue(view, 'time') ?? '09:00';
    const timeZone = meta.timeZone ?? 'UTC';
    const [hour = 9, minute = 0] = time.split(':').map(Number);
    const at = dayText ? instantOf({ ...parseDate(dayText), hour, minute, second: 0 }, timeZone) : null;
    if (!what || !at) {
      await ack({ response_action: 'errors', errors: { ...(!what ? { what: 'Say what to be reminded of.' } : {}), ...(!at ? { day: 'Pick a day.' } : {}) } });
      return;
    }
    if (at.getTime() <= deps.clock.now().getTime()) {
      await ack({ response_action: 'errors', errors: { time: `That time has passed in ${timeZone}. Pick a later one.` } });
      return;
    }
    await ack();
    const channel = meta.channel ?? null;
    const show = (m: SlackMessage) => tell(client, body.user.id, channel, m);
    await reporting(deps, show, async () => {
      if (!(await deps.claimOnce('view', `${view.id}:${view.hash}`))) return;
      const who = await identify(deps, body.user.id, client);
      if (!who.ok) return void (await show(who.message));
      const customerId = meta.customerId ?? null;
      const input: ReminderInput = {
        title: what,
        dueAt: at.toISOString(),
        ...(customerId?.startsWith('acc_') ? { accountId: customerId } : customerId ? { contactId: customerId } : {}),
      };
      const reminder = await deps.services.reminders.create(who.actor, input);
      const text = `:alarm_clock: Reminder set for ${slackDate(reminder.dueAt)}: ${esc(reminder.title)}.`;
      await show({ text: `Reminder set: ${esc(reminder.title)}`, blocks: [section(text)] });
      if (channel === null) await refreshHome(deps, who.actor, body.user.id, client);
    });
  };
}
