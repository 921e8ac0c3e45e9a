import { addDays, localDate } from '@rapport/core';
import type { types } from '@slack/bolt';
import { VIEWS } from '../ids.js';
import { LIMITS } from '../limits.js';
import { plainText } from '../mrkdwn.js';
import { encodeMetadata, type ModalOrigin } from './metadata.js';

export interface ReminderMetadata extends ModalOrigin {
  /** The customer (con_… or acc_…) the reminder is about, or null. */
  customerId: string | null;
  timeZone: string;
}

/** Create a reminder: what, and a day and time read in the person's own time zone (tomorrow 09:00 to start with). */
export function reminderModal(options: { about: { id: string; name: string } | null; timeZone: string; now: Date; origin: ModalOrigin }): types.ModalView {
  const { about, timeZone, now, origin } = options;
  const metadata: ReminderMetadata = { ...origin, customerId: about?.id ?? null, timeZone };
  return {
    type: 'modal',
    callback_id: VIEWS.createReminder,
    title: plainText('Remind me', LIMITS.modalTitle),
    submit: plainText('Set reminder', LIMITS.modalButton),
    close: plainText('Cancel', LIMITS.modalButton),
    private_metadata: encodeMetadata(metadata),
    blocks: [
      {
        type: 'input',
        block_id: 'what',
        label: plainText(about ? `What about ${about.name}?` : 'What?', LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 500, initial_value: about ? `Follow up with ${about.name}`.slice(0, 500) : '' },
      },
      {
        type: 'input',
        block_id: 'day',
        label: plainText('Day', LIMITS.inputLabel),
        element: { type: 'datepicker', action_id: 'value', initial_date: addDays(localDate(now, timeZone), 1) },
      },
      {
        type: 'input',
        block_id: 'time',
        label: plainText(`Time (${timeZone})`, LIMITS.inputLabel),
        element: { type: 'timepicker', action_id: 'value', initial_time: '09:00' },
      },
    ],
  };
}
