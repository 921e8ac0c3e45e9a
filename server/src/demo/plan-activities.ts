import type { ActivityInput, ActivityType, Surface } from '@rapport/core';
import { CALL_NOTES, CHATS, DEAL_MOMENTS, INBOUND_SUBJECTS, MEETING_SUBJECTS, NOTES, OUTBOUND_SUBJECTS } from './activity-texts.js';
import { managerOf, SELLER_DOMAIN, type CastMember } from './cast.js';
import type { DealEvent } from './deal-script.js';
import type { AccountPlan, ContactPlan } from './plan-accounts.js';
import type { DealPlan } from './plan-deals.js';
import type { Random } from './random.js';
import { idOf } from './refs.js';
import { after, atWork, DAY, HOUR, MINUTE, type Timeline } from './timeline.js';


const SURFACES: Record<ActivityType, ReadonlyArray<readonly [Surface, number]>> = {
  email: [['gmail', 1]],
  call: [['api', 4], ['slack', 3], ['gmail', 3]],
  meeting: [['gmail', 5], ['api', 5]],
  note: [['api', 4], ['slack', 4], ['teams', 2]],
  chat: [['slack', 1]],
};

/** One activity of the demo, planned: who logs it, when, from where, and what it says. */
export interface PlannedActivity {
  /** When it is logged (its createdAt); it happened a little earlier, at `occurredAt`. */
  at: number;
  occurredAt: number;
  author: CastMember;
  surface: Surface;
  type: ActivityType;
  subject: string;
  body: string | null;
  account: AccountPlan;
  contact: ContactPlan | null;
  deal: DealPlan | null;
  externalId: string | null;
  participants: string[];
}

/** What an activity is about, before the details drawn when it is planned. */
type Logged = Omit<PlannedActivity, 'occurredAt' | 'surface' | 'externalId' | 'participants'>;

/**
 * Plans the emails, calls, meetings and notes of the year, in time order; none after the
 * timeline's end. `scheduleActivities` logs them through the service, or a seed writes them at once.
 */
export function planActivities(random: Random, timeline: Timeline, accounts: readonly AccountPlan[], deals: readonly DealPlan[]): PlannedActivity[] {
  const planned: PlannedActivity[] = [];
  let serial = 0;
  const schedule = (item: Logged): void => {
    serial += 1;
    const inbound = item.type === 'email' && item.contact !== null && random.chance(0.45);
    const contactEmail = item.contact?.emails[0] ?? null;
    const subject = inbound ? random.pick(INBOUND_SUBJECTS[item.account.locale]) : item.subject;
    const externalId =
      item.type === 'email' ? `<${random.hex(16)}.${serial}@${inbound && contactEmail ? `mail.${contactEmail.split('@')[1]}` : `mail.${SELLER_DOMAIN}`}>` :
      item.type === 'chat' ? `https://brightwave.slack.com/archives/C05DEMO${(serial % 7) + 1}/p${item.at}${String(serial).padStart(6, '0')}` :
      null;
    const participants = item.type === 'email' || item.type === 'meeting' ? [...(contactEmail ? [contactEmail] : []), item.author.email] : [];
    const occurredAt = item.at - random.between(item.type === 'email' ? 1 : 0, item.type === 'email' ? 90 : 30) * MINUTE;
    const surface = random.weighted(SURFACES[item.type]);
    if (item.at <= timeline.end) planned.push({ ...item, subject, occurredAt, surface, externalId, participants });
  };
  for (const deal of deals) planDealActivities(random, timeline.end, deal, schedule);
  for (const account of accounts) planAccountActivities(random, timeline.end, account, schedule);
  return planned.sort((a, b) => a.at - b.at);
}

/** What the activity service is asked to log for a planned activity. */
export function activityInput(item: PlannedActivity): ActivityInput {
  return {
    type: item.type,
    subject: item.subject,
    body: item.body,
    occurredAt: new Date(item.occurredAt).toISOString(),
    contactId: item.contact ? idOf(item.contact, 'contact') : null,
    accountId: idOf(item.account, 'account'),
    dealId: item.deal ? idOf(item.deal, 'deal') : null,
    externalId: item.externalId,
    participants: item.participants,
  };
}

