import type { Account, Contact, CustomerSearch, SearchQueries } from '@rapport/core';
import type { SqlContext } from '../context.js';
import { prefixEnd, type SearchEntityKind } from '../search-index.js';
import { toAccount } from './sql-account-repository.js';
import { toContact } from './sql-contact-repository.js';

/**
 * Customer search on the `search_terms` index: each query word becomes a range scan
 * (term >= word AND term < word + U+10FFFF) on (entity_kind, term), and the records matching
 * every word are read in name order.
 */
export class SqlSearchQueries implements SearchQueries {
  constructor(private readonly ctx: SqlContext) {}

  async customers(query: CustomerSearch): Promise<{ contacts: Contact[]; accounts: Account[] }> {
    if (query.limit <= 0) return { contacts: [], accounts: [] };
    const [contacts, accounts] = await Promise.all([this.contacts(query), this.accounts(query)]);
    return { contacts, accounts };
  }

  private async contacts(query: CustomerSearch): Promise<Contact[]> {
    let select = this.ctx.db.selectFrom('contacts').selectAll();
    for (const word of query.words) select = select.where('id', 'in', this.holdersOfPrefix('contact', word));
    const rows = await select.orderBy('sort_key').orderBy('id').limit(query.limit).execute();
    return rows.map((row) => toContact(row, this.ctx.engine));
  }

  private async accounts(query: CustomerSearch): Promise<Account[]> {
    let select = this.ctx.db.selectFrom('accounts').selectAll();
    for (const word of query.words) select = select.where('id', 'in', this.holdersOfPrefix('account', word));
    const rows = await select.orderBy('sort_key').orderBy('id').limit(query.limit).execute();
    return rows.map((row) => toAccount(row, this.ctx.engine));
  }

  /** Ids of the records of `kind` with a term starting with `word`. */
  private holdersOfPrefix(kind: SearchEntityKind, word: string) {
    return this.ctx.db
      .selectFrom('search_terms')
      .select('entity_id')
      .where('entity_kind', '=', kind)
      .where('term', '>=', word)
      .where('term', '<', prefixEnd(word));
  }
}
