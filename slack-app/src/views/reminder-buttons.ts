import type { Reminder } from '@rapport/core';
import type { types } from '@slack/bolt';
import { ACTIONS, SNOOZES, type SnoozeId } from './ids.js';
import { button } from './mrkdwn.js';

/**
 * A reminder button's value: the reminder and the version the message showed. Acting on an
 * older version (a double click, a second device) is refused by the core, so nothing happens twice.
 */
export const reminderValue = (reminder: Pick<Reminder, 'id' | 'version'>, snooze?: SnoozeId): string => [reminder.id, reminder.version, ...(snooze ? [snooze] : [])].join(':');

export function parseReminderValue(value: string | undefined): { id: string; version: number; snooze: SnoozeId | null } | null {
  const [id, version, snooze] = (value ?? '').split(':');
  const n = Number(version);
  if (!id || !Number.isInteger(n) || n < 1) return null;
  const preset = SNOOZES.find((s) => s.id === snooze);
  return { id, version: n, snooze: preset?.id ?? null };
}

/** Done, and the snooze presets. */
export function reminderButtons(reminder: Reminder, blockId?: string): types.ActionsBlock {
  return {
    type: 'actions',
    ...(blockId ? { block_id: blockId } : {}),
    elements: [
      button('Done', ACTIONS.reminderDone, reminderValue(reminder), 'primary'),
      ...SNOOZES.map((s) => ({ ...button(s.label, `${ACTIONS.reminderSnooze}_${s.id}`, reminderValue(reminder, s.id)) })),
    ],
  };
}
