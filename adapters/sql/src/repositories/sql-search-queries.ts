import type { Account, Contact, CustomerSearch, SearchQueries } from '@rapport/core';
import { sql, type RawBuilder } from 'kysely';
import type { SqlContext } from '../context.js';
import { ftsPrefixQuery, wordStartPattern, type SearchEntityKind } from '../search-index.js';
import { toAccount } from './sql-account-repository.js';
import { toContact } from './sql-contact-repository.js';

interface Match {
  entity_kind: SearchEntityKind;
  entity_id: string;
}

/**
 * Customer search on each engine's own text index over `search_entries` (schema version 10):
 * SQLite's FTS5 answers a prefix query for every word at once; PostgreSQL's `pg_trgm` GIN
 * index finds the entries where every word starts a term (`LIKE '% word%'`). One statement
 * finds both kinds of record and keeps the first `limit` of each in name order; the records
 * are then fetched by id.
 */
export class SqlSearchQueries implements SearchQueries {
  constructor(private readonly ctx: SqlContext) {}

  async customers(query: CustomerSearch): Promise<{ contacts: Contact[]; accounts: Account[] }> {
    const words = [...new Set(query.words)].filter((word) => word.length > 0);
    if (query.limit <= 0 || words.length === 0) return { contacts: [], accounts: [] };
    const { rows } = await this.firstMatches(words, query.limit).execute(this.ctx.db);
    const idsOf = (kind: SearchEntityKind): string[] => rows.filter((row) => row.entity_kind === kind).map((row) => row.entity_id);
    const [contactIds, accountIds] = [idsOf('contact'), idsOf('account')];
    const [contacts, accounts] = await Promise.all([
      contactIds.length === 0 ? [] : this.ctx.db.selectFrom('contacts').selectAll().where('id', 'in', contactIds).execute(),
      accountIds.length === 0 ? [] : this.ctx.db.selectFrom('accounts').selectAll().where('id', 'in', accountIds).execute(),
    ]);
    const inOrder = <T extends { id: string }>(ids: string[], found: T[]): T[] => {
      const byId = new Map(found.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id)).filter((row): row is T => row !== undefined);
    };
    return {
      contacts: inOrder(contactIds, contacts).map((row) => toContact(row, this.ctx.engine)),
      accounts: inOrder(accountIds, accounts).map((row) => toAccount(row, this.ctx.engine)),
    };
  }

  /** The first `limit` matching entries of each kind, in name (sort key) then id order. */
  private firstMatches(words: readonly string[], limit: number): RawBuilder<Match> {
    const matching =
      this.ctx.engine.kind === 'sqlite'
        ? // Materialized, so SQLite asks FTS5 once rather than probing it entry by entry.
          sql`WITH found AS MATERIALIZED (SELECT rowid AS id FROM search_entries_fts WHERE search_entries_fts MATCH ${ftsPrefixQuery(words)})
            SELECT e.entity_kind, e.entity_id, e.sort_key FROM found JOIN search_entries e ON e.id = found.id`
        : sql`SELECT entity_kind, entity_id, sort_key FROM search_entries WHERE ${sql.join(
            words.map((word) => sql`terms LIKE ${wordStartPattern(word)}`),
            sql` AND `,
          )}`;
    return sql<Match>`SELECT entity_kind, entity_id FROM (
        SELECT m.entity_kind, m.entity_id, m.sort_key,
          ROW_NUMBER() OVER (PARTITION BY m.entity_kind ORDER BY m.sort_key, m.entity_id) AS n
        FROM (${matching}) m
      ) ranked WHERE n <= ${limit} ORDER BY entity_kind, sort_key, entity_id`;
  }
}
