import { invalidInput, type RateRow } from '@rapport/core';
import { CsvError, parse } from 'csv-parse/sync';

const COLUMNS = ['currency', 'date', 'rate'] as const;
const EXAMPLE = 'currency,date,rate\nUSD,2026-03-01,0.9214';

/**
 * Reads a rate file: a header line naming `currency`, `date` and `rate` (in any order, any
 * case), then one rate a line, such as `USD,2026-03-01,0.9214`. UTF-8 with or without a byte
 * order mark; blank lines are skipped. Rates stay text, so no digit is lost to a float. A file
 * that is not such a CSV is refused as `invalid_input` naming the line; each row keeps its
 * line number for the checks that follow (ExchangeRateService.importRates).
 */
export function parseRateCsv(text: string): RateRow[] {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // With `info: true` csv-parse answers { record, info } per line; its types do not follow the option.
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const where = line === undefined ? 'body' : `line ${line}`;
      throw invalidInput(`The rate file is not valid CSV (${where}): ${error.message}`, [{ path: where, message: error.message }]);
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw invalidInput(`The rate file is empty. Start with a header line, e.g.\n${EXAMPLE}`, [{ path: 'line 1', message: 'No header line.' }]);
  const names = header.record.map((name) => name.toLowerCase());
  const missing = COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(COLUMNS as readonly string[]).includes(n));
  if (missing.length > 0 || unknown.length > 0) {
    const what = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', unknown.length > 0 ? `unknown ${unknown.join(', ')}` : ''].filter(Boolean).join('; ');
    throw invalidInput(`The header line must name the columns currency, date and rate (${what}), e.g.\n${EXAMPLE}`, [{ path: `line ${header.info.lines}`, message: what }]);
  }
  const at = Object.fromEntries(COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const issues = rows.filter((r) => r.record.length !== names.length).map((r) => ({ path: `line ${r.info.lines}`, message: `${r.record.length} values; expected ${names.length} (${names.join(',')}).` }));
  const first = issues[0];
  if (first) throw invalidInput(`No rates imported: ${issues.length} bad ${issues.length === 1 ? 'line' : 'lines'}. ${first.path}: ${first.message}`, issues);
  return rows.map(({ record, info }) => ({ line: info.lines, currency: record[at.currency] ?? '', date: record[at.date] ?? '', rate: record[at.rate] ?? '' }));
}
