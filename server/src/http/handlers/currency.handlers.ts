import type { currencyRoutes } from '@rapport/http';
import { parseRateCsv } from '../../rates/rate-csv.js';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

/** The reporting currency and exchange rates: each route hands its validated input to ExchangeRateService. */
export function currencyHandlers({ services }: HttpDeps): Handlers<typeof currencyRoutes> {
  const rates = services.analytics.exchangeRates;
  return {
    getReportingCurrency: async ({ actor }) => rates.reportingCurrency(actor),
    setReportingCurrency: async ({ actor, body }) => rates.setReportingCurrency(actor, body.currency),
    listExchangeRates: async ({ actor, query }) => ({ reportingCurrency: (await rates.reportingCurrency(actor)).currency, items: await rates.list(actor, query) }),
    putExchangeRate: async ({ actor, params, body }) => rates.put(actor, params.currency, params.date, body),
    deleteExchangeRate: async ({ actor, params }) => rates.delete(actor, params.currency, params.date),
    importExchangeRates: async ({ actor, body }) => rates.importRates(actor, parseRateCsv(body)),
  };
}
