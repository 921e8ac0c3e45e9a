import type { StageChange } from '../../deals/deal.schema.js';
import { compareCodePoints } from '../../shared/text.js';

export const DAY_MS = 86_400_000;

/** The time one deal spent open in one stage, over every visit. */
export interface StageTime {
  stageId: string;
  /** Milliseconds the deal was open in the stage, all visits added. */
  ms: number;
  /** How many times the deal was open in the stage (a move back and forth is two visits). */
  visits: number;
  /** When the deal last left the stage; null while it is still in its first visit. */
  lastLeftAt: string | null;
}

const byTimeThenId = (a: StageChange, b: StageChange): number => compareCodePoints(a.at, b.at) || compareCodePoints(a.id, b.id);

/**
 * Time in stage from a deal's stage-history ledger (never from `updatedAt`). Each entry opens
 * an interval that the next entry closes; the interval counts toward the entry's stage when the
 * entry's status is `open` (time suspended, won or lost is in no stage). The last entry of an
 * open deal runs until `asOf`; without `asOf` only closed intervals count.
 *
 * Worked example: Proposal for 3 days, back to Qualified, then 2 more days in Proposal is
 * 5 days and 2 visits in Proposal.
 *
 * Result: one entry per stage the deal was open in, by stage id.
 */
export function stageTimes(history: readonly StageChange[], asOf?: string): StageTime[] {
  const ordered = [...history].sort(byTimeThenId);
  const times = new Map<string, StageTime>();
  ordered.forEach((entry, i) => {
    if (entry.status !== 'open') return;
    const next = ordered[i + 1];
    const end = next?.at ?? asOf;
    if (end === undefined) return;
    const ms = Math.max(0, Date.parse(end) - Date.parse(entry.at));
    const time = times.get(entry.stageId) ?? { stageId: entry.stageId, ms: 0, visits: 0, lastLeftAt: null };
    time.ms += ms;
    time.visits += 1;
    if (next) time.lastLeftAt = next.at;
    times.set(entry.stageId, time);
  });
  return [...times.values()].sort((a, b) => compareCodePoints(a.stageId, b.stageId));
}

/** Only the visits that have ended: what a store may keep per deal and stage (see `StageDurationsFilter`). */
export function completedStageTimes(history: readonly StageChange[]): StageTime[] {
  return stageTimes(history).filter((t) => t.lastLeftAt !== null);
}

/** Milliseconds as days, to two decimals. */
export const msToDays = (ms: number): number => Math.round((ms / DAY_MS) * 100) / 100;

/** Whole days, rounded down, as cards show them. */
export const wholeDays = (ms: number): number => Math.max(0, Math.floor(ms / DAY_MS));
