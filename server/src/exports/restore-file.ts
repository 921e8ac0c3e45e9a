import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream';
import { parseExportLine, restoreRecords, type ExportKind, type ExportLine, type Store } from '@rapport/core';
import { Utf8Check } from '../imports/csv-rows.js';

/** The lines of a JSON lines export, streamed from disk and checked to be UTF-8. */
async function* exportLines(path: string, name: string): AsyncGenerator<ExportLine> {
  const check = new Utf8Check(name);
  pipeline(createReadStream(path), check, () => undefined);
  let number = 0;
  for await (const text of createInterface({ input: check, crlfDelay: Infinity })) {
    number += 1;
    if (text.trim() !== '') yield parseExportLine(text.replace(/^\uFEFF/, ''), number);
  }
}

/** Restores a `rapport export --format jsonl` file into an empty hub. */
export function restoreFile(store: Store, path: string, name: string): Promise<Record<ExportKind, number>> {
  return restoreRecords(store, exportLines(path, name));
}
