import type { Migration } from './migration.js';

/**
 * "No reply" reminders: the sent email a reminder waits on (its Message-ID, thread, who should
 * answer, when it was sent), as one JSON value. Reminders are found by the contact or account
 * they are about, which is already indexed, so the column needs no index of its own.
 */
export const remindersAwaitingReply: Migration = {
  version: 15,
  name: 'reminders awaiting reply',
  statements: ({ json }) => [`ALTER TABLE reminders ADD COLUMN awaiting_reply ${json}`],
};
