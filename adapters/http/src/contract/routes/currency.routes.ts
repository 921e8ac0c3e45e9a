import { CalendarDate, CurrencyCode, EARLIEST_DATE, ExchangeRate, ExchangeRateInput, LATEST_DATE, MAX_RATE_ROWS, ReportingCurrency } from '@rapport/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';

const TAG = 'Reporting currency';

const RULE =
  'A rate says what 1 unit of `currency` is worth in the reporting currency on `date`. Reports convert a closed deal at the latest rate on or before its close date (UTC) and an open deal at the latest on or before today; an amount without such a rate is never guessed: it is left out of the reporting total and listed in `missingRates`.';

const RateParams = z.object({
  currency: CurrencyCode.describe('ISO 4217 code of the currency the rate converts from.'),
  date: CalendarDate.describe(`The day the rate applies from, until the next rate of the currency. Between ${EARLIEST_DATE} and ${LATEST_DATE}.`),
});

export const RateImport = z.object({
  imported: z.number().int(),
  currencies: z.array(z.string()),
  reportingCurrency: z.string(),
});

export const currencyRoutes = {
  getReportingCurrency: defineRoute({
    method: 'GET',
    path: '/api/v1/reporting-currency',
    summary: 'The company\'s reporting currency (null until an admin sets one)',
    tag: TAG,
    auth: true,
    response: ReportingCurrency,
    status: 200,
  }),
  setReportingCurrency: defineRoute({
    method: 'PUT',
    path: '/api/v1/reporting-currency',
    summary: 'Set the reporting currency (admins)',
    description: `Reports then add totals in it beside their per-currency figures. Rates belong to the reporting currency they were entered for: after a change, enter rates into the new one. ${RULE}`,
    tag: TAG,
    auth: true,
    body: z.strictObject({ currency: CurrencyCode }),
    response: ReportingCurrency,
    status: 200,
  }),
  listExchangeRates: defineRoute({
    method: 'GET',
    path: '/api/v1/exchange-rates',
    summary: 'Exchange rates into the reporting currency, by currency then date',
    description: RULE,
    tag: TAG,
    auth: true,
    query: z.strictObject({ currency: CurrencyCode.optional(), from: CalendarDate.optional(), to: CalendarDate.optional() }),
    response: z.object({ reportingCurrency: z.string().nullable(), items: z.array(ExchangeRate) }),
    status: 200,
  }),
  putExchangeRate: defineRoute({
    method: 'PUT',
    path: '/api/v1/exchange-rates/{currency}/{date}',
    summary: 'Set the rate of a currency on a date (admins); replaces the one there',
    description: `The rate is a decimal, best sent as a string ("0.9214"): up to 12 digits before the point and 10 after, kept exactly. ${RULE}`,
    tag: TAG,
    auth: true,
    params: RateParams,
    body: ExchangeRateInput,
    response: ExchangeRate,
    status: 200,
  }),
  deleteExchangeRate: defineRoute({
    method: 'DELETE',
    path: '/api/v1/exchange-rates/{currency}/{date}',
    summary: 'Delete the rate of a currency on a date (admins)',
    tag: TAG,
    auth: true,
    params: RateParams,
    response: null,
    status: 204,
  }),
  importExchangeRates: defineRoute({
    method: 'POST',
    path: '/api/v1/exchange-rates/import',
    summary: 'Import rates from a CSV file (admins): all of them, or none when a line is bad',
    description: `Send text/csv (UTF-8): a header line \`currency,date,rate\` (any order), then one rate a line, e.g. \`USD,2026-03-01,0.9214\`; at most ${MAX_RATE_ROWS} lines. A rate already there for a currency and date is replaced. A bad line refuses the whole file with 400, each issue's path naming its line ("line 7"). ${RULE}`,
    tag: TAG,
    auth: true,
    body: z.string().describe('The CSV file.'),
    bodyType: 'csv',
    response: RateImport,
    status: 200,
  }),
};
