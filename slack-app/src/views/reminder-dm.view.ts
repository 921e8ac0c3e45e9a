import type { Reminder, ReminderNotice } from '@rapport/core';
import type { types } from '@slack/bolt';
import { money, plural } from './format.js';
import { bold, context, esc, section, slackDate } from './mrkdwn.js';
import { reminderButtons } from './reminder-buttons.js';
import type { SlackMessage } from './view-context.js';

const DEALS_SHOWN = 3;

export function aboutText(contact: { name: string } | null, account: { name: string } | null): string | null {
  if (contact && account) return `${contact.name} (${account.name})`;
  return contact?.name ?? account?.name ?? null;
}

/** The DM sent when a reminder comes due: what, about whom, their open deals, the last touch, and buttons. */
export function reminderDueMessage(notice: ReminderNotice): SlackMessage {
  const { reminder, contact, account, openDeals, lastActivity } = notice;
  const about = aboutText(contact, account);
  const blocks: types.KnownBlock[] = [section(`:alarm_clock: ${bold(esc(reminder.title))}\nDue ${slackDate(notice.fireAt)}${about ? ` · about ${bold(esc(about))}` : ''}`)];
  if (reminder.notes) blocks.push(context(esc(reminder.notes, 1000)));
  if (openDeals.length > 0) {
    const lines = openDeals.slice(0, DEALS_SHOWN).map((d) => `• ${esc(d.title)} · ${money(d.amount)}${d.expectedCloseDate ? ` · closes ${d.expectedCloseDate}` : ''}`);
    if (openDeals.length > DEALS_SHOWN) lines.push(`_and ${plural(openDeals.length - DEALS_SHOWN, 'more deal')}_`);
    blocks.push(section(`*Open deals*\n${lines.join('\n')}`));
  }
  if (lastActivity) {
    const what = lastActivity.subject ?? lastActivity.body ?? lastActivity.type;
    blocks.push(context(`Last touch: ${lastActivity.type} ${slackDate(lastActivity.occurredAt, '{date_short}')} · ${esc(what.replace(/\s+/g, ' '), 200)}`));
  }
  blocks.push(reminderButtons(reminder));
  return { text: `Reminder: ${esc(reminder.title)}${about ? ` (about ${esc(about)})` : ''}`, blocks };
}

/** The same message once handled: what was done, with no buttons left to press. */
export function reminderHandledMessage(reminder: Reminder, done: 'done' | 'snoozed' | 'already', about: string | null): SlackMessage {
  const title = bold(esc(reminder.title));
  const line =
    done === 'done'
      ? `:white_check_mark: Done: ${title}`
      : done === 'snoozed'
        ? `:zzz: Snoozed ${title} until ${slackDate(reminder.snoozedUntil ?? reminder.dueAt)}`
        : reminder.status === 'open'
          ? `:information_source: ${title} was changed elsewhere: it is due ${slackDate(reminder.snoozedUntil ?? reminder.dueAt)}.`
          : `:information_source: ${title} is already ${reminder.status}.`;
  return { text: line, blocks: [section(`${line}${about ? `\nabout ${esc(about)}` : ''}`)] };
}
