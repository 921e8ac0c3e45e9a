/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl, so it runs in the
 * browser and in Node alike. Instants are stored in UTC; days, weeks and "9am" are the user's.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at `instant` in `timeZone`, as Intl formats it (to the second). */
function formattedWallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const DAY_MS = 86_400_000;
/** Instants in these years are read from the cache of steady offsets (Date.UTC reads years 0–99 as 19xx). */
const STEADY_FROM = Date.UTC(1900, 0, 1);
const STEADY_UNTIL = Date.UTC(2200, 0, 1);
const STEADY_LIMIT = 50_000;
/** UTC days over which a zone's offset did not change, by "zone day": the offset in ms. */
const steadyOffsets = new Map<string, number>();

/** The zone's offset over the whole UTC day `day` (days since 1970), or null when it changes that day. */
function steadyOffset(day: number, timeZone: string): number | null {
  const key = `${timeZone} ${day}`;
  const known = steadyOffsets.get(key);
  if (known !== undefined) return known;
  const offsetAt = (ms: number): number => wallAsUtcMs(formattedWallTime(new Date(ms), timeZone)) - ms;
  const start = day * DAY_MS;
  const offset = offsetAt(start);
  if (offsetAt(start + DAY_MS / 2) !== offset || offsetAt(start + DAY_MS - 1000) !== offset) return null;
  if (steadyOffsets.size >= STEADY_LIMIT) steadyOffsets.clear();
  steadyOffsets.set(key, offset);
  return offset;
}

/**
 * The wall-clock time at `instant` in `timeZone`. Intl formatting is slow, so the zone's
 * offset over each UTC day is found once (by formatting its start, middle and end) and reused
 * for every instant of that day; a day on which the offset changes is formatted instant by instant.
 */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const ms = instant.getTime();
  const offset = ms >= STEADY_FROM && ms < STEADY_UNTIL ? steadyOffset(Math.floor(ms / DAY_MS), timeZone) : null;
  if (offset === null) return formattedWallTime(instant, timeZone);
  const wall = new Date(Math.floor(ms / 1000) * 1000 + offset);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

function wallAsUtcMs(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (east positive). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  return (wallAsUtcMs(wallTimeAt(new Date(ms), timeZone)) - ms) / 60000;
}

/**
 * The instant when clocks in `timeZone` show `wall`. A time skipped by a DST jump moves
 * forward by the jump (02:30 on a spring-forward night is 03:30); a repeated time takes
 * the earlier instant.
 */
export function instantOf(wall: WallTime, timeZone: string): Date {
  const guess = wallAsUtcMs(wall);
  const first = guess - offsetMinutes(new Date(guess), timeZone) * 60000;
  const second = guess - offsetMinutes(new Date(first), timeZone) * 60000;
  const candidates = [first, second].filter((ms) => wallAsUtcMs(wallTimeAt(new Date(ms), timeZone)) === guess);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // Skipped by a spring-forward jump: keep the wall time's distance from midnight.
  return new Date(Math.max(first, second));
}

/** The calendar date ("2026-11-23") at `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallTimeAt(instant, timeZone);
  return formatDate(w.year, w.month, w.day);
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a calendar date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** Adds days to a calendar date, in the proleptic Gregorian calendar. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseDate(date);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return formatDate(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(day, lastDay));
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(date: string): number {
  const { year, month, day } = parseDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Midnight at the start of `date` in `timeZone`, as an instant. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const { year, month, day } = parseDate(date);
  return instantOf({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}

export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface LocalRange {
  /** First calendar day of the period. */
  firstDay: string;
  /** First calendar day after the period. */
  nextDay: string;
  /** Instants: [start, end). */
  start: Date;
  end: Date;
}

/** The day, ISO week (Monday first), month, quarter or year holding `date`, in `timeZone`. */
export function periodRange(period: Period, date: string, timeZone: string): LocalRange {
  const { year, month } = parseDate(date);
  let firstDay: string;
  let nextDay: string;
  switch (period) {
    case 'day':
      firstDay = date;
      nextDay = addDays(date, 1);
      break;
    case 'week':
      firstDay = addDays(date, 1 - isoWeekday(date));
      nextDay = addDays(firstDay, 7);
      break;
    case 'month':
      firstDay = formatDate(year, month, 1);
      nextDay = addMonths(firstDay, 1);
      break;
    case 'quarter':
      firstDay = formatDate(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
      nextDay = addMonths(firstDay, 3);
      break;
    case 'year':
      firstDay = formatDate(year, 1, 1);
      nextDay = formatDate(year + 1, 1, 1);
      break;
  }
  return { firstDay, nextDay, start: startOfLocalDay(firstDay, timeZone), end: startOfLocalDay(nextDay, timeZone) };
}
