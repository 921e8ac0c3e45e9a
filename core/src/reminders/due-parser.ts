import * as en from 'chrono-node/en';
import * as zh from 'chrono-node/zh';
import type { ParsedResult } from 'chrono-node/en';
import { CrmError } from '../shared/errors.js';
import { EARLIEST_DATE, isWithinCalendar, LATEST_DATE } from '../shared/schema.js';
import {
  addDays,
  formatDate,
  instantOf,
  isValidTimeZone,
  localDate,
  parseDate,
  wallTimeAt,
  type WallTime,
} from '../shared/time-zone.js';
import { leadingDuration } from './due-durations.js';
import { rewriteDueWords } from './due-words.js';

/**
 * Reads when something is due from the words people type ("tomorrow 9am", "in 3 days",
 * "friday 2pm", "明天上午9点") in the user's own time zone, whatever the machine's zone is.
 *
 * chrono reads the words into wall-clock components (year … minute) against a reference
 * that shows the user's wall clock; `instantOf` then turns that wall time in the user's
 * zone into an instant, so days and "9am" stay right across daylight-saving changes.
 * Hours and minutes from now are elapsed time and are added to the instant instead.
 */

export interface DueOptions {
  now: Date;
  /** The user's IANA time zone, e.g. "America/New_York". */
  timeZone: string;
  /** The hour (0–23, local) a date without a time gets. Default 9. */
  defaultHour?: number;
}

export type DueResult = { ok: true; at: Date; text: string } | { ok: false; error: CrmError };

export type DueSplit = { ok: true; at: Date; dueText: string; rest: string } | { ok: false; error: CrmError };

export type DueDateResult = { ok: true; date: string; text: string } | { ok: false; error: CrmError };

export const DUE_EXAMPLES = ['tomorrow 9am', 'in 2 hours', 'friday 2pm', 'next week', 'Dec 1', '明天上午9点'] as const;

const EXAMPLES_TEXT = `Try ${DUE_EXAMPLES.slice(0, -1).map((e) => `"${e}"`).join(', ')} or "${DUE_EXAMPLES.at(-1) ?? ''}".`;

/** Words that pin an expression to today ("today", "tonight", "this friday", "今天"): never rolled forward. */
const PINNED_TO_NOW = /(?<![\p{L}])(?:today|tonight|this)(?![\p{L}])|今|这|本/iu;

interface Leading {
  /** Where the expression ends in the original text. */
  end: number;
  at: Date;
}

/** Why words were refused, in `error.details.reason`, for callers that word it their own way. */
export type DueProblem = 'missing' | 'unreadable' | 'passed' | 'out_of_range' | 'settings';

const fail = (message: string, reason: DueProblem): { ok: false; error: CrmError } => ({
  ok: false,
  error: new CrmError('invalid_input', message, { issues: [{ path: 'due', message }], details: { reason } }),
});

function checkOptions(options: DueOptions): { ok: false; error: CrmError } | null {
  if (Number.isNaN(options.now.getTime())) return fail('The current time is not a valid date.', 'settings');
  if (!isValidTimeZone(options.timeZone)) {
    return fail(`Unknown time zone "${options.timeZone}". Use an IANA zone such as Europe/Berlin.`, 'settings');
  }
  const hour = options.defaultHour ?? 9;
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) return fail('The default hour must be a whole hour, 0–23.', 'settings');
  return null;
}

const wallMs = (w: WallTime): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** A Date whose machine-local fields show `wall`: chrono reads and writes local fields only. */
const asLocalFields = (w: WallTime): Date => new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

