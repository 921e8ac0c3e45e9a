import type { Money } from '@rapport/core';
import type { CampaignPlan } from './plan-campaigns.js';
import { managerOf, reps, type CastMember } from './cast.js';
import { dealAmount, roundMinor, type DealKind } from './deal-amounts.js';
import { playScript, push, type DealOutcome, type ScriptStep } from './deal-script.js';
import { loss, naturalScript, showcaseSpan, SHOWCASES, type Outcome, type Stages } from './deal-stories.js';
import type { AccountPlan, ContactPlan } from './plan-accounts.js';
import type { Random } from './random.js';
import type { Ref } from './refs.js';
import { after, atWork, dateIn, DAY, HOUR, MINUTE, type Timeline } from './timeline.js';

export interface DealPlan extends Ref {
  account: AccountPlan;
  contact: ContactPlan | null;
  kind: DealKind;
  title: string;
  amount: Money;
  createdAt: number;
  startStage: string;
  owner: CastMember;
  collaborators: CastMember[];
  expectedCloseDate: string;
  outcome: DealOutcome;
  /** The showcase this deal plays, or null for an ordinary one. */
  showcase: string | null;
  /** The campaign that brought it in, if any (set by `planCampaigns`). */
  campaign: CampaignPlan | null;
}

const PRODUCTS = ['Platform licence', 'Pilot', 'Team plan', 'Starter rollout', 'Enterprise agreement', 'Analytics add-on', 'Onboarding package', 'Support upgrade'];

const OUTCOMES: Record<'new' | 'existing', ReadonlyArray<readonly [Outcome, number]>> = {
  new: [['won', 30], ['lost', 35], ['open', 25], ['suspended', 10]],
  existing: [['won', 45], ['lost', 20], ['open', 30], ['suspended', 5]],
};

function title(random: Random, account: AccountPlan, kind: DealKind, createdAt: number): string {
  switch (kind) {
    case 'new':
      return `${account.shortName} – ${random.pick(PRODUCTS)}`;
    case 'renewal':
      return `${account.shortName} – Renewal ${new Date(createdAt + 60 * DAY).getUTCFullYear()}`;
    case 'expansion':
      return `${account.shortName} – Expansion (+${random.pick([10, 25, 50, 100, 250])} seats)`;
    case 'win_back':
      return `${account.shortName} – Win-back offer`;
  }
}

/** Mean days a deal spends in a stage: enterprise buyers take longer. */
const paceOf = (account: AccountPlan): number => (account.team === 'enterprise' ? 12 : 7);

interface DealSeed {
  kind: DealKind;
  createdAt: number;
  startIndex: number;
  script: (deal: Omit<DealPlan, 'outcome'>) => ScriptStep[];
  until: number;
  showcase?: string;
}

/** Builds one deal: who, what, how much, then plays its script up to `until`. */
function makeDeal(random: Random, account: AccountPlan, stages: Stages, seed: DealSeed): DealPlan {
  const known = account.contacts.filter((c) => c.createdAt < seed.createdAt);
  const contact = known.length > 0 ? random.pick(known) : null;
  const createdAt = after(Math.max(account.createdAt, contact?.createdAt ?? 0), seed.createdAt, 10 * MINUTE);
  const owner = account.owner;
  const teammates = reps(account.team).filter((m) => m.key !== owner.key);
  const pace = paceOf(account);
  const base = {
    id: null,
    account,
    contact,
    kind: seed.kind,
    title: title(random, account, seed.kind, createdAt),
    amount: dealAmount(random, account.size, account.currency, seed.kind),
    createdAt,
    startStage: stages.ids[seed.startIndex] ?? 'lead',
    owner,
    collaborators: random.chance(0.15) && teammates.length > 0 ? [random.pick(teammates)] : [],
    expectedCloseDate: dateIn(createdAt + pace * (stages.ids.length - seed.startIndex) * random.between(1, 1.6) * DAY, owner.timeZone),
    showcase: seed.showcase ?? null,
    campaign: null,
  };
  const outcome = playScript(
    random,
    { createdAt, stageId: base.startStage, owner, team: account.team, expectedCloseDate: base.expectedCloseDate },
    seed.script(base),
    seed.until,
  );
  return { ...base, outcome };
}

function natural(random: Random, stages: Stages, outcomes: ReadonlyArray<readonly [Outcome, number]>) {
  return (deal: Omit<DealPlan, 'outcome'>): ScriptStep[] =>
    naturalScript(random, {
      stages,
      startIndex: stages.ids.indexOf(deal.startStage),
      outcome: random.weighted(outcomes),
      pace: paceOf(deal.account),
      owner: deal.owner,
      amount: deal.amount,
      round: (minor) => roundMinor(minor, deal.amount.currency),
    });
}

