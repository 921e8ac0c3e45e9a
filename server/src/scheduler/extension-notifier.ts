import type { Notifier, User } from '@rapport/core';

/** The channel name in the delivery log, and what `GET /api/v1/notices` reads. */
export const EXTENSION_CHANNEL = 'extension';

/**
 * The browser extension's channel. A hub cannot push into a browser, so delivering a notice
 * means putting it in the user's mailbox: the scheduler logs the delivery (after the due time,
 * quiet hours and snoozes, once per firing, like every channel), and the extension fetches
 * `GET /api/v1/notices` on its alarm, shows each notice's key once, and acts on the reminder
 * with the reminder routes. Every active user may run the extension, so every one is reached.
 */
export class ExtensionNotifier implements Notifier {
  readonly channel = EXTENSION_CHANNEL;

  reaches(user: User): boolean {
    return user.active;
  }

  async deliver(): Promise<void> {
    // Nothing to send: the delivery log entry the scheduler writes next is the mailbox.
  }
}
