import { readFileSync } from 'node:fs';
import { CrmError } from '@rapport/core';
import { parseRateCsv } from '../rates/rate-csv.js';
import { optional, type CommandSpec, type ParsedArgs } from './args.js';
import { withDatabase } from './context.js';
import { renderTable } from './table.js';

/** The one positional argument a command takes, or a usage error naming it. */
function positional(args: ParsedArgs, spec: CommandSpec, what: string): string {
  const [value, ...extra] = args.positionals;
  if (value === undefined || extra.length > 0) throw new CrmError('invalid_input', `Give ${what}, once.\nUsage: ${spec.usage}`, { issues: [{ path: what, message: 'Required.' }] });
  return value;
}

export const currencySet: CommandSpec = {
  name: 'currency set',
  summary: 'Set the reporting currency reports add their totals up in (ISO 4217 code).',
  usage: 'rapport currency set <code>',
  options: {},
  details: [
    'Reports then show a total in this currency beside their per-currency figures, converted with the',
    'rates of `rapport rates import`: a closed deal at the rate of its close date, an open one at today\'s.',
    'Rates belong to the reporting currency they were entered for: after a change, import rates into the new one.',
    '',
    'Example: rapport currency set EUR',
  ],
  async run(args, io) {
    const code = positional(args, currencySet, 'a currency code such as EUR');
    return withDatabase(io, async ({ services }) => {
      const set = await services.analytics.exchangeRates.setReportingCurrency(null, code);
      io.out(`Reporting currency: ${set.currency ?? 'none'}.`);
      return 0;
    });
  },
};

export const ratesImport: CommandSpec = {
  name: 'rates import',
  summary: 'Import dated exchange rates into the reporting currency from a CSV file (all lines, or none).',
  usage: 'rapport rates import <file.csv>',
  options: {},
  details: [
    'The file (UTF-8) starts with the header currency,date,rate and has one rate a line:',
    '  currency,date,rate',
    '  USD,2026-03-01,0.9214',
    'meaning 1 USD was 0.9214 of the reporting currency from 2026-03-01 until the next USD rate.',
    'A bad line refuses the whole file and is named with what to fix. A rate already there is replaced.',
  ],
  async run(args, io) {
    const path = positional(args, ratesImport, 'the CSV file');
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      io.err(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    const rows = parseRateCsv(text);
    return withDatabase(io, async ({ services }) => {
      const result = await services.analytics.exchangeRates.importRates(null, rows);
      io.out(`Imported ${result.imported} ${result.imported === 1 ? 'rate' : 'rates'} into ${result.reportingCurrency} (${result.currencies.join(', ')}).`);
      return 0;
    });
  },
};

export const ratesList: CommandSpec = {
  name: 'rates list',
  summary: 'Print the exchange rates into the reporting currency, by currency and date.',
  usage: 'rapport rates list [--currency <code>] [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
  options: { currency: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  details: ['Example: rapport rates list --currency JPY --from 2026-01-01'],
  async run(args, io) {
    return withDatabase(io, async ({ services }) => {
      const rates = services.analytics.exchangeRates;
      const quote = (await rates.reportingCurrency(null)).currency;
      if (!quote) {
        io.out('No reporting currency is set yet: `rapport currency set EUR`.');
        return 0;
      }
      const list = await rates.list(null, { currency: optional(args, 'currency'), from: optional(args, 'from'), to: optional(args, 'to') });
      if (list.length === 0) io.out(`No rates into ${quote} yet: \`rapport rates import rates.csv\`.`);
      else {
        for (const line of renderTable([{ header: 'Currency' }, { header: 'From' }, { header: `${quote} per unit`, align: 'right' }], list.map((r) => [r.currency, r.date, r.rate]))) io.out(line);
      }
      return 0;
    });
  },
};
