import { Account, Activity, Campaign, Contact, Deal, StageChange, Target, type ActivityType, type DealStatus, type Pipeline } from '@rapport/core';
import { Random } from './random.js';
import type { DatasetSize } from './sizes.js';
import { CJK_COMPANIES, CJK_PEOPLE, COMPANY_STEMS, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, LOST_REASONS } from './words.js';

/** Generated history ends here (not "now"), so two runs write byte-identical data. */
export const GENERATED_AT = Date.parse('2026-06-01T00:00:00.000Z');
const DAY = 86_400_000;
const SPAN = 730 * DAY;

/** What every generated record points at: the owners and the default pipeline. */
export interface Owners {
  ownerIds: readonly string[];
}

export interface Basis extends Owners {
  pipeline: Pipeline;
}

const SALT = { account: 1, contact: 2, deal: 3, activity: 4, campaign: 5 } as const;

/** Marketing campaigns; one deal in ten names one as its source. */
export const CAMPAIGNS = 20;

/** Ids that say they were generated and sort by index: acc_b0000001a. */
export const benchId = (prefix: string, index: number): string => `${prefix}_b${index.toString(36).padStart(8, '0')}`;

const iso = (ms: number): string => new Date(ms).toISOString();
const slug = (text: string): string => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');

export function accountAt(index: number, basis: Owners): Account {
  const random = Random.for(SALT.account, index);
  const cjk = random.chance(0.15) ? random.pick(CJK_COMPANIES) : null;
  const stem = random.pick(COMPANY_STEMS);
  const word = random.pick(COMPANY_WORDS);
  const name = cjk ? cjk[0] : `${stem} ${word}${random.chance(0.4) ? ` ${random.pick(['Inc.', 'GmbH', 'SAS', 'Ltd'])}` : ''}`;
  const domain = cjk ? `${cjk[1]}-${index.toString(36)}.cn` : `${slug(stem)}${slug(word)}-${index.toString(36)}.com`;
  const createdAt = iso(GENERATED_AT - random.next() * SPAN);
  return Account.parse({
    id: benchId('acc', index),
    name,
    domains: [domain],
    industry: word,
    size: random.pick(['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+']),
    ownerId: ownerOfAccount(index, basis),
    lifecycle: random.pick(['prospect', 'prospect', 'customer', 'customer', 'at_risk', 'churned', 'won_back']),
    segment: null,
    version: 1,
    createdAt,
    updatedAt: createdAt,
  });
}

/** Accounts are dealt to owners in turn. */
export const ownerOfAccount = (index: number, owners: Owners): string => owners.ownerIds[index % owners.ownerIds.length] ?? 'usr_unknown';

export const accountOfContact = (index: number, size: DatasetSize): number => Math.floor((index * size.accounts) / size.contacts);

export function contactAt(index: number, size: DatasetSize, basis: Owners): Contact {
  const random = Random.for(SALT.contact, index);
  const account = accountAt(accountOfContact(index, size), basis);
  const cjk = random.chance(0.12) ? random.pick(CJK_PEOPLE) : null;
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const [name, given, family] = cjk ?? [`${first} ${last}`, slug(first), slug(last)];
  const createdAt = iso(Date.parse(account.createdAt) + random.next() * 30 * DAY);
  return Contact.parse({
    id: benchId('con', index),
    name,
    accountId: account.id,
    emails: [`${given}.${family}.${index.toString(36)}${random.chance(0.05) ? '+crm' : ''}@${account.domains[0]}`],
    phones: random.chance(0.6) ? [`+1 415 555 01${String(index % 100).padStart(2, '0')}`] : [],
    title: random.pick(['CEO', 'CTO', 'Head of Procurement', 'IT Director', null]),
    ownerId: account.ownerId,
    version: 1,
    createdAt,
    updatedAt: createdAt,
  });
}

export function campaignAt(index: number): Campaign {
  const random = Random.for(SALT.campaign, -1 - index);
  const start = GENERATED_AT - SPAN + index * (SPAN / CAMPAIGNS);
  const createdAt = iso(start - 7 * DAY);
  return Campaign.parse({
    id: benchId('cmp', index),
    name: `${random.pick(['Spring', 'Summer', 'Autumn', 'Winter'])} ${random.pick(['webinar', 'summit', 'search ads', 'partner push', 'newsletter'])} ${index + 1}`,
    channel: random.pick(['email', 'events', 'paid_search', 'partners', 'content']),
    cost: { minor: random.int(5, 80) * 100_000, currency: 'USD' },
    startDate: iso(start).slice(0, 10),
    endDate: iso(start + 60 * DAY).slice(0, 10),
    teamId: null,
    version: 1,
    createdAt,
    updatedAt: createdAt,
  });
}

/** The campaign a deal came from: one in ten deals, spread over the campaigns. */
function campaignOfDeal(index: number): string | null {
  const random = Random.for(SALT.campaign, index);
  return random.chance(0.1) ? benchId('cmp', random.int(0, CAMPAIGNS - 1)) : null;
}

