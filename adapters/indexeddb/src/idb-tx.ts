import { CrmError } from '@rapport/core';
import type { RapportDb, Row, Table } from './idb-schema.js';

/** How a unit of work writes: buffered until the transaction commits, or at once. */
export type TxMode = 'transaction' | 'direct';

type Staged = { table: Table; key: IDBValidKey; row: Row | null };

const cmp = (a: IDBValidKey, b: IDBValidKey): number => indexedDB.cmp(a, b);

/** The value of an index on a row: `i.<index>`, or the primary key when index is null. */
const indexValue = (row: Row, index: string | null): IDBValidKey | IDBValidKey[] | undefined => (index === null ? row.k : row.i[index]);

function inRange(value: IDBValidKey | IDBValidKey[] | undefined, query: IDBKeyRange | null, multiEntry: boolean): boolean {
  if (value === undefined) return false;
  if (query === null) return true;
  const values = multiEntry && Array.isArray(value) ? value : [value as IDBValidKey];
  return values.some((v) => query.includes(v));
}

export interface ScanOptions<T> {
  /** The index to walk (null: the primary key). */
  index: string | null;
  range?: IDBKeyRange | null;
  direction?: 'next' | 'prev';
  /** Rows to keep. */
  where?: (doc: T) => boolean;
  /** Stop after this many kept rows. */
  limit?: number;
}

/**
 * One unit of work's view of the database. Writes are staged in an overlay that reads see
 * first; a transaction writes the overlay in one IndexedDB readwrite transaction when its work
 * is done (so it is atomic even if the page or worker dies), and a direct unit of work writes
 * it after each repository call. IndexedDB transactions close when their task yields to
 * anything but IndexedDB, so no IndexedDB transaction is held across the caller's awaits.
 */
export class IdbTx {
  private readonly staged = new Map<string, Staged>();

  constructor(
    private readonly db: RapportDb,
    readonly mode: TxMode,
  ) {}

  private slot(table: Table, key: IDBValidKey): string {
    return `${table}\u0000${JSON.stringify(key, (_, v: unknown) => (v instanceof Uint8Array ? Array.from(v) : v))}`;
  }

  private stagedIn(table: Table): Staged[] {
    return [...this.staged.values()].filter((s) => s.table === table);
  }

  async get<T>(table: Table, key: IDBValidKey): Promise<T | null> {
    const staged = this.staged.get(this.slot(table, key));
    if (staged) return staged.row ? (structuredClone(staged.row.doc) as T) : null;
    const row = (await this.db.get(table, key)) as Row<T> | undefined;
    return row ? row.doc : null;
  }

  /** Rows whose index value falls in `query` (every row when null), in no particular order. */
  async query<T>(table: Table, index: string | null, query: IDBKeyRange | IDBValidKey | null, multiEntry = false): Promise<T[]> {
    const range = query === null || query instanceof IDBKeyRange ? query : IDBKeyRange.only(query);
    const base = (index === null ? await this.db.getAll(table, range ?? undefined) : await this.db.getAllFromIndex(table, index, range ?? undefined)) as Row<T>[];
    const seen = new Set<string>();
    const out: T[] = [];
    for (const row of base) {
      const slot = this.slot(table, row.k);
      if (this.staged.has(slot) || seen.has(slot)) continue;
      seen.add(slot);
      out.push(row.doc);
    }
    for (const staged of this.stagedIn(table)) {
      if (staged.row && inRange(indexValue(staged.row, index), range, multiEntry)) out.push(structuredClone(staged.row.doc) as T);
    }
    return out;
  }

  /** Rows in index order (then primary key), staged writes merged in, filtered, up to a limit. */
  async scan<T>(table: Table, options: ScanOptions<T>): Promise<T[]> {
    const { index, range = null, direction = 'next', where = () => true, limit = Number.POSITIVE_INFINITY } = options;
    const base: Array<{ key: IDBValidKey; pk: IDBValidKey; doc: T }> = [];
    if (limit > 0) {
      const tx = this.db.transaction(table, 'readonly');
      const source = index === null ? tx.store : tx.store.index(index);
      let cursor = await source.openCursor(range, direction);
      while (cursor && base.length < limit) {
        const row = cursor.value as Row<T>;
        if (!this.staged.has(this.slot(table, row.k)) && where(row.doc)) base.push({ key: cursor.key, pk: cursor.primaryKey, doc: row.doc });
        cursor = await cursor.continue();
      }
      await tx.done;
    }
    const extra = this.stagedIn(table)
      .filter((s): s is Staged & { row: Row } => s.row !== null && inRange(indexValue(s.row, index), range, false) && where(s.row.doc as T))
      .map((s) => ({ key: indexValue(s.row, index) as IDBValidKey, pk: s.row.k, doc: structuredClone(s.row.doc) as T }));
    if (extra.length === 0) return base.map((r) => r.doc);
    const sign = direction === 'prev' ? -1 : 1;
    return [...base, ...extra]
      .sort((a, b) => sign * (cmp(a.key, b.key) || cmp(a.pk, b.pk)))
      .slice(0, limit)
      .map((r) => r.doc);
  }

  put(table: Table, row: Row): void {
    this.staged.set(this.slot(table, row.k), { table, key: row.k, row: structuredClone(row) });
  }

  delete(table: Table, key: IDBValidKey): void {
    this.staged.set(this.slot(table, key), { table, key, row: null });
  }

  /** Runs a repository write; a direct unit of work commits it at once, as one IndexedDB transaction. */
  async write<T>(work: () => Promise<T>): Promise<T> {
    const result = await work();
    if (this.mode === 'direct') await this.commit();
    return result;
  }

  /** Writes every staged change in one readwrite transaction: deletions first, then the rest in order. */
  async commit(): Promise<void> {
    if (this.staged.size === 0) return;
    const changes = [...this.staged.values()];
    this.staged.clear();
    const tables = [...new Set(changes.map((c) => c.table))];
    try {
      const tx = this.db.transaction(tables, 'readwrite');
      const requests: Array<Promise<unknown>> = [];
      for (const change of changes) if (!change.row) requests.push(tx.objectStore(change.table).delete(change.key));
      for (const change of changes) if (change.row) requests.push(tx.objectStore(change.table).put(change.row));
      await Promise.all([...requests, tx.done]);
    } catch (error) {
      throw new CrmError('unavailable', `The browser's database refused the change: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
}
