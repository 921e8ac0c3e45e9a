import { asCrmError } from '@rapport/core';
import type { IdbCardCache } from '@rapport/indexeddb';
import { badge, notifications } from '../platform/browser.js';
import type { Backend } from './backend.js';

export interface NoticeMark {
  id: string;
  version: number;
}

export const NOTIFICATION_BUTTONS = ['Done', 'Snooze 1 hour'] as const;

/**
 * One sync pass (on the alarm, when the browser is back online, on request): sends the outbox,
 * shows a desktop notification for each reminder that came due and was not shown yet, and
 * sets the toolbar badge to the number of reminders due today or overdue. Returns whether the
 * hub was reachable.
 */
export async function syncOnce(backend: Backend, cache: IdbCardCache): Promise<boolean> {
  let online = await backend.sync().catch(() => false);
  try {
    for (const notice of await backend.notices()) {
      const mark = `notice:${notice.key}`;
      if (await cache.getMark(mark)) continue;
      // Marked before it is shown: a worker stopped in between skips one ping rather than repeating it.
      await cache.putMark<NoticeMark>(mark, { id: notice.reminder.id, version: notice.reminder.version });
      await notifications.show(mark, notice.reminder.title, notice.reminder.about ? `About ${notice.reminder.about}` : 'Reminder due now', [...NOTIFICATION_BUTTONS]);
    }
    const due = await backend.dueReminders();
    await cache.putMark('dueCount', due.length);
    await badge.set(due.length);
  } catch (error) {
    if (asCrmError(error).code !== 'unavailable') throw error;
    online = false;
    await badge.set((await cache.getMark<number>('dueCount')) ?? 0);
  }
  return online;
}