/** Each rep's monthly quota in US dollars, for every month of the generated history. */
export function targetsOf(repIndex: number, ownerId: string): Target[] {
  const targets: Target[] = [];
  const first = new Date(GENERATED_AT - SPAN);
  for (let m = 0; m <= 24; m += 1) {
    const month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1));
    const at = iso(month.getTime() - 10 * DAY);
    targets.push(
      Target.parse({
        id: benchId('tgt', repIndex * 100 + m),
        userId: ownerId,
        month: iso(month.getTime()).slice(0, 7),
        amount: { minor: (200 + ((repIndex * 37 + m * 11) % 100)) * 100_000, currency: 'USD' },
        version: 1,
        createdAt: at,
        updatedAt: at,
      }),
    );
  }
  return targets;
}

/** A deal with its stage history: created at some stage, moved forward, maybe closed. */
export function dealAt(index: number, size: DatasetSize, basis: Basis): { deal: Deal; history: StageChange[] } {
  const random = Random.for(SALT.deal, index);
  const accountIndex = Math.floor((index * size.accounts) / size.deals);
  const account = accountAt(accountIndex, basis);
  const perAccount = Math.max(1, Math.floor(size.contacts / size.accounts));
  const contactIndex = Math.min(size.contacts - 1, Math.floor((accountIndex * size.contacts) / size.accounts) + random.int(0, perAccount - 1));
  const stages = basis.pipeline.stages;
  const target = random.int(0, stages.length - 1);
  const status: DealStatus = random.pick(['open', 'open', 'open', 'won', 'won', 'lost', 'lost', 'suspended']);
  let at = Date.parse(account.createdAt) + random.next() * 60 * DAY;
  const createdAt = at;
  const history: StageChange[] = [];
  const change = (fromStage: string | null, fromStatus: DealStatus | null, stageId: string, toStatus: DealStatus): void => {
    history.push(StageChange.parse({ id: benchId('stg', index * 8 + history.length), dealId: benchId('deal', index), fromStageId: fromStage, fromStatus, stageId, status: toStatus, at: iso(at), actorId: account.ownerId, surface: 'api' }));
  };
  change(null, null, stages[0]?.id ?? 'lead', 'open');
  for (let s = 1; s <= target; s += 1) {
    at += random.next() * 20 * DAY + 3_600_000;
    change(stages[s - 1]?.id ?? null, 'open', stages[s]?.id ?? 'lead', 'open');
  }
  const stage = stages[target] ?? { id: 'lead', probability: 10 };
  const stageEnteredAt = at;
  if (status !== 'open') {
    at += random.next() * 20 * DAY + 3_600_000;
    change(stage.id, 'open', stage.id, status);
  }
  const currency = random.pick(['USD', 'USD', 'EUR', 'EUR', 'GBP', 'CNY', 'JPY']);
  const closed = status === 'won' || status === 'lost';
  const lost = status === 'lost' ? random.pick(LOST_REASONS) : null;
  const deal = Deal.parse({
    id: benchId('deal', index),
    title: `${account.name} – ${random.pick(['Platform licence', 'Renewal', 'Expansion', 'Pilot'])}`,
    accountId: account.id,
    primaryContactId: benchId('con', contactIndex),
    amount: { minor: random.int(10, 2_000) * 10_000, currency },
    pipelineId: basis.pipeline.id,
    stageId: stage.id,
    probability: status === 'won' ? 100 : status === 'lost' ? 0 : stage.probability,
    probabilityOverridden: false,
    expectedCloseDate: iso(stageEnteredAt + random.next() * 90 * DAY).slice(0, 10),
    ownerId: account.ownerId,
    collaboratorIds: [],
    status,
    lostReason: lost,
    competitor: lost === 'Chose a competitor' ? random.pick(['DealForge', 'CloseCraft']) : null,
    campaignId: campaignOfDeal(index),
    commit: false,
    stageEnteredAt: iso(stageEnteredAt),
    closedAt: closed ? iso(at) : null,
    version: history.length,
    createdAt: iso(createdAt),
    updatedAt: iso(at),
  });
  return { deal, history };
}

const TYPES: readonly ActivityType[] = ['email', 'email', 'email', 'call', 'meeting', 'note'];

/** An activity about a deal's account and contact (and, mostly, the deal), in the year before GENERATED_AT. */
export function activityAt(index: number, size: DatasetSize, basis: Owners): Activity {
  const random = Random.for(SALT.activity, index);
  const dealIndex = random.int(0, size.deals - 1);
  const accountIndex = Math.floor((dealIndex * size.accounts) / size.deals);
  const type = random.pick(TYPES);
  const occurredAt = iso(GENERATED_AT - random.next() * 365 * DAY);
  return Activity.parse({
    id: benchId('act', index),
    type,
    subject: type === 'email' ? random.pick(['Following up', 'Proposal', 'Re: pricing']) : type === 'call' ? 'Call' : type === 'meeting' ? 'Demo' : 'Note',
    body: null,
    occurredAt,
    contactId: benchId('con', Math.floor((accountIndex * size.contacts) / size.accounts)),
    accountId: benchId('acc', accountIndex),
    dealId: random.chance(0.7) ? benchId('deal', dealIndex) : null,
    authorId: ownerOfAccount(accountIndex, basis),
    surface: type === 'email' ? 'gmail' : 'api',
    externalId: type === 'email' ? `<bench.${index.toString(36)}@mail.example.com>` : null,
    participants: [],
    createdAt: occurredAt,
  });
}
