import { isCurrencyCode, MAX_AMOUNT_MINOR, minorDigits } from '../shared/money.js';
import { EARLIEST_DATE, LATEST_DATE } from '../shared/schema.js';

/** A value read from a cell, or why it could not be read. */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = (reason: string): Read<never> => ({ ok: false, reason });

const SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₩': 'KRW', '₹': 'INR', '₽': 'RUB', '₺': 'TRY', '₫': 'VND' };

/**
 * Reads a number as CRM exports write it: `1234.5`, `1,234.56` (English), `1.234,56` and
 * `1 234,56` (continental), `1'234.50` (Swiss). A lone separator followed by exactly three
 * digits (`1,234`, `1.234`) is a thousands separator; any other lone separator is the decimal one.
 */
export function readNumber(text: string): Read<number> {
  const cleaned = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!/^-?[\d.,]+$/.test(cleaned) || !/\d/.test(cleaned)) return bad(`"${text}" is not a number.`);
  const negative = cleaned.startsWith('-');
  const digits = negative ? cleaned.slice(1) : cleaned;
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  let decimal: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const parts = digits.split(sep);
    const thousands = parts.length > 2 || (parts[1]?.length === 3 && /^[1-9]\d{0,2}$/.test(parts[0] ?? ''));
    decimal = thousands ? null : sep;
  }
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : /[.,]/.exec(digits)?.[0] ?? '';
  const [whole = '', fraction = '', ...rest] = decimal ? digits.split(decimal) : [digits];
  if (rest.length > 0) return bad(`"${text}" is not a number.`);
  const groups = group ? whole.split(group) : [whole];
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))) return bad(`"${text}" is not a number.`);
  if (/[.,]/.test(fraction) || (whole === '' && fraction === '')) return bad(`"${text}" is not a number.`);
  const value = Number(`${groups.join('') || '0'}.${fraction || '0'}`);
  return Number.isFinite(value) ? ok(negative ? -value : value) : bad(`"${text}" is not a number.`);
}

/**
 * Reads an amount with its currency: a code or symbol in the cell (`EUR 1.234,56`, `$1,200`,
 * `1200 USD`) wins over the currency column, which wins over `fallbackCurrency`.
 */
export function readMoney(text: string, currencyCell: string | undefined, fallbackCurrency: string): Read<{ minor: number; currency: string }> {
  let rest = text.trim();
  let currency = currencyCell?.trim().toUpperCase() || fallbackCurrency;
  const code = /^([A-Za-z]{3})\s*(?=[-\d])|(?<=\d)\s*([A-Za-z]{3})$/.exec(rest);
  if (code) {
    currency = (code[1] ?? code[2] ?? '').toUpperCase();
    rest = rest.replace(code[0], '');
  }
  const symbol = /^[$€£¥₩₹₽₺₫]|[$€£¥₩₹₽₺₫]$/.exec(rest.trim());
  if (symbol) {
    if (!code && !currencyCell?.trim()) currency = SYMBOLS[symbol[0]] ?? currency;
    rest = rest.trim().replace(symbol[0], '');
  }
  if (!isCurrencyCode(currency)) return bad(`"${currency}" is not a currency code (use one such as USD, EUR or CNY).`);
  const amount = readNumber(rest);
  if (!amount.ok) return bad(`Bad amount: "${text}" is not an amount.`);
  if (amount.value < 0) return bad(`Bad amount: "${text}" is negative.`);
  const minor = Math.round(amount.value * 10 ** minorDigits(currency));
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT_MINOR) return bad(`Bad amount: "${text}" is too large.`);
  return ok({ minor, currency });
}

const pad = (n: number): string => String(n).padStart(2, '0');

function calendarDate(year: number, month: number, day: number, text: string): Read<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return bad(`"${text}" is not a real date.`);
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return iso < EARLIEST_DATE || iso > LATEST_DATE ? bad(`"${text}" is outside ${EARLIEST_DATE}…${LATEST_DATE}.`) : ok(iso);
}

const UNKNOWN_DATE = (text: string): string => `Date in an unknown format: "${text}" (use 2026-03-31, 03/31/2026 or 31.03.2026).`;

/**
 * Reads a date (and an optional time of day) as CRM exports write them: ISO 8601
 * (`2026-03-31`, `2026-03-31T14:05:00Z`, `2026-03-31 14:05`), US (`03/31/2026`, `3/31/2026 2:05 PM`)
 * and dotted continental (`31.03.2026`). A time without an offset is taken as UTC.
 */
export function readDateTime(text: string): Read<{ date: string; instant: string }> {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i.exec(t);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  let parts: { y: number; m: number; d: number; h: number; min: number; s: number; zone: string } | null = null;
  if (iso) parts = { y: +iso[1]!, m: +iso[2]!, d: +iso[3]!, h: +(iso[4] ?? 0), min: +(iso[5] ?? 0), s: +(iso[6] ?? 0), zone: iso[7] ?? 'Z' };
  else if (us) {
    let h = +(us[4] ?? 0);
    const meridiem = us[7]?.toUpperCase();
    if (meridiem && (h < 1 || h > 12)) return bad(UNKNOWN_DATE(text));
    if (meridiem === 'PM' && h < 12) h += 12;
    if (meridiem === 'AM' && h === 12) h = 0;
    parts = { y: +us[3]!, m: +us[1]!, d: +us[2]!, h, min: +(us[5] ?? 0), s: +(us[6] ?? 0), zone: 'Z' };
  } else if (dotted) parts = { y: +dotted[3]!, m: +dotted[2]!, d: +dotted[1]!, h: +(dotted[4] ?? 0), min: +(dotted[5] ?? 0), s: +(dotted[6] ?? 0), zone: 'Z' };
  if (!parts) return bad(UNKNOWN_DATE(text));
  const date = calendarDate(parts.y, parts.m, parts.d, text);
  if (!date.ok) return date;
  if (parts.h > 23 || parts.min > 59 || parts.s > 59) return bad(UNKNOWN_DATE(text));
  const zone = parts.zone.toUpperCase() === 'Z' ? 'Z' : parts.zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const at = new Date(`${date.value}T${pad(parts.h)}:${pad(parts.min)}:${pad(parts.s)}${zone}`);
  return Number.isNaN(at.getTime()) ? bad(UNKNOWN_DATE(text)) : ok({ date: date.value, instant: at.toISOString() });
}

/** `https://www.acme.com/about` → `acme.com`; null when the text holds no host. */
export function webDomainOf(text: string): string | null {
  const host = text.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^www\./, '').split(/[/?#:]/)[0] ?? '';
  return host.includes('.') ? host : null;
}
