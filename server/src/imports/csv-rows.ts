import { createReadStream } from 'node:fs';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import { CrmError, type SourceRow } from '@rapport/core';
import { parse, type Parser } from 'csv-parse';

const NEWLINE = 0x0a;

function countNewlines(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === NEWLINE) n++;
  return n;
}

/** The length of the longest prefix of `chunk` that is valid UTF-8 (a sequence cut at the end counts as valid). */
function validPrefix(chunk: Uint8Array): number {
  let low = 0;
  let high = chunk.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(chunk.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/**
 * Passes bytes on while they are UTF-8 (with or without a byte-order mark), and fails with a
 * clear `invalid_input` naming the file and line of the first byte that is not: the exports
 * Rapport reads are UTF-8, and guessing another encoding would garble names silently.
 */
export class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private lines = 1;
  private first = true;

  constructor(private readonly file: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.first) {
      this.first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        done(new CrmError('invalid_input', `${this.file} is UTF-16 text; save it as UTF-8 (CSV UTF-8) and import it again.`, { issues: [{ path: this.file, message: 'Line 1: not UTF-8.' }] }));
        return;
      }
    }
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      const line = this.lines + countNewlines(chunk, validPrefix(chunk));
      done(new CrmError('invalid_input', `${this.file}, line ${line}: the file is not UTF-8 text (it may be Windows-1252 or Latin-1). Save it as UTF-8 (CSV UTF-8) and import it again.`, { issues: [{ path: this.file, message: `Line ${line}: not UTF-8.` }] }));
      return;
    }
    this.lines += countNewlines(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    try {
      this.decoder.decode();
      done();
    } catch {
      done(new CrmError('invalid_input', `${this.file}, line ${this.lines}: the file ends inside a character; it is not UTF-8 text.`));
    }
  }
}

function parser(columns: boolean): Parser {
  return parse({ bom: true, columns: columns ? (header: string[]) => header.map((h) => h.trim()) : false, relax_column_count: true, skip_empty_lines: true, info: true, ...(columns ? {} : { to_line: 1 }) });
}

function csvError(file: string, error: unknown): CrmError {
  if (error instanceof CrmError) return error;
  const e = error as { message?: string; lines?: number };
  return new CrmError('invalid_input', `${file}${e.lines ? `, line ${e.lines}` : ''}: not a CSV file we can read (${e.message ?? String(error)}).`);
}

/** The header row of a CSV file, read without reading the rest. */
export async function readCsvHeaders(path: string, name: string): Promise<string[]> {
  const source = createReadStream(path, { end: 1024 * 1024 });
  const rows = parser(false);
  pipeline(source, new Utf8Check(name), rows, () => undefined);
  try {
    for await (const record of rows as AsyncIterable<{ record: string[] }>) {
      source.destroy();
      return record.record.map((h) => h.trim());
    }
  } catch (error) {
    throw csvError(name, error);
  } finally {
    source.destroy();
  }
  throw new CrmError('invalid_input', `${name} is empty: a CSV export starts with a header row.`);
}

/** The data rows of a CSV file, streamed (never read whole), each with its line in the file. */
export async function* readCsvRows(path: string, name: string): AsyncGenerator<SourceRow> {
  const source = createReadStream(path, { highWaterMark: 256 * 1024 });
  const rows = parser(true);
  // pipeline ends every stream on the first error, which the loop below then throws.
  pipeline(source, new Utf8Check(name), rows, () => undefined);
  try {
    for await (const { record, info } of rows as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      yield { line: info.lines, cells: record };
    }
  } catch (error) {
    throw csvError(name, error);
  } finally {
    source.destroy();
  }
}
