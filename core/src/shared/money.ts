import { z } from 'zod';

/** The ISO 4217 currencies in circulation, as the JavaScript runtime knows them (no XXX, XTS or metals). */
const ISO_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** True for an ISO 4217 code of a currency in circulation ("EUR", not "ZZZ" or "BTC"). */
export const isCurrencyCode = (code: string): boolean => ISO_CURRENCIES.has(code);

/** ISO 4217 alphabetic code, upper case. */
export const CurrencyCode = z
  .string()
  .trim()
  .length(3, { message: 'Use a three-letter ISO 4217 currency code such as USD, EUR or CNY.', abort: true })
  .toUpperCase()
  .refine(isCurrencyCode, 'Use a three-letter ISO 4217 currency code such as USD, EUR or CNY.');

/**
 * The largest amount of one deal, campaign or target: 10^13 minor units (100 billion in a
 * two-decimal currency, ten trillion yen). Totals are sums of such amounts, added exactly as
 * integers by both databases and exact in JavaScript (and JSON) numbers up to 2^53 − 1 ≈
 * 9.007 × 10^15: over 900 amounts at the maximum in one currency and one report, or, in
 * dollars, a pipeline of 90 trillion (about the world's yearly output). Products of an amount
 * and a probability (at most 10^15) stay far inside PostgreSQL's BIGINT. Past 2^53 a total is
 * answered as the nearest number, never refused (see the SQL adapter's money sums).
 */
export const MAX_AMOUNT_MINOR = 10 ** 13;

/** An amount in integer minor units (cents, fen, …) of one currency. */
export const Money = z.object({
  minor: z
    .number()
    .int('Amounts are whole minor units (cents): 1999 for 19.99.')
    .min(0, 'An amount cannot be negative.')
    .max(MAX_AMOUNT_MINOR, `At most ${MAX_AMOUNT_MINOR} minor units (100 billion in a currency with cents).`),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/** Totals kept apart per currency: two currencies are never added together silently. */
export type MoneyTotals = Record<string, number>;

export function addToTotals(totals: MoneyTotals, money: Money, factor = 1): MoneyTotals {
  totals[money.currency] = (totals[money.currency] ?? 0) + Math.round(money.minor * factor);
  return totals;
}

/** Minor-unit digits per currency where it is not 2 (ISO 4217). */
const MINOR_DIGITS: Record<string, number> = {
  JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, UGX: 0, XAF: 0, XOF: 0, PYG: 0,
  BHD: 3, JOD: 3, KWD: 3, OMR: 3, TND: 3, IQD: 3, LYD: 3,
};

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

/**
 * Reads an amount a person typed ("12,500", "12.5k", "1.2m", "¥80000", "€ 9.99")
 * into minor units of `currency`. Returns null when it is not an amount.
 */
export function parseAmount(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(/[\s$€£¥₩₹]/g, '').replace(/^[A-Za-z]{3}(?=\d)/, '').replace(/(?<=\d)[A-Za-z]{3}$/, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([kKmM])?$/.exec(cleaned);
  if (!match) return null;
  const whole = (match[1] ?? '0').replace(/,/g, '');
  const fraction = match[2] ?? '';
  const multiplier = match[3]?.toLowerCase() === 'k' ? 1e3 : match[3]?.toLowerCase() === 'm' ? 1e6 : 1;
  const major = Number(`${whole}.${fraction || '0'}`) * multiplier;
  if (!Number.isFinite(major)) return null;
  const minor = Math.round(major * 10 ** minorDigits(currency));
  return Number.isSafeInteger(minor) && minor <= MAX_AMOUNT_MINOR ? minor : null;
}

/** Formats minor units for people, in a locale ("$12,500.00", "¥80,000"). */
export function formatMoney(money: Money, locale = 'en-US'): string {
  const digits = minorDigits(money.currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: digits,
    }).format(money.minor / 10 ** digits);
  } catch {
    return `${(money.minor / 10 ** digits).toFixed(digits)} ${money.currency}`;
  }
}
