import { Readable } from 'node:stream';
import { exportRecords, type ExportKind, type ExportLine, type Store } from '@rapport/core';
import { Zip, ZipDeflate } from 'fflate';
import { csvHeader, csvLine, type CsvContext } from './export-csv.js';

export type ExportFormat = 'csv' | 'jsonl';

/** Every record as JSON lines, `{"kind": …, "record": …}` one per line, streamed as it is read. */
export function jsonLinesExport(store: Store): Readable {
  async function* lines(): AsyncGenerator<string> {
    for await (const line of exportRecords(store)) yield `${JSON.stringify(line)}\n`;
  }
  return Readable.from(lines());
}

const FILE_NAMES: Record<ExportKind, string> = {
  team: 'teams.csv', user: 'users.csv', pipeline: 'pipelines.csv', account: 'accounts.csv', contact: 'contacts.csv',
  deal: 'deals.csv', stage_change: 'deal-stage-history.csv', activity: 'activities.csv', reminder: 'reminders.csv',
};

/**
 * Every record as CSV, one file per kind, in a zip archive built as the records are read
 * (fflate's streaming zip: nothing is held whole). Each file is UTF-8 with a byte-order mark,
 * so spreadsheets show every script right; `accounts.csv`, `contacts.csv`, `deals.csv` and
 * `activities.csv` import back into Rapport as they are.
 */
export function csvZipExport(store: Store): Readable {
  const out = new Readable({ read() {} });
  const zip = new Zip((error, chunk, final) => {
    if (error) out.destroy(error);
    else {
      out.push(Buffer.from(chunk));
      if (final) out.push(null);
    }
  });
  const encoder = new TextEncoder();
  void (async () => {
    const ctx: CsvContext = { emails: new Map(), pipelines: new Map() };
    let kind: ExportKind | null = null;
    let file: ZipDeflate | null = null;
    let pending: string[] = [];
    const drain = (final = false): void => {
      if (!file) return;
      file.push(encoder.encode(pending.join('')), final);
      pending = [];
    };
    try {
      for await (const line of exportRecords(store)) {
        remember(ctx, line);
        if (line.kind !== kind) {
          drain(true);
          kind = line.kind;
          file = new ZipDeflate(FILE_NAMES[line.kind], { level: 6 });
          zip.add(file);
          pending.push(`\uFEFF${csvHeader(line)}`);
        }
        pending.push(csvLine(line, ctx));
        if (pending.length >= 500) drain();
      }
      drain(true);
      zip.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

function remember(ctx: CsvContext, line: ExportLine): void {
  if (line.kind === 'user') ctx.emails.set(line.record.id, line.record.email);
  if (line.kind === 'pipeline') ctx.pipelines.set(line.record.id, line.record.name);
}

export function exportStream(store: Store, format: ExportFormat): Readable {
  return format === 'csv' ? csvZipExport(store) : jsonLinesExport(store);
}
