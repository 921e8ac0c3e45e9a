import { chineseNumber } from './due-words.js';

/**
 * Hours and minutes from now ("in 2 hours", "1h30m", "half an hour", "2小时后"). These are
 * elapsed time, not wall-clock time: "in 2 hours" on the night clocks go forward is still
 * 120 minutes away, so they are read here and added to the instant, never to the wall clock.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const EN_PART = String.raw`(?:(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m)|(an?|one|half\s+an?)\s+(hour|minute))(?![\p{L}])`;
const EN_PART_RE = new RegExp(EN_PART, 'iu');
const EN_DURATION = new RegExp(
  String.raw`^(?:in\s+)?${EN_PART}(?:\s*(?:and\s+)?${EN_PART})*(?:\s+(?:from\s+now|later))?(?![\p{L}\p{N}])`,
  'iu',
);
const ZH_DURATION = /^(?:(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*个?\s*(半)?|(半))\s*个?\s*(小时|钟头|分钟|分)\s*(?:以后|之后|后)/u;

function englishPart(part: string): number {
  const m = EN_PART_RE.exec(part);
  if (!m) return 0;
  const unit = (m[2] ?? m[4] ?? '').toLowerCase();
  const perUnit = unit.startsWith('h') ? HOUR : MINUTE;
  if (m[1] !== undefined) return Number(m[1]) * perUnit;
  const amount = (m[3] ?? '').toLowerCase().startsWith('half') ? 0.5 : 1;
  return amount * perUnit;
}

export interface LeadingDuration {
  /** Length of the words read, from the start of the text given. */
  length: number;
  ms: number;
}

/** Reads a span of hours and/or minutes at the very start of `text`, or null. */
export function leadingDuration(text: string): LeadingDuration | null {
  const en = EN_DURATION.exec(text);
  if (en) {
    const parts = en[0].match(new RegExp(EN_PART, 'giu')) ?? [];
    const ms = parts.reduce((sum, part) => sum + englishPart(part), 0);
    return ms > 0 ? { length: en[0].length, ms } : null;
  }
  const zh = ZH_DURATION.exec(text);
  if (zh) {
    const whole = zh[3] ? 0 : chineseNumber(zh[1] ?? '');
    if (whole === null) return null;
    const amount = whole + (zh[2] || zh[3] ? 0.5 : 0);
    const perUnit = zh[4] === '小时' || zh[4] === '钟头' ? HOUR : MINUTE;
    const ms = amount * perUnit;
    return ms > 0 ? { length: zh[0].length, ms } : null;
  }
  return null;
}
