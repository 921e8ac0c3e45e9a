import type { types } from '@slack/bolt';

/** A customer a button or link is about: a contact or an account id (ids say their kind: con_…, acc_…). */
export type CustomerId = string;

/** What views need to know about the reader and the hub. */
export interface ViewContext {
  /** The reader's time zone and now, for dates and "overdue". */
  timeZone: string;
  now: Date;
  /** The reader's locale for custom field values (numbers, money, dates); en-US when unknown. */
  locale?: string;
  /** A link that opens the customer in a browser, or null when there is none. */
  openUrl(customerId: CustomerId): string | null;
}

/** A message: the blocks, and the plain text Slack shows in notifications and old clients. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}
