import type { Account, Contact, CustomerSearch, SearchQueries } from '@rapport/core';
import { sql, type RawBuilder } from 'kysely';
import type { SqlContext } from '../context.js';
import { LONGEST_PREFIX } from '../migrations/016-search-in-name-order.js';
import { ftsPrefixQuery, wordStartPattern, type SearchEntityKind } from '../search-index.js';
import { kindRange } from '../sqlite/sqlite-search-order.js';
import { toAccount } from './sql-account-repository.js';
import { toContact } from './sql-contact-repository.js';

interface Match {
  entity_kind: SearchEntityKind;
  entity_id: string;
}

/**
 * Customer search over `search_entries`, reading only about a page of matches however common
 * the prefix (schema version 16): SQLite's FTS5 answers a prefix query for every word at once,
 * in name order; PostgreSQL reads the longest word's prefix in name order from `search_prefixes`.
 * One statement finds both kinds of record and keeps the first `limit` of each in name order;
 * the records are then fetched by id.
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
    const needed = words.filter((word) => !words.some((other) => other !== word && other.startsWith(word)));
    const page = (kind: SearchEntityKind): RawBuilder<unknown> =>
      this.ctx.engine.kind === 'sqlite' ? sqlitePage(kind, needed, limit) : postgresPage(kind, needed, limit);
    return sql<Match>`SELECT entity_kind, entity_id FROM (
        SELECT m.entity_kind, m.entity_id, m.sort_key,
          ROW_NUMBER() OVER (PARTITION BY m.entity_kind ORDER BY m.sort_key, m.entity_id) AS n
        FROM (${page('contact')} UNION ALL ${page('account')}) m
      ) ranked WHERE n <= ${limit} ORDER BY entity_kind, sort_key, entity_id`;
  }
}

/** SQLite: entries are numbered in name order (sqlite/sqlite-search-order.ts) and FTS5 hands out matches in number order, so the first `limit` are the page. */
function sqlitePage(kind: SearchEntityKind, words: readonly string[], limit: number): RawBuilder<unknown> {
  const { first, last } = kindRange(kind);
  return sql`SELECT e.entity_kind, e.entity_id, e.sort_key FROM (SELECT rowid AS id FROM search_entries_fts WHERE search_entries_fts MATCH ${ftsPrefixQuery(words)}
    AND rowid BETWEEN ${first} AND ${last} ORDER BY rowid LIMIT ${limit}) f JOIN search_entries e ON e.id = f.id`;
}

/**
 * PostgreSQL: each word's entries come from `search_prefixes` in name order, and several words
 * are joined on the entry (sort key and id), which PostgreSQL merges as two ordered index scans,
 * stopping after `limit`. A word longer than the prefixes kept is checked against the entry's
 * terms as well.
 */
function postgresPage(kind: SearchEntityKind, words: readonly string[], limit: number): RawBuilder<unknown> {
  const prefixes = [...new Set(words.map((word) => Array.from(word).slice(0, LONGEST_PREFIX).join('')))];
  const [first = '', ...others] = prefixes;
  const joins = others.map(
    (prefix, i) => sql`JOIN search_prefixes ${sql.id(`q${i}`)} ON ${sql.ref(`q${i}.entity_kind`)} = p.entity_kind AND ${sql.ref(`q${i}.prefix`)} = ${prefix}
      AND ${sql.ref(`q${i}.sort_key`)} = p.sort_key AND ${sql.ref(`q${i}.entity_id`)} = p.entity_id`,
  );
  const checks = words
    .filter((word) => !prefixes.includes(word))
    .map(
      (word) => sql`AND EXISTS (SELECT 1 FROM search_entries e WHERE e.entity_kind = p.entity_kind AND e.entity_id = p.entity_id
        AND e.terms LIKE ${wordStartPattern(word)})`,
    );
  return sql`(SELECT p.entity_kind, p.entity_id, p.sort_key FROM search_prefixes p ${sql.join(joins, sql` `)}
    WHERE p.entity_kind = ${kind} AND p.prefix = ${first} ${sql.join(checks, sql` `)}
    ORDER BY p.sort_key, p.entity_id LIMIT ${limit})`;
}
