import type { Migration } from './migration.js';

/**
 * Dated exchange rates into the reporting currency: on `date`, 1 `currency` = `rate` `quote`.
 * The rate is decimal text as entered ("1.0842"), never a float, so it is read back exactly;
 * core multiplies it in integers. The key's order serves "every rate of this reporting
 * currency up to a date, by currency and date". The reporting currency itself is a setting.
 */
export const exchangeRates: Migration = {
  version: 13,
  name: 'exchange rates',
  statements: ({ text, table }) => [
    `CREATE TABLE exchange_rates (quote ${text} NOT NULL, currency ${text} NOT NULL, date ${text} NOT NULL, rate ${text} NOT NULL,
      PRIMARY KEY (quote, currency, date))${table}`,
  ],
};
