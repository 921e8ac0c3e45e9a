import type { ExchangeRate } from './exchange-rate.schema.js';

/** Rates against one reporting currency (`quote`), optionally of some currencies and up to a date. */
export interface ExchangeRateFilter {
  quote: string;
  /** Matches any of these; an empty list matches nothing. */
  currencies?: readonly string[];
  /** Calendar dates, both included. */
  from?: string;
  to?: string;
}

/**
 * Dated exchange rates, one per currency, reporting currency and date. A company keeps a few
 * currencies at one rate a day at most, so lists are not paged: years of daily rates of a
 * dozen currencies is tens of thousands of short rows.
 */
export interface ExchangeRateRepository {
  /** Sets the rate of a currency on a date, replacing the one already there. */
  put(rate: ExchangeRate): Promise<void>;
  /** Ordered by currency, then date. */
  list(filter: ExchangeRateFilter): Promise<ExchangeRate[]>;
  /** Whether there was such a rate to delete. */
  delete(key: { quote: string; currency: string; date: string }): Promise<boolean>;
}
