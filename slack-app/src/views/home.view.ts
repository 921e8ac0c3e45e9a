import type { MyDay, MyDeal } from '@rapport/core';
import type { types } from '@slack/bolt';
import { day, money, plural } from './format.js';
import { ACTIONS } from './ids.js';
import { LIMITS } from './limits.js';
import { bold, button, context, divider, esc, header, section, slackDate } from './mrkdwn.js';
import { reminderButtons } from './reminder-buttons.js';

const REMINDERS_SHOWN = 15;
const DEALS_SHOWN = 15;
const STALE_SHOWN = 10;

function dealRow(d: MyDeal, today: string, why?: string): types.SectionBlock {
  const close = d.deal.expectedCloseDate ? ` · closes ${day(d.deal.expectedCloseDate, today)}` : ' · no close date';
  const line = `${bold(esc(d.deal.title))} · ${esc(d.accountName)}\n${esc(d.stageName, 60)} · ${money(d.deal.amount)}${close}${why ? ` · ${why}` : ''}`;
  return section(line, button('Update', ACTIONS.updateDeal, d.deal.id));
}

/** App Home: what is due today and overdue (with Done and Snooze), open deals by close date, stale deals. */
export function homeView(myDay: MyDay): types.HomeView {
  const blocks: types.KnownBlock[] = [header(`Your day · ${myDay.today}`)];
  const overdue = myDay.due.filter((d) => d.overdue).length;
  blocks.push(section(myDay.due.length === 0 ? '*Due today*\nNothing due today. :sunny:' : `*Due today and overdue* (${myDay.due.length}${overdue > 0 ? `, ${overdue} overdue` : ''})`));
  for (const due of myDay.due.slice(0, REMINDERS_SHOWN)) {
    const when = `${due.overdue ? ':red_circle: overdue since ' : ''}${slackDate(due.reminder.snoozedUntil ?? due.reminder.dueAt)}`;
    blocks.push(section(`${bold(esc(due.reminder.title))}${due.about ? ` · ${esc(due.about)}` : ''}\n${when}`), reminderButtons(due.reminder, `home_${due.reminder.id}`.slice(0, LIMITS.blockId)));
  }
  if (myDay.due.length > REMINDERS_SHOWN) blocks.push(context(`_and ${plural(myDay.due.length - REMINDERS_SHOWN, 'more reminder')}_`));

  blocks.push(divider(), section(myDay.openDealCount === 0 ? '*Open deals*\nNo open deals.' : `*Open deals by close date* (${myDay.openDealCount})`));
  for (const d of myDay.openDeals.slice(0, DEALS_SHOWN)) blocks.push(dealRow(d, myDay.today));
  if (myDay.openDealCount > Math.min(DEALS_SHOWN, myDay.openDeals.length)) blocks.push(context(`_and ${plural(myDay.openDealCount - Math.min(DEALS_SHOWN, myDay.openDeals.length), 'more deal')}: type \`/crm pipeline\` for totals_`));

  blocks.push(divider(), section(myDay.staleDeals.length === 0 ? '*Stale deals*\nNone: every deal moved recently. :tada:' : `*Stale deals* (${myDay.staleDeals.length})`));
  for (const d of myDay.staleDeals.slice(0, STALE_SHOWN)) {
    const late = d.deal.expectedCloseDate !== null && d.deal.expectedCloseDate < myDay.today;
    blocks.push(dealRow(d, myDay.today, late ? 'past its close date' : `${plural(d.daysInStage, 'day')} in stage`));
  }
  if (myDay.staleDeals.length > STALE_SHOWN) blocks.push(context(`_and ${plural(myDay.staleDeals.length - STALE_SHOWN, 'more stale deal')}_`));
  return { type: 'home', blocks: blocks.slice(0, LIMITS.surfaceBlocks) };
}
