import { z } from 'zod';
import { CurrencyCode } from '../../shared/money.js';
import { CalendarDate } from '../../shared/schema.js';

/** At most this many digits before the decimal point of a rate, and after it. */
export const RATE_INTEGER_DIGITS = 12;
export const RATE_FRACTION_DIGITS = 10;

const RATE_TEXT = new RegExp(`^\\d{1,${RATE_INTEGER_DIGITS}}(\\.\\d{1,${RATE_FRACTION_DIGITS}})?$`);
const RATE_MESSAGE = `Use a positive decimal number such as 1.0842: at most ${RATE_INTEGER_DIGITS} digits before the point and ${RATE_FRACTION_DIGITS} after, no exponent, no thousands separator.`;

/** "0010.2500" → "10.25": the one way a rate is written, so equal rates are equal text. */
export function canonicalRate(text: string): string {
  const [whole = '0', fraction = ''] = text.split('.');
  const integer = whole.replace(/^0+(?=\d)/, '');
  const decimals = fraction.replace(/0+$/, '');
  return decimals === '' ? integer : `${integer}.${decimals}`;
}

/**
 * An exchange rate as exact decimal text ("1.0842"), never a binary float: stored and compared
 * as written, and multiplied exactly (see convertMinor). A JSON number is read through its
 * shortest decimal form.
 */
export const Rate = z
  .union([z.string(), z.number()])
  .transform((value) => (typeof value === 'number' ? String(value) : value.trim()))
  .pipe(z.string().regex(RATE_TEXT, RATE_MESSAGE).refine((text) => /[1-9]/.test(text), 'A rate must be more than zero.'))
  .transform(canonicalRate);
export type Rate = z.output<typeof Rate>;

/**
 * One dated rate: on `date`, 1 unit of `currency` is `rate` units of `quote`, the reporting
 * currency the rate was entered for. Rates of another reporting currency than the current one
 * are kept but never used, so changing the reporting currency never applies stale rates.
 */
export const ExchangeRate = z.object({
  currency: CurrencyCode,
  quote: CurrencyCode,
  date: CalendarDate,
  rate: Rate,
});
export type ExchangeRate = z.infer<typeof ExchangeRate>;

/** What an admin enters: the currency and date name the rate, in the reporting currency now set. */
export const ExchangeRateInput = z.strictObject({ rate: Rate });
export type ExchangeRateInput = z.input<typeof ExchangeRateInput>;

/** The company's reporting currency; null until an admin sets one. */
export const ReportingCurrency = z.object({ currency: CurrencyCode.nullable() });
export type ReportingCurrency = z.infer<typeof ReportingCurrency>;

/** Amounts a report left out of its converted total because no rate was on or before their date. */
export const MissingRate = z.object({
  currency: z.string(),
  /** The date the amounts needed a rate for: a closed deal's close date, or today for open deals. */
  date: z.string(),
  /** How many amounts (deals, targets, costs) went without a rate. */
  count: z.number().int(),
  /** Their sum, in minor units of `currency`. */
  amountMinor: z.number().int(),
});
export type MissingRate = z.infer<typeof MissingRate>;

/**
 * The reporting-currency figures of a report, beside its per-currency ones: each named total in
 * minor units of `currency`, and the amounts left out for want of a rate. Null in a report when
 * no reporting currency is set.
 */
export const reportingFigures = <K extends string>(...totals: readonly K[]) =>
  z.object({
    currency: z.string(),
    ...(Object.fromEntries(totals.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>),
    missingRates: z.array(MissingRate),
  });

/** How the customer-value ranking compared money: in the reporting currency, or within each currency. */
export const RankingCurrency = z.object({
  /** The reporting currency the monetary scores ranked in; null: ranked within each currency, never across. */
  currency: z.string().nullable(),
  /** Won amounts left out of the ranking for want of a rate; `count` counts an account's amounts of one currency and close day as one. */
  missingRates: z.array(MissingRate),
});
export type RankingCurrency = z.infer<typeof RankingCurrency>;