/** Plans the steps logging each activity through the activity service, one by one. */
export function scheduleActivities(timeline: Timeline, planned: readonly PlannedActivity[]): void {
  for (const item of planned) {
    timeline.add(item.at, async (ctx) => {
      await ctx.services.activities.log(ctx.as(item.author, item.surface), activityInput(item));
      ctx.count('activities');
    });
  }
}

const MOMENT_OF: Partial<Record<DealEvent['kind'], string>> = { win: 'won', lose: 'lost', suspend: 'suspended', reactivate: 'reactivated', reopen: 'reopened' };

function planDealActivities(random: Random, end: number, deal: DealPlan, schedule: (item: Logged) => void): void {
  const until = Math.min(end, deal.account.quietSince ?? end);
  const log = (at: number, author: CastMember, type: ActivityType, subject: string, body: string | null): void => {
    if (at > until || at <= deal.createdAt) return;
    schedule({ at, author, type, subject, body, account: deal.account, contact: deal.contact, deal });
  };
  const followUps = (from: number, to: number, author: CastMember): void => {
    const count = Math.min(3, random.poisson((to - from) / DAY / 9));
    for (let i = 0; i < count; i += 1) {
      log(atWork(random, from + random.next() * (to - from), author.timeZone), author, 'email', random.pick(OUTBOUND_SUBJECTS), null);
    }
  };
  const moment = DEAL_MOMENTS.created;
  if (moment) log(after(deal.createdAt, atWork(random, deal.createdAt + random.between(0.05, 3) * DAY, deal.owner.timeZone)), deal.owner, moment.type, moment.subject, moment.body);
  let previous = deal.createdAt;
  for (const event of deal.outcome.events) {
    const key = event.kind === 'move' ? event.stageId : MOMENT_OF[event.kind];
    if (key === undefined) continue;
    const author = event.actor.role === 'rep' ? event.actor : deal.outcome.owner;
    followUps(previous + HOUR, event.at - HOUR, author);
    const logged = DEAL_MOMENTS[key];
    if (logged && random.chance(0.75)) {
      const closing = event.kind !== 'move';
      const at = closing ? event.at + random.between(10, 120) * MINUTE : event.at - random.between(5 * MINUTE, Math.max(6 * MINUTE, Math.min(2 * DAY, (event.at - previous) / 2)));
      log(Math.max(at, previous + MINUTE), author, logged.type, logged.subject, closing && event.kind === 'lose' ? `${event.reason}. ${logged.body}` : logged.body);
    }
    previous = event.at;
  }
  if (deal.outcome.status === 'open') followUps(previous + HOUR, until, deal.outcome.owner);
}

const ACCOUNT_TYPES: ReadonlyArray<readonly [ActivityType, number]> = [['email', 45], ['call', 20], ['meeting', 12], ['note', 15], ['chat', 8]];

/**
 * Contact outside deals: check-ins, support questions, QBRs. Busier lately (the team has
 * grown into the CRM), and nothing at all once an account has gone quiet.
 */
function planAccountActivities(random: Random, end: number, account: AccountPlan, schedule: (item: Logged) => void): void {
  const until = Math.min(end, account.quietSince ?? end);
  const perWeek = account.story === 'prospect' ? 0.07 : 0.2;
  for (let week = account.createdAt + HOUR; week < until; week += 7 * DAY) {
    const recent = 1 + 2.5 * Math.exp(-(end - week) / (21 * DAY));
    const count = random.poisson(perWeek * recent);
    for (let i = 0; i < count; i += 1) {
      const author = random.chance(0.88) ? account.owner : managerOf(account.team);
      const at = after(account.createdAt, atWork(random, week + random.next() * 7 * DAY, author.timeZone), 30 * MINUTE);
      if (at > until) continue;
      const known = account.contacts.filter((c) => c.createdAt < at);
      const contact = known.length > 0 ? random.pick(known) : null;
      const type = contact ? random.weighted(ACCOUNT_TYPES) : 'note';
      const [subject, body] =
        type === 'email' ? [random.pick(OUTBOUND_SUBJECTS), null] :
        type === 'call' ? ['Call', random.pick(CALL_NOTES)] :
        type === 'meeting' ? [random.pick(MEETING_SUBJECTS), 'Agenda and notes in the shared doc.'] :
        type === 'chat' ? ['Slack thread', random.pick(CHATS)] :
        ['Note', random.pick(NOTES)];
      schedule({ at, author, type, subject, body, account, contact, deal: null });
    }
  }
}
