import type { Notifier, ReminderNotice } from '@rapport/core';
import type { Logger } from '../logger.js';

/** The channel every hub has: writes each due reminder to the hub's log. */
export class LogNotifier implements Notifier {
  readonly channel = 'log';

  constructor(private readonly logger: Logger) {}

  reaches(): boolean {
    return true;
  }

  async deliver(notice: ReminderNotice): Promise<void> {
    const about = notice.contact?.name ?? notice.account?.name ?? notice.openDeals[0]?.title ?? null;
    this.logger.info(`reminder due for ${notice.assignee.name}: ${notice.reminder.title}${about ? ` (about ${about})` : ''}`, {
      reminderId: notice.reminder.id,
      assignee: notice.assignee.email,
      fireAt: notice.fireAt,
    });
  }
}
