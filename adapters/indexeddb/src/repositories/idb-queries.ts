import {
  accountSearchTerms,
  compareCodePoints,
  contactSearchTerms,
  dealMatches,
  matchesAllWords,
  type Account,
  type AggregateQueries,
  type Contact,
  type CustomerSearch,
  type Deal,
  type SearchQueries,
  type StageTotal,
  type StageTotalsFilter,
} from '@rapport/core';
import type { IdbTx } from '../idb-tx.js';
import { byName, sortBy } from '../idb-paging.js';

/** Rows holding a term that starts with `word`, through the multi-entry terms index. */
async function withTermPrefix<T>(tx: IdbTx, table: 'contacts' | 'accounts', word: string): Promise<T[]> {
  return tx.query<T>(table, 'terms', IDBKeyRange.bound(word, `${word}\uffff`), true);
}

/** The longest query word narrows the most; every word is then checked on each candidate's terms. */
export class IdbSearchQueries implements SearchQueries {
  constructor(private readonly tx: IdbTx) {}

  async customers(query: CustomerSearch): Promise<{ contacts: Contact[]; accounts: Account[] }> {
    const limit = Math.max(0, query.limit);
    const first = [...query.words].sort((a, b) => b.length - a.length)[0];
    if (first === undefined) return { contacts: [], accounts: [] };
    const contacts = (await withTermPrefix<Contact>(this.tx, 'contacts', first)).filter((c) => matchesAllWords(contactSearchTerms(c), query.words));
    const accounts = (await withTermPrefix<Account>(this.tx, 'accounts', first)).filter((a) => matchesAllWords(accountSearchTerms(a), query.words));
    return {
      contacts: sortBy(contacts, byName<Contact>()).slice(0, limit),
      accounts: sortBy(accounts, byName<Account>()).slice(0, limit),
    };
  }
}

const weightedMinor = (amountMinor: number, probability: number): number => Number((BigInt(amountMinor) * BigInt(probability) + 50n) / 100n);

export class IdbAggregateQueries implements AggregateQueries {
  constructor(private readonly tx: IdbTx) {}

  async stageTotals(filter: StageTotalsFilter): Promise<StageTotal[]> {
    const totals = new Map<string, StageTotal>();
    for (const deal of await this.tx.query<Deal>('deals', 'pipeline', filter.pipelineId)) {
      if (!dealMatches(deal, { ...filter, statuses: ['open'] })) continue;
      const key = JSON.stringify([deal.stageId, deal.amount.currency]);
      const total = totals.get(key) ?? { stageId: deal.stageId, currency: deal.amount.currency, count: 0, amountMinor: 0, weightedMinor: 0 };
      total.count += 1;
      total.amountMinor += deal.amount.minor;
      total.weightedMinor += weightedMinor(deal.amount.minor, deal.probability);
      totals.set(key, total);
    }
    return [...totals.values()].sort((a, b) => compareCodePoints(a.stageId, b.stageId) || compareCodePoints(a.currency, b.currency));
  }
}
