import { addDays, addMonths, isoWeekday } from '../shared/time-zone.js';

/**
 * Rewrites the words chrono reads differently from what a reminder means, before chrono
 * sees the text: "tomorrow morning" is 9:00 (not 6:00), "next week" is next Monday, "eod"
 * is 17:00, "下周一" is the Monday of the coming ISO week (Monday first, as in China).
 * Replacements are concrete ("2026-11-23", "9am"), so chrono only has to read plain dates
 * and times. Every position in the rewritten text maps back to the user's own words.
 */

interface Rule {
  pattern: RegExp;
  replace: (match: RegExpExecArray, today: string) => string;
}

/** Letters or digits may not touch an English keyword on either side. */
const word = (source: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');

const EN_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const ZH_WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const ZH_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "3", "三", "十二", "两" and "二十五" as numbers; null for anything else. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!match || text.length === 0) return null;
  const [, first, ten, last] = match;
  if (!ten) return last ? null : ZH_DIGITS[first ?? ''] ?? null;
  return (first ? (ZH_DIGITS[first] ?? 0) : 1) * 10 + (last ? (ZH_DIGITS[last] ?? 0) : 0);
}

/** The date of `weekday` (1 = Monday) in the ISO week `weeksAhead` weeks from the one holding `today`. */
function weekdayIn(today: string, weeksAhead: number, weekday: number): string {
  const monday = addDays(today, 1 - isoWeekday(today));
  return addDays(monday, weeksAhead * 7 + weekday - 1);
}

function englishWeekday(name: string | undefined): number {
  if (!name) return 1;
  return EN_WEEKDAYS.indexOf(name.slice(0, 3).toLowerCase()) + 1 || 1;
}

/** A part of the day without a time after it ("tomorrow morning", not "morning 10am"). */
const NO_TIME_AFTER = String.raw`(?!\s*(?:at\s+)?\d)`;
const ZH_NO_TIME_AFTER = String.raw`(?!\s*[\d０-９一二两三四五六七八九十])`;
const ZH_NUMBER = '\\d+|[一二两三四五六七八九十]+';

const RULES: Rule[] = [
  {
    pattern: word(String.raw`next\s+week(?:\s+(?:on\s+)?(mon|tue|wed|thu|fri|sat|sun)[a-z]*)?`),
    replace: (m, today) => weekdayIn(today, 1, englishWeekday(m[1])),
  },
  { pattern: word(String.raw`(?:the\s+)?end\s+of\s+(?:the\s+)?(?:work\s*)?day|eod|cob|close\s+of\s+business`), replace: () => '5pm' },
  { pattern: word(String.raw`(?:the\s+)?end\s+of\s+(?:the\s+)?(?:work\s*)?week|eow`), replace: () => 'friday 5pm' },
  { pattern: word(`this\\s+morning${NO_TIME_AFTER}`), replace: () => 'today 9am' },
  { pattern: word(`this\\s+afternoon${NO_TIME_AFTER}`), replace: () => 'today 3pm' },
  { pattern: word(`(?:this\\s+evening|tonight)${NO_TIME_AFTER}`), replace: () => 'today 8pm' },
  { pattern: word(`(?:in\\s+the\\s+)?morning${NO_TIME_AFTER}`), replace: () => '9am' },
  { pattern: word(`(?:in\\s+the\\s+)?afternoon${NO_TIME_AFTER}`), replace: () => '3pm' },
  { pattern: word(`(?:in\\s+the\\s+)?evening${NO_TIME_AFTER}|(?:at\\s+)?night${NO_TIME_AFTER}`), replace: () => '8pm' },
  {
    pattern: /下个?(?:周|星期|礼拜)([一二三四五六日天1-7])?(?!末)/gu,
    replace: (m, today) => `${weekdayIn(today, 1, m[1] ? ZH_WEEKDAYS[m[1]] ?? Number(m[1]) : 1)} `,
  },
  {
    pattern: /(?:这|本)个?(?:周|星期|礼拜)([一二三四五六日天1-7])/gu,
    replace: (m, today) => `${weekdayIn(today, 0, ZH_WEEKDAYS[m[1] ?? ''] ?? Number(m[1]))} `,
  },
  {
    pattern: new RegExp(`(${ZH_NUMBER})\\s*个?\\s*(天|日|周|星期|礼拜|月)\\s*(?:以后|之后|后)`, 'gu'),
    replace: (m, today) => {
      const n = chineseNumber(m[1] ?? '') ?? 0;
      if (m[2] === '月') return `${addMonths(today, n)} `;
      return `${addDays(today, m[2] === '天' || m[2] === '日' ? n : n * 7)} `;
    },
  },
  { pattern: new RegExp(`下个?月${ZH_NO_TIME_AFTER}`, 'gu'), replace: (_m, today) => `${addMonths(today, 1)} ` },
  { pattern: /明早/gu, replace: () => '明天上午9点' },
  { pattern: /今早/gu, replace: () => '今天上午9点' },
  { pattern: new RegExp(`(今晚|明晚)${ZH_NO_TIME_AFTER}`, 'gu'), replace: (m) => `${m[1] ?? ''}8点` },
  { pattern: new RegExp(`(?:上午|早上|早晨)${ZH_NO_TIME_AFTER}`, 'gu'), replace: () => '上午9点' },
  { pattern: new RegExp(`中午${ZH_NO_TIME_AFTER}`, 'gu'), replace: () => '中午12点' },
  { pattern: new RegExp(`下午${ZH_NO_TIME_AFTER}`, 'gu'), replace: () => '下午3点' },
  { pattern: new RegExp(`(?:傍晚|晚上)${ZH_NO_TIME_AFTER}`, 'gu'), replace: () => '晚上8点' },
  { pattern: /下班(?:之前|以前|前)?/gu, replace: () => '下午5点' },
];

interface Piece {
  from: number;
  to: number;
  origFrom: number;
  origTo: number;
  replaced: boolean;
}

export interface RewrittenText {
  text: string;
  /** Where a position of the rewritten text falls in the original: a start, or an end. */
  toOriginal(index: number, edge: 'start' | 'end'): number;
}

/** Applies the rules, earliest and then longest match first, never overlapping. */
export function rewriteDueWords(text: string, today: string): RewrittenText {
  const found: Array<{ start: number; end: number; replacement: string }> = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      found.push({ start: m.index, end: m.index + m[0].length, replacement: rule.replace(m, today) });
      if (m[0].length === 0) rule.pattern.lastIndex += 1;
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);

  const pieces: Piece[] = [];
  let out = '';
  let cursor = 0;
  const keep = (to: number): void => {
    if (to <= cursor) return;
    pieces.push({ from: out.length, to: out.length + to - cursor, origFrom: cursor, origTo: to, replaced: false });
    out += text.slice(cursor, to);
    cursor = to;
  };
  for (const r of found) {
    if (r.start < cursor) continue;
    keep(r.start);
    pieces.push({ from: out.length, to: out.length + r.replacement.length, origFrom: r.start, origTo: r.end, replaced: true });
    out += r.replacement;
    cursor = r.end;
  }
  keep(text.length);

  return {
    text: out,
    toOriginal(index, edge) {
      const piece = pieces.find((p) => (edge === 'start' ? index >= p.from && index < p.to : index > p.from && index <= p.to));
      if (!piece) return edge === 'start' && index <= 0 ? 0 : text.length;
      if (piece.replaced) return edge === 'start' ? piece.origFrom : piece.origTo;
      return piece.origFrom + index - piece.from;
    },
  };
}
