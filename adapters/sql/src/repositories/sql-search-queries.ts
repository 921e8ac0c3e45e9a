import type { Account, Contact, CustomerSearch, SearchQueries } from '@rapport/core';
import type { SqlContext } from '../context.js';
import { prefixEnd, type SearchEntityKind } from '../search-index.js';
import { toAccount } from './sql-account-repository.js';
import { toContact } from './sql-contact-repository.js';

/**
 * Customer search on the `search_terms` index. The longest query word drives: its prefix
 * range is read from the covering index (entity_kind, term, sort_key, entity_id), every
 * other word must have a term of the same record (an EXISTS probe on the primary key), and
 * the first `limit` records in name order are then fetched by id. Nothing outside the index
 * is read until the answer is known.
 */
export class SqlSearchQueries implements SearchQueries {
  constructor(private readonly ctx: SqlContext) {}

  async customers(query: CustomerSearch): Promise<{ contacts: Contact[]; accounts: Account[] }> {
    if (query.limit <= 0 || query.words.length === 0) return { contacts: [], accounts: [] };
    const [contactIds, accountIds] = await Promise.all([this.matching('contact', query), this.matching('account', query)]);
    const [contacts, accounts] = await Promise.all([
      contactIds.length === 0 ? [] : this.ctx.db.selectFrom('contacts').selectAll().where('id', 'in', contactIds).execute(),
      accountIds.length === 0 ? [] : this.ctx.db.selectFrom('accounts').selectAll().where('id', 'in', accountIds).execute(),
    ]);
    const inOrder = <T extends { id: string }>(ids: string[], rows: T[]): T[] => {
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id)).filter((row): row is T => row !== undefined);
    };
    return {
      contacts: inOrder(contactIds, contacts).map((row) => toContact(row, this.ctx.engine)),
      accounts: inOrder(accountIds, accounts).map((row) => toAccount(row, this.ctx.engine)),
    };
  }

  /** Ids of the first `limit` records of `kind` matching every word, in name order. */
  private async matching(kind: SearchEntityKind, query: CustomerSearch): Promise<string[]> {
    const words = [...new Set(query.words)].sort((a, b) => b.length - a.length);
    const [driver, ...others] = words as [string, ...string[]];
    let select = this.ctx.db
      .selectFrom('search_terms as t')
      .select(['t.sort_key', 't.entity_id'])
      .distinct()
      .where('t.entity_kind', '=', kind)
      .where('t.term', '>=', driver)
      .where('t.term', '<', prefixEnd(driver));
    for (const word of others) {
      select = select.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('search_terms as o')
            .select('o.entity_id')
            .whereRef('o.entity_id', '=', 't.entity_id')
            .where('o.entity_kind', '=', kind)
            .where('o.term', '>=', word)
            .where('o.term', '<', prefixEnd(word)),
        ),
      );
    }
    const rows = await select.orderBy('t.sort_key').orderBy('t.entity_id').limit(query.limit).execute();
    return rows.map((row) => row.entity_id);
  }
}
