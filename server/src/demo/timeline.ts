import { addDays, instantOf, isoWeekday, localDate, parseDate, type Actor, type ManualClock, type Services, type Surface } from '@rapport/core';
import { userOf, type CastMember, type Staff } from './cast.js';
import type { Random } from './random.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What a planned step runs with: the services, the demo staff, and counters for the summary. */
export interface SeedContext {
  services: Services;
  as(member: CastMember, surface: Surface): Actor;
  count(key: string, by?: number): void;
}

export type Step = (ctx: SeedContext) => Promise<void>;

interface Entry {
  at: number;
  seq: number;
  run: Step;
}

/**
 * Every write of the demo, planned first and then played back in time order with the clock
 * set to each step's instant, so createdAt, stage history and events read like a real year.
 * Steps at the same instant run in the order they were planned.
 */
export class Timeline {
  private readonly entries: Entry[] = [];

  constructor(
    /** Where the year of history begins; setup (people, teams) happens a little before. */
    readonly start: number,
    /** Nothing is planned after this instant (the `now` of the seed, less a moment). */
    readonly end: number,
  ) {}

  /** Plans `run` at `at`; returns false (and plans nothing) when `at` is after the end. */
  add(at: number, run: Step): boolean {
    if (!(at <= this.end)) return false;
    this.entries.push({ at, seq: this.entries.length, run });
    return true;
  }

  get size(): number {
    return this.entries.length;
  }

  /**
   * Plays every step in time order. `batch` runs a tenth of the steps at a time (a seed
   * writes each tenth in one transaction); `progress` hears after each tenth.
   */
  async play(
    clock: ManualClock,
    context: SeedContext,
    options: { batch?: (work: () => Promise<void>) => Promise<void>; progress?: (done: number, total: number) => void } = {},
  ): Promise<void> {
    const ordered = [...this.entries].sort((a, b) => a.at - b.at || a.seq - b.seq);
    const every = Math.max(1, Math.ceil(ordered.length / 10));
    const batch = options.batch ?? ((work) => work());
    for (let from = 0; from < ordered.length; from += every) {
      const slice = ordered.slice(from, from + every);
      await batch(async () => {
        for (const entry of slice) {
          clock.set(new Date(entry.at));
          await entry.run(context);
        }
      });
      options.progress?.(from + slice.length, ordered.length);
    }
  }
}

export function contextFor(services: Services, staff: Staff, counts: Record<string, number>): SeedContext {
  return {
    services,
    as: (member, surface) => ({ user: userOf(staff, member), surface }),
    count: (key, by = 1) => {
      counts[key] = (counts[key] ?? 0) + by;
    },
  };
}

/**
 * An instant during the working day of someone in `timeZone`, on the local date of `ms`
 * (weekends mostly move to the next Monday): people log calls at 10:40, not at 03:00.
 */
export function atWork(random: Random, ms: number, timeZone: string): number {
  let date = localDate(new Date(ms), timeZone);
  const weekday = isoWeekday(date);
  if (weekday >= 6 && random.chance(0.92)) date = addDays(date, 8 - weekday);
  const { year, month, day } = parseDate(date);
  const minutes = random.int(8 * 60 + 15, 18 * 60 + 30);
  return instantOf({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60, second: random.int(0, 59) }, timeZone).getTime();
}

/** `candidate`, but never earlier than `gap` after `previous`: steps of one record stay in order. */
export const after = (previous: number, candidate: number, gap = 5 * MINUTE): number => Math.max(candidate, previous + gap);

/** The calendar date at `ms` for someone in `timeZone`. */
export const dateIn = (ms: number, timeZone: string): string => localDate(new Date(ms), timeZone);
