import { isCurrencyCode } from '../../shared/money.js';
import type { AnalyticsUnitOfWork, UnitOfWork } from '../../store/store.port.js';
import { RateTable } from './conversion.js';

/** Where the company's reporting currency is kept in the Store's settings. */
export const REPORTING_CURRENCY_KEY = 'reporting.currency';

/** The company's reporting currency, or null when none is set. */
export async function reportingCurrencyOf(uow: UnitOfWork): Promise<string | null> {
  const value = await uow.settings.get<unknown>(REPORTING_CURRENCY_KEY);
  return typeof value === 'string' && isCurrencyCode(value) ? value : null;
}

/**
 * The rates a report converts with, dated up to `upTo` (the latest date it converts at): null
 * when no reporting currency is set, and the report then answers `reporting: null`.
 */
export async function loadRateTable(uow: AnalyticsUnitOfWork, upTo: string): Promise<RateTable | null> {
  const quote = await reportingCurrencyOf(uow);
  if (!quote) return null;
  return new RateTable(quote, await uow.exchangeRates.list({ quote, to: upTo }));
}