function resolve(result: ParsedResult, options: DueOptions, nowWall: WallTime, reference: Date): Date {
  const c = result.start;
  const tags = result.tags();
  const timeGiven = c.isCertain('hour');
  const wall: WallTime = {
    year: c.get('year') ?? nowWall.year,
    month: c.get('month') ?? nowWall.month,
    day: c.get('day') ?? nowWall.day,
    hour: timeGiven ? (c.get('hour') ?? 0) : (options.defaultHour ?? 9),
    minute: timeGiven ? (c.get('minute') ?? 0) : 0,
    second: timeGiven ? (c.get('second') ?? 0) : 0,
  };
  if (tags.has('result/relativeDateAndTime')) {
    // "an hour from now" read by chrono: keep its distance from the reference, elapsed.
    return new Date(options.now.getTime() + c.date().getTime() - reference.getTime());
  }
  const offset = c.isCertain('timezoneOffset') ? (c.get('timezoneOffset') ?? 0) : null;
  const toInstant = (w: WallTime): Date =>
    offset === null ? instantOf(w, options.timeZone) : new Date(wallMs(w) - offset * 60_000);

  const pinned = PINNED_TO_NOW.test(result.text);
  const dateGiven = (['year', 'month', 'day', 'weekday'] as const).some((k) => c.isCertain(k));
  const onlyWeekday = c.isCertain('weekday') && !c.isCertain('day');
  const at = toInstant(wall);
  // "5pm" said at 6pm means tomorrow; "friday" said on a Friday afternoon means next Friday.
  const step = !dateGiven ? 1 : onlyWeekday ? 7 : 0;
  if (step === 0 || pinned || at.getTime() > options.now.getTime()) return at;
  const next = parseDate(addDays(formatDate(wall.year, wall.month, wall.day), step));
  return toInstant({ ...wall, ...next });
}

/** "friday 2" or "tomorrow 3 calls": a bare number after a day is not an hour ("at 2" is). */
function endsWithBareHour(words: string, result: ParsedResult): boolean {
  if (!result.start.isCertain('hour') || result.start.isCertain('meridiem')) return false;
  const parts = words.trim().split(/\s+/u);
  const previous = parts.at(-2)?.toLowerCase();
  return parts.length >= 2 && /^\d{1,2}$/u.test(parts.at(-1) ?? '') && previous !== 'at' && previous !== '@';
}

/** chrono's reading that starts at `start`: the longer of the English and the Chinese one. */
function chronoLeading(text: string, start: number, options: DueOptions): Leading | null {
  const nowWall = wallTimeAt(options.now, options.timeZone);
  const rewritten = rewriteDueWords(text, localDate(options.now, options.timeZone));
  const reference = asLocalFields(nowWall);
  let best: { end: number; result: ParsedResult } | null = null;
  for (const parser of [en.casual, zh.casual]) {
    for (const result of parser.parse(rewritten.text, reference, { forwardDate: true })) {
      if (rewritten.toOriginal(result.index, 'start') !== start) continue;
      const end = rewritten.toOriginal(result.index + result.text.trimEnd().length, 'end');
      if (!best || end > best.end) best = { end, result };
    }
  }
  if (!best) return null;
  const words = text.slice(start, best.end);
  if (endsWithBareHour(words, best.result)) {
    return chronoLeading(text.slice(0, start) + words.replace(/\s+\d{1,2}\s*$/u, ''), start, options);
  }
  return { end: best.end, at: resolve(best.result, options, nowWall, reference) };
}

/** The due expression at the start of `text` (after an optional "by"), or null when none starts there. */
function readLeading(text: string, options: DueOptions): Leading | null {
  let start = /^\s*/u.exec(text)?.[0].length ?? 0;
  start += /^by\s+/iu.exec(text.slice(start))?.[0].length ?? 0;
  const duration = leadingDuration(text.slice(start));
  const fromDuration = duration && { end: start + duration.length, at: new Date(options.now.getTime() + duration.ms) };
  // A due expression is a few words: chrono need not read a long sentence after it.
  const fromChrono = chronoLeading(text.slice(0, start + 200), start, options);
  if (fromDuration && (!fromChrono || fromChrono.end <= fromDuration.end)) return fromDuration;
  return fromChrono;
}