/** The deals of one account, following its story. */
function dealsOf(random: Random, account: AccountPlan, stages: Stages, timeline: Timeline): DealPlan[] {
  const end = timeline.end;
  const between = (from: number, to: number): number => atWork(random, from + random.next() * Math.max(0, to - from), account.owner.timeZone);
  const existing = natural(random, stages, OUTCOMES.existing);
  switch (account.story) {
    case 'prospect': {
      const count = random.weighted([[0, 25], [1, 55], [2, 20]] as const);
      const deals = Array.from({ length: count }, () =>
        makeDeal(random, account, stages, {
          kind: 'new',
          createdAt: between(account.createdAt + 0.1 * DAY, Math.min(account.createdAt + 60 * DAY, end - DAY)),
          startIndex: random.chance(0.2) ? 1 : 0,
          script: natural(random, stages, OUTCOMES.new),
          until: end,
        }),
      );
      // Land and expand: some new customers buy more a few months later.
      const won = deals.map((d) => d.outcome.events.find((e) => e.kind === 'win')?.at).find((at) => at !== undefined);
      if (won !== undefined && random.chance(0.35)) {
        const createdAt = won + random.between(30, 120) * DAY;
        if (createdAt < end - 2 * DAY) deals.push(makeDeal(random, account, stages, { kind: 'expansion', createdAt: between(createdAt, createdAt + DAY), startIndex: 1, script: existing, until: end }));
      }
      return deals;
    }
    case 'customer': {
      const count = random.weighted([[0, 20], [1, 50], [2, 30]] as const);
      return Array.from({ length: count }, () => {
        const kind: DealKind = random.chance(0.55) ? 'renewal' : 'expansion';
        // The team books more renewal and expansion talks as it settles into the CRM.
        const createdAt = timeline.start + (end - 2 * DAY - timeline.start) * random.next() ** 0.75;
        return makeDeal(random, account, stages, { kind, createdAt: between(createdAt, createdAt + DAY), startIndex: kind === 'renewal' ? 2 : 1, script: existing, until: end });
      });
    }
    case 'quiet': {
      const quiet = account.quietSince ?? end;
      if (random.chance(0.4)) return [];
      return [makeDeal(random, account, stages, { kind: 'expansion', createdAt: between(timeline.start, quiet - 20 * DAY), startIndex: 1, script: existing, until: quiet })];
    }
    case 'at_risk':
    case 'churned': {
      const quiet = account.quietSince ?? end;
      const churnedAt = account.churnedAt;
      const renewal = (deal: Omit<DealPlan, 'outcome'>): ScriptStep[] =>
        churnedAt === null ? [] : [{ days: (churnedAt - deal.createdAt) / DAY, move: { kind: 'lose', reason: 'Cancelled the renewal', competitor: random.chance(0.5) ? random.pick(['CloseCraft', 'SalesNest']) : null } }];
      return [makeDeal(random, account, stages, { kind: 'renewal', createdAt: between(quiet - 50 * DAY, quiet - 20 * DAY), startIndex: 3, script: renewal, until: end })];
    }
    case 'won_back': {
      const script = (): ScriptStep[] => [
        ...stages.ids.slice(2).map((stageId) => ({ days: random.between(5, 10), move: { kind: 'move' as const, stageId } })),
        { days: random.between(5, 9), move: { kind: 'win' }, monthEnd: true },
      ];
      return [makeDeal(random, account, stages, { kind: 'win_back', createdAt: between(timeline.start + 90 * DAY, timeline.start + 220 * DAY), startIndex: 1, script, until: end })];
    }
  }
}

/** Plans every deal: first the showcases (so every stage and status is sure to appear), then each account's own. */
export function planDeals(random: Random, timeline: Timeline, accounts: readonly AccountPlan[], stages: Stages): DealPlan[] {
  const deals: DealPlan[] = [];
  const hosts = accounts.filter((a) => a.imported && a.contacts.length > 0 && (a.story === 'customer' || a.story === 'prospect'));
  SHOWCASES.forEach((showcase, index) => {
    const account = hosts[index % Math.max(1, hosts.length)];
    if (!account) return;
    const other = reps(account.team).find((m) => m.key !== account.owner.key) ?? managerOf(account.team);
    const steps = showcase.steps(stages, other);
    const createdAt =
      showcase.fromStart !== null ? timeline.start + showcase.fromStart * DAY : timeline.end - (showcaseSpan(steps) + showcase.marginDays + 1) * DAY;
    deals.push(makeDeal(random, account, stages, { kind: 'new', createdAt, startIndex: 0, script: () => steps, until: timeline.end, showcase: showcase.name }));
  });
  for (const account of accounts) deals.push(...dealsOf(random, account, stages, timeline));
  for (const deal of deals) if (deal.showcase === null) tidy(random, deal, timeline.end);
  return deals;
}

/**
 * What reps do to old deals: one left open for months is finally closed as lost, and an
 * open deal whose close date has passed usually gets a new one.
 */
function tidy(random: Random, deal: DealPlan, end: number): void {
  const { outcome } = deal;
  const quiet = deal.account.quietSince !== null;
  if (outcome.status === 'open' && !quiet && outcome.stageEnteredAt < end - 120 * DAY && random.chance(0.8)) {
    const at = atWork(random, outcome.lastEventAt + random.between(60, 110) * DAY, outcome.owner.timeZone);
    if (at <= end) push(outcome, { ...loss(random), reason: 'No decision made', competitor: null }, after(outcome.lastEventAt, at), outcome.owner, 'api');
  }
  const today = new Date(end).toISOString().slice(0, 10);
  if (outcome.status === 'open' && !quiet && outcome.expectedCloseDate !== null && outcome.expectedCloseDate < today && random.chance(0.65)) {
    const at = after(outcome.lastEventAt, end - random.between(1, 12) * DAY, HOUR);
    if (at <= end) push(outcome, { kind: 'update', patch: { expectedCloseDate: dateIn(end + random.between(7, 80) * DAY, outcome.owner.timeZone) } }, at, outcome.owner, 'api');
  }
}
