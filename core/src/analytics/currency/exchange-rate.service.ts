import { assertAdmin } from '../../permissions/permissions.js';
import type { Actor, AnalyticsServiceDeps } from '../../services/context.js';
import { CrmError, invalidInput, type FieldIssue } from '../../shared/errors.js';
import { CurrencyCode } from '../../shared/money.js';
import { CalendarDate } from '../../shared/schema.js';
import { fieldIssues, parseInput } from '../../shared/validate.js';
import type { AnalyticsUnitOfWork } from '../../store/store.port.js';
import { ExchangeRate, ExchangeRateInput, type ReportingCurrency } from './exchange-rate.schema.js';
import { REPORTING_CURRENCY_KEY, reportingCurrencyOf } from './reporting-rates.js';

/** How many rows one import takes: twenty years of daily rates of seven currencies. */
export const MAX_RATE_ROWS = 50_000;

/** One row of a rate file, with its line number in the file for the messages. */
export interface RateRow {
  line: number;
  currency: string;
  date: string;
  rate: string;
}

export interface RateImport {
  /** Rates written (a rate already there for the currency and date is replaced). */
  imported: number;
  currencies: string[];
  reportingCurrency: string;
}

async function requireQuote(uow: AnalyticsUnitOfWork): Promise<string> {
  const quote = await reportingCurrencyOf(uow);
  if (!quote) throw invalidInput('Set a reporting currency first (PUT /api/v1/reporting-currency or `rapport currency set EUR`): a rate says how much of it one unit of another currency is worth.', [{ path: 'currency', message: 'No reporting currency is set.' }]);
  return quote;
}

function notTheQuote(currency: string, quote: string, path: string): FieldIssue | null {
  return currency === quote ? { path, message: `${quote} is the reporting currency: one ${quote} is always one ${quote}.` } : null;
}

/** Admins only; `null` is the hub's own trusted code (its CLI), allowed what an admin is. */
function assertMayChange(actor: Actor | null, what: string): void {
  if (actor) assertAdmin(actor.user, what);
}

/**
 * The reporting currency and the dated exchange rates into it. Everyone reads them; admins set
 * them. A rate belongs to the reporting currency it was entered for (see ExchangeRate).
 * Like UserService, it takes `null` as the actor for the hub's own trusted code.
 */
export class ExchangeRateService {
  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async reportingCurrency(_actor: Actor | null): Promise<ReportingCurrency> {
    return { currency: await this.deps.store.read(reportingCurrencyOf) };
  }

  async setReportingCurrency(actor: Actor | null, currency: string): Promise<ReportingCurrency> {
    assertMayChange(actor, 'set the reporting currency');
    const code = parseInput(CurrencyCode, currency, 'reporting currency');
    await this.deps.store.transaction((uow) => uow.settings.set(REPORTING_CURRENCY_KEY, code));
    return { currency: code };
  }

  /** Rates into the reporting currency now set, by currency then date; empty when none is set. */
  async list(_actor: Actor | null, filter: { currency?: string | undefined; from?: string | undefined; to?: string | undefined } = {}): Promise<ExchangeRate[]> {
    const currency = filter.currency === undefined ? undefined : parseInput(CurrencyCode, filter.currency, 'currency');
    const from = filter.from === undefined ? undefined : parseInput(CalendarDate, filter.from, 'from date');
    const to = filter.to === undefined ? undefined : parseInput(CalendarDate, filter.to, 'to date');
    return this.deps.store.read(async (uow) => {
      const quote = await reportingCurrencyOf(uow);
      if (!quote) return [];
      return uow.exchangeRates.list({ quote, ...(currency ? { currencies: [currency] } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) });
    });
  }

  async put(actor: Actor | null, currency: string, date: string, input: ExchangeRateInput): Promise<ExchangeRate> {
    assertMayChange(actor, 'set exchange rates');
    const { rate } = parseInput(ExchangeRateInput, input, 'exchange rate');
    return this.deps.store.transaction(async (uow) => {
      const quote = await requireQuote(uow);
      const row = parseInput(ExchangeRate, { currency, quote, date, rate }, 'exchange rate');
      const same = notTheQuote(row.currency, quote, 'currency');
      if (same) throw invalidInput(same.message, [same]);
      await uow.exchangeRates.put(row);
      return row;
    });
  }

  async delete(actor: Actor | null, currency: string, date: string): Promise<void> {
    assertMayChange(actor, 'delete exchange rates');
    const code = parseInput(CurrencyCode, currency, 'currency');
    const day = parseInput(CalendarDate, date, 'date');
    await this.deps.store.transaction(async (uow) => {
      const quote = await requireQuote(uow);
      if (!(await uow.exchangeRates.delete({ quote, currency: code, date: day }))) {
        throw new CrmError('not_found', `No ${code} rate on ${day} into ${quote}.`, { details: { currency: code, date: day } });
      }
    });
  }

  /**
   * Writes every row of a rate file in one transaction, or none: any bad row refuses the file,
   * with one issue per bad line (`path` "line 7") saying what to fix. A currency and date given
   * twice with different rates is refused too; the same rate twice is taken once.
   */
  async importRates(actor: Actor | null, rows: readonly RateRow[]): Promise<RateImport> {
    assertMayChange(actor, 'import exchange rates');
    if (rows.length === 0) throw invalidInput('The file has no rates: give a header line `currency,date,rate` and one rate a line.', [{ path: 'body', message: 'No rows.' }]);
    if (rows.length > MAX_RATE_ROWS) throw invalidInput(`At most ${MAX_RATE_ROWS} rates a file; split it.`, [{ path: 'body', message: `${rows.length} rows.` }]);
    return this.deps.store.transaction(async (uow) => {
      const quote = await requireQuote(uow);
      const issues: FieldIssue[] = [];
      const seen = new Map<string, { line: number; rate: string }>();
      const good: ExchangeRate[] = [];
      for (const row of rows) {
        const path = `line ${row.line}`;
        const parsed = ExchangeRate.safeParse({ currency: row.currency, quote, date: row.date, rate: row.rate }, { reportInput: true });
        if (!parsed.success) {
          for (const issue of fieldIssues(parsed.error)) issues.push({ path, message: `${issue.path}: ${issue.message}` });
          continue;
        }
        const same = notTheQuote(parsed.data.currency, quote, path);
        if (same) {
          issues.push(same);
          continue;
        }
        const key = `${parsed.data.currency} ${parsed.data.date}`;
        const earlier = seen.get(key);
        if (earlier && earlier.rate !== parsed.data.rate) issues.push({ path, message: `${key} is already on line ${earlier.line} with rate ${earlier.rate}.` });
        if (earlier) continue;
        seen.set(key, { line: row.line, rate: parsed.data.rate });
        good.push(parsed.data);
      }
      const first = issues[0];
      const badLines = new Set(issues.map((i) => i.path)).size;
      if (first) throw invalidInput(`No rates imported: ${badLines} bad ${badLines === 1 ? 'line' : 'lines'}. ${first.path}: ${first.message}`, issues);
      for (const rate of good) await uow.exchangeRates.put(rate);
      return { imported: good.length, currencies: [...new Set(good.map((r) => r.currency))].sort(), reportingCurrency: quote };
    });
  }
}