function formatInZone(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
}

const TRAILING_NOISE = /^[\s.,;:!?。，；：！？]*$/u;

function readWhole(text: string, options: DueOptions): { ok: true; at: Date; text: string } | { ok: false; error: CrmError } {
  const invalid = checkOptions(options);
  if (invalid) return invalid;
  const trimmed = text.trim();
  if (trimmed.length === 0) return fail(`Say when. ${EXAMPLES_TEXT}`, 'missing');
  const leading = readLeading(trimmed, options);
  if (!leading) return fail(`Could not read "${trimmed}" as a time. ${EXAMPLES_TEXT}`, 'unreadable');
  const understood = trimmed.slice(0, leading.end).trim();
  if (!isWithinCalendar(leading.at)) return beyondCalendar(understood);
  const leftover = trimmed.slice(leading.end);
  if (!TRAILING_NOISE.test(leftover)) {
    return fail(`Understood "${understood}" but not "${leftover.trim()}". ${EXAMPLES_TEXT}`, 'unreadable');
  }
  return { ok: true, at: leading.at, text: understood };
}

/** "in 99999 years": refused here, so no surface stores a time the databases cannot order. */
const beyondCalendar = (understood: string): { ok: false; error: CrmError } =>
  fail(`"${understood}" is outside the dates Rapport keeps (${EARLIEST_DATE} to ${LATEST_DATE}). Pick a nearer time.`, 'out_of_range');

const passed = (at: Date, timeZone: string): { ok: false; error: CrmError } =>
  fail(`That time has already passed (${formatInZone(at, timeZone)}). Pick a later time, like "in 2 hours" or "tomorrow 9am".`, 'passed');

/** Reads the whole of `text` as one due time in the future. */
export function parseDue(text: string, options: DueOptions): DueResult {
  const read = readWhole(text, options);
  if (!read.ok) return read;
  if (read.at.getTime() <= options.now.getTime()) return passed(read.at, options.timeZone);
  return read;
}

/**
 * Reads the whole of `text` as a calendar day in the user's zone ("friday", "Dec 15",
 * "in 2 weeks"), for dates such as a deal's expected close. Today counts; earlier days do not.
 */
export function parseDueDate(text: string, options: DueOptions): DueDateResult {
  const read = readWhole(text, options);
  if (!read.ok) return read;
  const date = localDate(read.at, options.timeZone);
  if (date < localDate(options.now, options.timeZone)) {
    return fail(`That date has already passed (${date}). Pick today or a later day, like "friday" or "Dec 15".`, 'passed');
  }
  return { ok: true, date, text: read.text };
}

/** Separators between a due time and what is due: "tomorrow: call Ann", "friday - send deck", "tomorrow to call Ann". */
const LEADING_SEPARATOR = /^(?:[\s,.;:\-–—，。；：]+|\s*to(?![\p{L}\p{N}'’-]))+/iu;

/**
 * Finds a due expression at the start of a sentence: "tomorrow 9am call Ann about Acme"
 * gives dueText "tomorrow 9am" and rest "call Ann about Acme"; "明天上午9点 给华为打电话"
 * gives "明天上午9点" and "给华为打电话".
 */
export function splitLeadingDue(text: string, options: DueOptions): DueSplit {
  const invalid = checkOptions(options);
  if (invalid) return invalid;
  const leading = readLeading(text, options);
  if (!leading) return fail(`Start with when it is due, e.g. "tomorrow 9am call Ann". ${EXAMPLES_TEXT}`, 'missing');
  const dueText = text.slice(0, leading.end).trim();
  if (!isWithinCalendar(leading.at)) return beyondCalendar(dueText);
  if (leading.at.getTime() <= options.now.getTime()) return passed(leading.at, options.timeZone);
  const rest = text.slice(leading.end).replace(LEADING_SEPARATOR, '').trim();
  return { ok: true, at: leading.at, dueText, rest };
}
