import type { DealPatch, DealStatus, Surface } from '@rapport/core';
import { managerOf, type CastMember, type TeamKey } from './cast.js';
import type { Random } from './random.js';
import { after, atWork, dateIn, DAY, MINUTE } from './timeline.js';

/** One change to a deal, as a person would make it through a service. */
export type DealMove =
  | { kind: 'move'; stageId: string }
  | { kind: 'win' }
  | { kind: 'lose'; reason: string; competitor: string | null }
  | { kind: 'suspend' }
  | { kind: 'reactivate' }
  | { kind: 'reopen' }
  | { kind: 'update'; patch: DealPatch }
  | { kind: 'transfer'; to: CastMember; note: string };

export type DealEvent = DealMove & { at: number; actor: CastMember; surface: Surface };

/** An intended change, `days` after the previous one; `move` may depend on when it happens. */
export interface ScriptStep {
  days: number;
  move: DealMove | ((at: number) => DealMove);
  /** Managers reopen and hand deals over; everything else is the owner's. */
  by?: 'manager';
  /** Wins bunch up towards the end of the month, as quotas make them do. */
  monthEnd?: boolean;
}

/** Where a deal stands after its script has played up to `until`. */
export interface DealOutcome {
  events: DealEvent[];
  stageId: string;
  status: DealStatus;
  owner: CastMember;
  stageEnteredAt: number;
  expectedCloseDate: string | null;
  lastEventAt: number;
}

export interface ScriptStart {
  createdAt: number;
  stageId: string;
  owner: CastMember;
  team: TeamKey;
  expectedCloseDate: string | null;
}

function surfaceFor(random: Random, actor: CastMember, move: DealMove): Surface {
  if (actor.role !== 'rep') return random.weighted([['teams', 6], ['slack', 4]] as const);
  if (move.kind === 'update') return random.weighted([['api', 5], ['gmail', 5]] as const);
  return random.weighted([['slack', 4], ['gmail', 3], ['api', 3]] as const);
}

function towardMonthEnd(random: Random, ms: number): number {
  const date = new Date(ms);
  const lastDay = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0, 12);
  return Math.max(ms, lastDay - random.between(0, 5) * DAY);
}

/**
 * Turns a script into timed events in the actors' working hours, stopping at `until`:
 * a deal whose script runs past it simply has not got there yet.
 */
export function playScript(random: Random, start: ScriptStart, script: readonly ScriptStep[], until: number): DealOutcome {
  const outcome: DealOutcome = {
    events: [],
    stageId: start.stageId,
    status: 'open',
    owner: start.owner,
    stageEnteredAt: start.createdAt,
    expectedCloseDate: start.expectedCloseDate,
    lastEventAt: start.createdAt,
  };
  for (const step of script) {
    const actor = step.by === 'manager' ? managerOf(start.team) : outcome.owner;
    let candidate = outcome.lastEventAt + step.days * DAY;
    if (step.monthEnd && random.chance(0.45)) candidate = towardMonthEnd(random, candidate);
    const at = after(outcome.lastEventAt, step.days < 0.5 ? candidate : atWork(random, candidate, actor.timeZone));
    if (at + 2 * MINUTE > until) break;
    const move = typeof step.move === 'function' ? step.move(at) : step.move;
    if (move.kind === 'win') {
      // The owner sets the real close date as the contract comes back signed.
      const closeDate = dateIn(at, outcome.owner.timeZone);
      if (closeDate !== outcome.expectedCloseDate) push(outcome, { kind: 'update', patch: { expectedCloseDate: closeDate } }, at, actor, 'api');
      push(outcome, move, at + 2 * MINUTE, actor, surfaceFor(random, actor, move));
    } else {
      push(outcome, move, at, actor, surfaceFor(random, actor, move));
    }
  }
  return outcome;
}

/** Records an event and what it does to the deal. */
export function push(outcome: DealOutcome, move: DealMove, at: number, actor: CastMember, surface: Surface): void {
  outcome.events.push({ ...move, at, actor, surface });
  outcome.lastEventAt = at;
  switch (move.kind) {
    case 'move':
      outcome.stageId = move.stageId;
      outcome.stageEnteredAt = at;
      break;
    case 'win':
      outcome.status = 'won';
      break;
    case 'lose':
      outcome.status = 'lost';
      break;
    case 'suspend':
      outcome.status = 'suspended';
      break;
    case 'reactivate':
    case 'reopen':
      outcome.status = 'open';
      outcome.stageEnteredAt = at;
      break;
    case 'transfer':
      outcome.owner = move.to;
      break;
    case 'update':
      if (move.patch.expectedCloseDate !== undefined) outcome.expectedCloseDate = move.patch.expectedCloseDate;
      break;
  }
}
