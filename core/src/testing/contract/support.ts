import { afterEach, beforeEach, expect } from 'vitest';
import type { ErrorCode } from '../../shared/errors.js';
import { encodeCursor, type Page, type PageRequest } from '../../shared/page.js';
import { compareCodePoints, sortKey } from '../../shared/text.js';
import type { AnalyticsUnitOfWork, Store, UnitOfWork } from '../../store/store.port.js';

/** Makes a fresh, empty store for one test, and a way to throw it away. */
export type StoreFactory<S extends Store = Store> = () => Promise<{ store: S; cleanup(): Promise<void> }>;

/** What each part of the contract suite works with: the current test's store. */
export interface ContractContext<U extends UnitOfWork = UnitOfWork> {
  store(): Store<U>;
  /** Runs work in a transaction. */
  write<T>(work: (uow: U) => Promise<T>): Promise<T>;
  /** Runs work outside a transaction. */
  read<T>(work: (uow: U) => Promise<T>): Promise<T>;
}

/** The context of the analytics parts of the suite. */
export type AnalyticsContractContext = ContractContext<AnalyticsUnitOfWork>;

/** Gives every test of the suite its own fresh store. */
export function useFreshStore<U extends UnitOfWork>(makeStore: StoreFactory<Store<U>>): ContractContext<U> {
  let current: { store: Store<U>; cleanup(): Promise<void> } | null = null;
  beforeEach(async () => {
    current = await makeStore();
  });
  afterEach(async () => {
    const done = current;
    current = null;
    await done?.cleanup();
  });
  const store = (): Store<U> => {
    if (!current) throw new Error('The store is only available inside a test.');
    return current.store;
  };
  return {
    store,
    write: (work) => store().transaction(work),
    read: (work) => store().read(work),
  };
}

/**
 * Walks every page of a list with pages of `limit`, checking that no item shows up twice and
 * that only the last page has a null cursor. Returns the items in order and the page count.
 */
export async function allPages<T extends { id: string }>(
  list: (page: PageRequest) => Promise<Page<T>>,
  limit: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await list(cursor === undefined ? { limit } : { limit, cursor });
    pages += 1;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (page.nextCursor === null) break;
    expect(page.items.length).toBe(limit);
    cursor = page.nextCursor;
    if (pages > 1000) throw new Error('Pagination does not end.');
  }
  expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  return { items, pages };
}

/** Ids in the name order every store keeps: sortKey by code point, then id. */
export function idsByName(records: ReadonlyArray<{ id: string; name: string }>): string[] {
  return [...records]
    .sort((a, b) => compareCodePoints(sortKey(a.name), sortKey(b.name)) || compareCodePoints(a.id, b.id))
    .map((r) => r.id);
}

export const ids = (records: ReadonlyArray<{ id: string }>): string[] => records.map((r) => r.id);

export const sortedIds = (records: ReadonlyArray<{ id: string }>): string[] => ids(records).sort(compareCodePoints);

/** Awaits a rejection with a CrmError of this code whose message mentions `mentions`. */
export async function expectCrmError(promise: Promise<unknown>, code: ErrorCode, mentions?: string): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected a CrmError('${code}')`).toMatchObject({ name: 'CrmError', code });
  if (mentions !== undefined) expect((error as Error).message).toContain(mentions);
}

/** Cursors no list of `length` keys ever gives: garbage, not a list, the wrong shape, numbers. */
export function badCursors(length: number): string[] {
  return [
    'not-a-cursor!',
    encodeCursor([]).replace(/./g, '%'),
    btoa('{"after":"x"}'),
    encodeCursor(Array.from({ length: length + 1 }, () => 'x')),
    encodeCursor(Array.from({ length }, (_, i) => i)),
  ];
}
