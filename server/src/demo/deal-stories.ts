import type { Money } from '@rapport/core';
import type { CastMember } from './cast.js';
import type { DealMove, ScriptStep } from './deal-script.js';
import type { Random } from './random.js';
import { dateIn, DAY } from './timeline.js';

/** The default pipeline's stages, in order (the demo reads them from the pipeline). */
export interface Stages {
  ids: readonly string[];
}

export const LOST_REASONS: ReadonlyArray<readonly [reason: string, competitor: boolean]> = [
  ['Price too high', false], ['Chose a competitor', true], ['No budget this year', false],
  ['Timing: revisit next quarter', false], ['No decision made', false], ['Missing an integration they need', true],
  ['Building it in-house', false], ['Our champion left the company', false],
];

/** Made-up rival products. */
export const COMPETITORS = ['Pipelineo', 'DealForge', 'CloseCraft', 'SalesNest', 'Funnelly', 'Quotewise'];

export type Outcome = 'won' | 'lost' | 'open' | 'suspended';

export interface NaturalOptions {
  stages: Stages;
  startIndex: number;
  outcome: Outcome;
  /** Mean days a deal of this team spends in a stage. */
  pace: number;
  owner: CastMember;
  amount: Money;
  /** Rounds an amount the way a price list does. */
  round(value: number): number;
}

const move = (stageId: string | undefined): DealMove => ({ kind: 'move', stageId: stageId ?? 'lead' });

export function dwell(random: Random, pace: number): number {
  const stuck = random.chance(0.12) ? random.between(3, 6) : 1;
  return Math.min(120, Math.max(0.6, pace * (0.3 + random.exponential(0.9)) * stuck));
}

export function loss(random: Random): Extract<DealMove, { kind: 'lose' }> {
  const [reason, withCompetitor] = random.pick(LOST_REASONS);
  return { kind: 'lose', reason, competitor: withCompetitor || random.chance(0.2) ? random.pick(COMPETITORS) : null };
}

/**
 * A deal's likely life: through the stages at the team's pace (sometimes stuck for weeks,
 * sometimes back a stage after a setback), then won, lost, parked, or still being worked.
 */
export function naturalScript(random: Random, options: NaturalOptions): ScriptStep[] {
  const { stages, startIndex, outcome, pace, owner } = options;
  const last = stages.ids.length - 1;
  const target = outcome === 'won' ? last : random.int(startIndex, outcome === 'suspended' ? last - 1 : last);
  const steps: ScriptStep[] = [];
  let steppedBack = false;
  for (let i = startIndex + 1; i <= target; i += 1) {
    steps.push({ days: dwell(random, pace), move: move(stages.ids[i]) });
    if (i === last - 1) {
      steps.push({
        days: 0.02,
        move: (at) => ({
          kind: 'update',
          patch: {
            expectedCloseDate: dateIn(at + random.between(14, 45) * DAY, owner.timeZone),
            ...(random.chance(0.25) ? { amount: { ...options.amount, minor: options.round(options.amount.minor * random.between(0.8, 1.2)) } } : {}),
          },
        }),
      });
    }
    if (i === last && random.chance(0.5)) steps.push({ days: 0.04, move: { kind: 'update', patch: { commit: true } } });
    if (i === last && random.chance(0.08)) steps.push({ days: 0.05, move: { kind: 'update', patch: { probability: random.pick([70, 90]) } } });
    if (!steppedBack && i >= 2 && i < target && random.chance(0.12)) {
      steppedBack = true;
      steps.push({ days: dwell(random, pace) / 2, move: move(stages.ids[i - 1]) });
      steps.push({ days: dwell(random, pace), move: move(stages.ids[i]) });
    }
  }
  switch (outcome) {
    case 'won':
      steps.push({ days: dwell(random, pace), move: { kind: 'win' }, monthEnd: true });
      break;
    case 'lost':
      steps.push({ days: dwell(random, pace), move: loss(random) });
      break;
    case 'suspended':
      steps.push({ days: dwell(random, pace), move: { kind: 'suspend' } });
      if (random.chance(0.4)) {
        steps.push({ days: random.between(20, 60), move: { kind: 'reactivate' } });
        steps.push(random.chance(0.5) ? { days: dwell(random, pace), move: { kind: 'win' }, monthEnd: true } : { days: dwell(random, pace), move: loss(random) });
      }
      break;
    case 'open':
      break;
  }
  if ((outcome === 'won' || outcome === 'lost') && random.chance(0.05)) {
    steps.push({ days: random.between(2, 20), move: { kind: 'reopen' }, by: 'manager' });
    if (random.chance(0.5)) steps.push({ days: random.between(5, 20), move: { kind: 'win' }, monthEnd: true });
  }
  return steps;
}

