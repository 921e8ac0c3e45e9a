import { CrmError, type Notifier, type ReminderNotice, type User } from '@rapport/core';
import { webApi } from '@slack/bolt';
import { reminderDueMessage } from '../views/reminder-dm.view.js';

export interface SlackNotifierOptions {
  /** A Web API client that rejects rate-limited calls instead of waiting, so the scheduler retries after Retry-After. */
  client: webApi.WebClient;
  /** Claims a delivery once (see claimOnce); release gives the claim back when the DM did not go out. */
  claim(key: string): Promise<boolean>;
  release(key: string): Promise<void>;
}

/**
 * The Slack channel of the reminder scheduler: a DM from the app when a reminder comes due,
 * with its context and Done / Snooze buttons. The scheduler holds reminders back during quiet
 * hours and retries; a DM already sent for a delivery key (a hub that crashed before recording
 * it) is not sent again.
 */
export class SlackNotifier implements Notifier {
  readonly channel = 'slack';

  constructor(private readonly options: SlackNotifierOptions) {}

  reaches(user: User): boolean {
    return user.identities.slackUserId !== null;
  }

  async deliver(notice: ReminderNotice): Promise<void> {
    const slackUserId = notice.assignee.identities.slackUserId;
    if (!slackUserId) throw new CrmError('invalid_input', `${notice.assignee.name} has not linked Slack.`);
    if (!(await this.options.claim(notice.deliveryKey))) return;
    const message = reminderDueMessage(notice);
    try {
      await this.options.client.chat.postMessage({ channel: slackUserId, text: message.text, blocks: message.blocks });
    } catch (error) {
      await this.options.release(notice.deliveryKey);
      throw asDeliveryError(error);
    }
  }
}

/** Slack's answer as a CrmError the scheduler understands: rate limits carry Retry-After. */
export function asDeliveryError(error: unknown): CrmError {
  const coded = error as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (coded.code === webApi.ErrorCode.RateLimitedError) {
    const seconds = typeof coded.retryAfter === 'number' ? coded.retryAfter : 60;
    return new CrmError('rate_limited', `Slack asked to wait ${seconds} s before sending more.`, { details: { retryAfterMs: seconds * 1000 }, cause: error });
  }
  const reason = coded.data?.error ?? (error instanceof Error ? error.message : String(error));
  return new CrmError('unavailable', `Slack did not take the message: ${reason}`, { cause: error });
}
