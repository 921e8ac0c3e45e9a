import { recordCardFields, type Activity, type CardField, type CustomerCard, type DealSummary, type Reminder } from '@rapport/core';
import type { types } from '@slack/bolt';
import { day, money, plural, todayIn } from './format.js';
import { ACTIONS } from './ids.js';
import { LIMITS } from './limits.js';
import { bold, button, context, divider, esc, header, linkButton, section, slackDate } from './mrkdwn.js';
import type { SlackMessage, ViewContext } from './view-context.js';

const DEALS_SHOWN = 5;
const ACTIVITIES_SHOWN = 5;
const REMINDERS_SHOWN = 5;

/** The customer a card is about, as button values carry it. */
export const cardCustomerId = (card: CustomerCard): string => card.contact?.id ?? card.account?.id ?? '';

export function cardTitle(card: CustomerCard): string {
  if (card.contact && card.account) return `${card.contact.name} · ${card.account.name}`;
  return card.contact?.name ?? card.account?.name ?? 'Customer';
}

/** Custom card fields as Slack section fields: the label in bold over the value. */
const customFieldTexts = (fields: readonly CardField[]): string[] => fields.map((f) => `*${esc(f.label, 100)}*\n${esc(f.display, 300)}`);

/** A deal's card fields on one line after its summary: " · Region: EMEA · Contract end: Mar 31, 2027". */
function dealFieldsLine(card: CustomerCard, summary: DealSummary, locale: string | undefined): string {
  const fields = recordCardFields(card, 'deal', summary.deal, locale);
  return fields.map((f) => ` · ${esc(f.label, 60)}: ${esc(f.display, 120)}`).join('').slice(0, 1000);
}

function identityFields(card: CustomerCard, locale?: string): string[] {
  const person = (id: string) => card.people[id]?.name ?? 'someone';
  const fields: string[] = [];
  const { contact, account } = card;
  if (contact) {
    if (contact.title) fields.push(`*Title*\n${esc(contact.title, 200)}`);
    if (contact.emails.length > 0) fields.push(`*Email*\n${contact.emails.slice(0, 3).map((e) => esc(e, 200)).join(', ')}`);
    if (contact.phones.length > 0) fields.push(`*Phone*\n${contact.phones.slice(0, 2).map((p) => esc(p, 60)).join(', ')}`);
    fields.push(`*Contact owner*\n${esc(person(contact.ownerId))}`);
    fields.push(...customFieldTexts(recordCardFields(card, 'contact', contact, locale)));
  }
  if (account) {
    if (contact) fields.push(`*Account*\n${esc(account.name)}`);
    if (account.domains.length > 0) fields.push(`*Web*\n${account.domains.slice(0, 3).map((d) => esc(d, 200)).join(', ')}`);
    fields.push(`*Stage*\n${account.lifecycle.replace('_', ' ')}${account.industry ? ` · ${esc(account.industry, 100)}` : ''}`);
    fields.push(`*Account owner*\n${esc(person(account.ownerId))}`);
    fields.push(...customFieldTexts(recordCardFields(card, 'account', account, locale)));
  }
  return fields.slice(0, LIMITS.sectionFields);
}

export function dealLine({ deal, stageName, daysInStage }: DealSummary, today: string): string {
  const close = deal.expectedCloseDate ? ` · closes ${day(deal.expectedCloseDate, today)}` : '';
  return `${bold(esc(deal.title))} — ${esc(stageName, 60)} · ${money(deal.amount)}${close} · ${plural(daysInStage, 'day')} in stage`;
}

function activityLine(activity: Activity, card: CustomerCard): string {
  const what = activity.subject ?? activity.body ?? activity.type;
  const who = card.people[activity.authorId]?.name ?? 'someone';
  return `${activity.type} · ${slackDate(activity.occurredAt, '{date_short}')} · ${esc(who, 80)}: ${esc(what.replace(/\s+/g, ' '), 150)}`;
}

function reminderLine(reminder: Reminder, card: CustomerCard): string {
  const who = card.people[reminder.assigneeId]?.name ?? 'someone';
  return `:alarm_clock: ${esc(reminder.title, 200)} · ${slackDate(reminder.snoozedUntil ?? reminder.dueAt)} · ${esc(who, 80)}`;
}

const more = (shown: number, total: number, what: string, many = `${what}s`): string[] => (total > shown ? [`_and ${plural(total - shown, `more ${what}`, `more ${many}`)}_`] : []);

/** The customer card as a Slack message: who, their company, open deals, last activities, open reminders, and what to do next. */
export function cardMessage(card: CustomerCard, ctx: ViewContext): SlackMessage {
  const today = todayIn(ctx.now, ctx.timeZone);
  const customerId = cardCustomerId(card);
  const blocks: types.KnownBlock[] = [header(cardTitle(card))];
  const fields = identityFields(card, ctx.locale);
  if (fields.length > 0) blocks.push({ type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text: text.slice(0, LIMITS.fieldText) })) });
  blocks.push(divider());

  const deals = card.openDeals.slice(0, DEALS_SHOWN);
  blocks.push(section(card.openDeals.length === 0 ? '*Open deals*\nNone yet.' : `*Open deals* (${card.openDeals.length})`));
  for (const summary of deals) blocks.push(section(dealLine(summary, today) + dealFieldsLine(card, summary, ctx.locale), button('Update', ACTIONS.updateDeal, summary.deal.id)));
  if (card.openDeals.length > DEALS_SHOWN) blocks.push(context(...more(DEALS_SHOWN, card.openDeals.length, 'deal')));

  const activities = card.lastActivities.slice(0, ACTIVITIES_SHOWN);
  blocks.push(section(activities.length === 0 ? '*Last activities*\nNothing logged yet.' : '*Last activities*'));
  for (const activity of activities) blocks.push(context(activityLine(activity, card)));
  if (card.lastActivities.length > ACTIVITIES_SHOWN) blocks.push(context(...more(ACTIVITIES_SHOWN, card.lastActivities.length, 'activity', 'activities')));

  if (card.openReminders.length > 0) {
    const reminders = card.openReminders.slice(0, REMINDERS_SHOWN).map((r) => reminderLine(r, card));
    blocks.push(section(['*Open reminders*', ...reminders, ...more(REMINDERS_SHOWN, card.openReminders.length, 'reminder')].join('\n')));
  }

  const actions: types.Button[] = [button('Log a note', ACTIONS.logNote, customerId, 'primary')];
  if (card.openDeals.length > 0) actions.push(button('Move stage', ACTIONS.moveStage, customerId));
  actions.push(button('Remind me', ACTIONS.remindMe, customerId));
  const url = ctx.openUrl(customerId);
  if (url) actions.push(linkButton('Open in browser', ACTIONS.openInBrowser, url));
  blocks.push({ type: 'actions', elements: actions });

  const dealText = card.openDeals.length > 0 ? `, ${plural(card.openDeals.length, 'open deal')}` : '';
  return { text: `${esc(cardTitle(card))}${dealText}`, blocks };
}