/** A scripted deal placed so it has finished by `now`: together they show every stage and status. */
export interface Showcase {
  name: string;
  /** Created this many days after the start of the year of history, or null to end `marginDays` before now. */
  fromStart: number | null;
  marginDays: number;
  steps: (stages: Stages, handOverTo: CastMember) => ScriptStep[];
}

const at = (days: number, m: DealMove, extra: Partial<ScriptStep> = {}): ScriptStep => ({ days, move: m, ...extra });
const to = (stages: Stages, index: number): DealMove => move(stages.ids[Math.min(index, stages.ids.length - 1)]);

export const SHOWCASES: readonly Showcase[] = [
  { name: 'a year-long win', fromStart: 2, marginDays: 0, steps: (s) => [at(12, to(s, 1)), at(15, to(s, 2)), at(20, to(s, 3)), at(18, to(s, 4)), at(10, { kind: 'win' })] },
  { name: 'a fresh lead', fromStart: null, marginDays: 2, steps: () => [] },
  { name: 'just qualified', fromStart: null, marginDays: 6, steps: (s) => [at(5, to(s, 1))] },
  { name: 'demo booked', fromStart: null, marginDays: 4, steps: (s) => [at(6, to(s, 1)), at(9, to(s, 2))] },
  { name: 'a stale proposal', fromStart: null, marginDays: 75, steps: (s) => [at(7, to(s, 1)), at(10, to(s, 2)), at(12, to(s, 3))] },
  {
    name: 'in negotiation, committed',
    fromStart: null,
    marginDays: 3,
    steps: (s) => [at(8, to(s, 1)), at(10, to(s, 2)), at(12, to(s, 3)), at(9, to(s, 4)), at(0.05, { kind: 'update', patch: { commit: true } })],
  },
  { name: 'lost to a competitor', fromStart: null, marginDays: 20, steps: (s) => [at(6, to(s, 1)), at(8, to(s, 2)), at(14, to(s, 3)), at(10, { kind: 'lose', reason: 'Chose a competitor', competitor: 'DealForge' })] },
  { name: 'lost for budget', fromStart: null, marginDays: 40, steps: (s) => [at(10, to(s, 1)), at(12, { kind: 'lose', reason: 'No budget this year', competitor: null })] },
  { name: 'parked', fromStart: null, marginDays: 30, steps: (s) => [at(6, to(s, 1)), at(9, to(s, 2)), at(7, { kind: 'suspend' })] },
  { name: 'parked, then back on', fromStart: null, marginDays: 8, steps: (s) => [at(5, to(s, 1)), at(8, to(s, 2)), at(6, { kind: 'suspend' }), at(35, { kind: 'reactivate' }), at(6, to(s, 3))] },
  {
    name: 'won, reopened, won again',
    fromStart: null,
    marginDays: 15,
    steps: (s) => [at(5, to(s, 1)), at(7, to(s, 2)), at(9, to(s, 3)), at(8, to(s, 4)), at(6, { kind: 'win' }), at(4, { kind: 'reopen' }, { by: 'manager' }), at(6, { kind: 'win' })],
  },
  { name: 'lost, then reopened', fromStart: null, marginDays: 10, steps: (s) => [at(5, to(s, 1)), at(8, to(s, 2)), at(10, to(s, 3)), at(12, { kind: 'lose', reason: 'Timing: revisit next quarter', competitor: null }), at(30, { kind: 'reopen' }, { by: 'manager' }), at(5, to(s, 4))] },
  { name: 'back a stage', fromStart: null, marginDays: 5, steps: (s) => [at(4, to(s, 1)), at(6, to(s, 2)), at(7, to(s, 3)), at(5, to(s, 2)), at(9, to(s, 3))] },
  {
    name: 'handed over',
    fromStart: null,
    marginDays: 12,
    steps: (s, other) => [at(5, to(s, 1)), at(4, { kind: 'transfer', to: other, note: 'Handing this over: I am moving to the partner channel. Call notes and the pricing sheet are on the account.' }, { by: 'manager' }), at(6, to(s, 2)), at(8, to(s, 3)), at(6, to(s, 4)), at(7, { kind: 'win' })],
  },
];

/** How many days a showcase's steps take, with room for weekends and working hours. */
export const showcaseSpan = (steps: readonly ScriptStep[]): number => steps.reduce((sum, s) => sum + s.days + (s.days >= 0.5 ? 2.5 : 0), 0);
