import { formatMoney, minorDigits } from '../../shared/money.js';
import { compareCodePoints } from '../../shared/text.js';
import { RATE_FRACTION_DIGITS, type ExchangeRate, type MissingRate } from './exchange-rate.schema.js';

const SCALE = 10n ** BigInt(RATE_FRACTION_DIGITS);

/** A rate's decimal text ("1.0842") as an exact integer count of 10^-10 units. */
export function scaledRate(rate: string): bigint {
  const [whole = '0', fraction = ''] = rate.split('.');
  return BigInt(whole) * SCALE + BigInt(fraction.padEnd(RATE_FRACTION_DIGITS, '0'));
}

/**
 * Minor units of `from` as minor units of `to`, at `rate` (1 `from` = `rate` `to`), worked out
 * exactly in integers and rounded half up once, each currency with its own minor digits:
 * ¥1,000 (1000, no minor digits) at 0.0061 EUR is €6.10 (610 cents); ₩50,000 at 0.00069 EUR
 * is €34.50 (3450 cents).
 */
export function convertMinor(minor: number, from: string, to: string, rate: string): number {
  const numerator = BigInt(minor) * scaledRate(rate) * 10n ** BigInt(minorDigits(to));
  const denominator = SCALE * 10n ** BigInt(minorDigits(from));
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/** Dated rates into one reporting currency (`quote`), looked up by currency and date. */
export class RateTable {
  private readonly byCurrency = new Map<string, { dates: string[]; rates: string[] }>();

  constructor(
    readonly quote: string,
    rates: readonly ExchangeRate[],
  ) {
    const ordered = rates.filter((r) => r.quote === quote).sort((a, b) => compareCodePoints(a.currency, b.currency) || compareCodePoints(a.date, b.date));
    for (const r of ordered) {
      const series = this.byCurrency.get(r.currency) ?? { dates: [], rates: [] };
      series.dates.push(r.date);
      series.rates.push(r.rate);
      this.byCurrency.set(r.currency, series);
    }
  }

  /**
   * The rate that applies to `currency` on `date`: the latest dated on or before it. The
   * reporting currency itself is 1. Null when there is none: a rate is never guessed from a later one.
   */
  rateOn(currency: string, date: string): string | null {
    if (currency === this.quote) return '1';
    const series = this.byCurrency.get(currency);
    if (!series) return null;
    let low = 0;
    let high = series.dates.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((series.dates[mid] as string) <= date) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? null : (series.rates[low - 1] as string);
  }
}

/** Reporting figures as a report answers them: named totals in the reporting currency, and what was left out. */
export type ReportingFigures<K extends string> = { currency: string; missingRates: MissingRate[] } & Record<K, number>;

/**
 * Adds amounts of many currencies and dates into named totals in the reporting currency. An
 * amount without a rate adds nothing and is listed in `missingRates` by currency and date.
 */
export class ReportingSum<K extends string> {
  private readonly totals = new Map<K, number>();
  private readonly missing = new Map<string, MissingRate>();

  constructor(
    private readonly table: RateTable,
    private readonly keys: readonly K[],
  ) {
    for (const key of keys) this.totals.set(key, 0);
  }

  /**
   * Converts each of `amounts` (minor units of `currency`) at the rate of `date` into its total.
   * Without a rate, `leftOut` (how many amounts, and how much) is recorded instead.
   */
  add(currency: string, date: string, amounts: Partial<Record<K, number>>, leftOut: { count: number; amountMinor: number }): void {
    const rate = this.table.rateOn(currency, date);
    if (rate === null) {
      if (leftOut.count === 0 && leftOut.amountMinor === 0) return;
      const id = `${currency} ${date}`;
      const row = this.missing.get(id) ?? { currency, date, count: 0, amountMinor: 0 };
      row.count += leftOut.count;
      row.amountMinor += leftOut.amountMinor;
      this.missing.set(id, row);
      return;
    }
    for (const [key, minor] of Object.entries(amounts) as Array<[K, number | undefined]>) {
      if (minor === undefined || minor === 0) continue;
      this.totals.set(key, (this.totals.get(key) ?? 0) + convertMinor(minor, currency, this.table.quote, rate));
    }
  }

  /** The total so far under one name. */
  total(key: K): number {
    return this.totals.get(key) ?? 0;
  }

  result(): ReportingFigures<K> {
    const missingRates = [...this.missing.values()].sort((a, b) => compareCodePoints(a.currency, b.currency) || compareCodePoints(a.date, b.date));
    return { currency: this.table.quote, ...(Object.fromEntries(this.keys.map((k) => [k, this.total(k)])) as Record<K, number>), missingRates };
  }
}

/** How many dates a sentence names for one currency before it says "and n more". */
const DATES_NAMED = 3;

/**
 * The plain sentence a surface shows under a reporting total with amounts left out, one
 * clause per currency: "No USD rate on or before 2026-12-03: 2 amounts ($5,000) are left out
 * of the EUR total." Empty when nothing was left out.
 */
export function missingRatesSentence(quote: string, missing: readonly MissingRate[], locale = 'en-US', leftOutOf: 'total' | 'ranking' = 'total'): string {
  const byCurrency = new Map<string, MissingRate[]>();
  for (const m of missing) byCurrency.set(m.currency, [...(byCurrency.get(m.currency) ?? []), m]);
  return [...byCurrency]
    .map(([currency, rows]) => {
      const dates = rows.map((r) => r.date);
      const named = dates.slice(0, DATES_NAMED).join(', ') + (dates.length > DATES_NAMED ? ` and ${dates.length - DATES_NAMED} more dates` : '');
      const count = rows.reduce((n, r) => n + r.count, 0);
      const amount = formatMoney({ minor: rows.reduce((n, r) => n + r.amountMinor, 0), currency }, locale);
      return `No ${currency} rate on or before ${named}: ${count} ${count === 1 ? 'amount' : 'amounts'} (${amount}) ${count === 1 ? 'is' : 'are'} left out of the ${quote} ${leftOutOf}.`;
    })
    .join(' ');
}
