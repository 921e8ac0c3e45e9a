import type { Account, Activity, Campaign, Contact, CrmEvent, Deal, Reminder, StageChange, Target } from '@rapport/core';
import type { Insertable, Kysely } from 'kysely';
import type { AccountDomainsTable, AccountsTable, ContactEmailsTable, ContactsTable, Database } from './database.js';
import type { Engine } from './engine.js';
import { accountTables } from './repositories/sql-account-repository.js';
import { activityRow } from './repositories/sql-activity-repository.js';
import { contactTables } from './repositories/sql-contact-repository.js';
import type { CustomerTables } from './repositories/sql-customer-repository.js';
import { toDealRow, toStageChangeRow } from './repositories/sql-deal-rows.js';
import { eventRow } from './repositories/sql-event-repository.js';
import { toReminderRow } from './repositories/sql-reminder-rows.js';
import { stageTimeRowsOf } from './repositories/sql-stage-times.js';
import { toCampaignRow, toTargetRow } from './repositories/sql-target-campaign-repositories.js';
import { searchDocument, writeSearchEntries, type SearchEntry } from './search-index.js';
import { numberInNameOrder } from './sqlite/sqlite-search-entries.js';

/**
 * New records written together by `BulkInsertStore.insertMany`, each kind in one go. Records
 * are written in their final state: a deal with its whole stage history, a reminder already
 * done.
 */
export interface BulkRecords {
  accounts?: readonly Account[];
  contacts?: readonly Contact[];
  campaigns?: readonly Campaign[];
  deals?: readonly Deal[];
  /** Every deal's stage history (of the deals written here), in any order. */
  stageChanges?: readonly StageChange[];
  activities?: readonly Activity[];
  reminders?: readonly Reminder[];
  targets?: readonly Target[];
  events?: readonly CrmEvent[];
}

/**
 * A store that writes many new records with multi-row INSERTs in one transaction, far
 * faster than one repository call each: for loading data (the demo company), not for changes
 * a person makes. Records are written as given, so the caller makes them valid (parse them
 * with core's schemas, or make them with core's services) and records what the services would
 * have (their events). What the repositories keep beside a record is kept the same way: an
 * account's domains and a contact's addresses (each claimed once), their search entries, a
 * deal's time in each stage; the account summaries follow through their triggers. Ids, domains,
 * addresses or external ids already taken fail the whole call as a `conflict`, and nothing is
 * written.
 */
export interface BulkInsertStore {
  insertMany(records: BulkRecords): Promise<void>;
}

/**
 * Rows per statement: 500 rows of at most 23 columns (a deal's) stay under SQLite's 32,766
 * bound variables and PostgreSQL's 65,535 parameters.
 */
const ROWS_PER_STATEMENT = 500;

/** Writes the records in an order that satisfies every reference between them. */
export async function insertRecords(db: Kysely<Database>, engine: Engine, records: BulkRecords): Promise<void> {
  const accounts = customerRows(accountTables, records.accounts ?? [], engine);
  const contacts = customerRows(contactTables, records.contacts ?? [], engine);
  // Each kind's rows come from its own table's definitions (accountTables, contactTables).
  await insertChunked(db, 'accounts', accounts.rows as Array<Insertable<AccountsTable>>);
  await insertChunked(db, 'account_domains', accounts.claims as AccountDomainsTable[]);
  await insertChunked(db, 'contacts', contacts.rows as Array<Insertable<ContactsTable>>);
  await insertChunked(db, 'contact_emails', contacts.claims as ContactEmailsTable[]);
  await insertSearchEntriesInOrder(db, engine, [...accounts.entries, ...contacts.entries]);
  await insertChunked(db, 'campaigns', (records.campaigns ?? []).map(toCampaignRow));
  await insertChunked(db, 'deals', (records.deals ?? []).map((d) => toDealRow(d, engine)));
  await insertChunked(db, 'stage_changes', (records.stageChanges ?? []).map(toStageChangeRow));
  await insertChunked(db, 'deal_stage_times', stageTimes(records.deals ?? [], records.stageChanges ?? []));
  await insertChunked(db, 'activities', (records.activities ?? []).map((a) => activityRow(a, engine)));
  await insertChunked(db, 'reminders', (records.reminders ?? []).map((r) => toReminderRow(r, engine)));
  await insertChunked(db, 'targets', (records.targets ?? []).map(toTargetRow));
  await insertChunked(db, 'events', (records.events ?? []).map((e) => eventRow(e, engine)));
}

/** The rows an account or a contact is stored as: its own, its claimed keys, its search entry. */
function customerRows<T extends { id: string; name: string; version: number }>(
  tables: Pick<CustomerTables<T, AccountsTable>, 'kind' | 'toRow' | 'claims' | 'searchTerms'>,
  records: readonly T[],
  engine: Engine,
): { rows: Array<Insertable<AccountsTable> | Insertable<ContactsTable>>; claims: Array<AccountDomainsTable | ContactEmailsTable>; entries: SearchEntry[] } {
  return {
    rows: records.map((r) => tables.toRow(r, engine)),
    claims: records.flatMap((r) => tables.claims.rows(r, tables.claims.keysOf(r))),
    entries: records.map((r) => searchDocument(tables.kind, r.id, r.name, tables.searchTerms(r))),
  };
}

/** Each deal's time in its stages, from its history in order, as `refreshStageTimes` writes it. */
function stageTimes(deals: readonly Deal[], changes: readonly StageChange[]): Array<Insertable<Database['deal_stage_times']>> {
  const byDeal = new Map<string, StageChange[]>();
  for (const change of changes) {
    const history = byDeal.get(change.dealId);
    if (history) history.push(change);
    else byDeal.set(change.dealId, [change]);
  }
  return deals.flatMap((deal) => {
    const history = (byDeal.get(deal.id) ?? []).sort((a, b) => compare(a.at, b.at) || compare(a.id, b.id));
    return stageTimeRowsOf(deal.id, deal, history);
  });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Search entries for new records. SQLite reads a name's matches in the order of the entries'
 * numbers, so an empty index takes them numbered in name order in bulk, and a filled one takes
 * each between its neighbours; PostgreSQL keeps its own order.
 */
async function insertSearchEntriesInOrder(db: Kysely<Database>, engine: Engine, entries: readonly SearchEntry[]): Promise<void> {
  if (engine.kind === 'postgres') return insertChunked(db, 'search_entries', entries);
  const held = await db.selectFrom('search_entries').select('entity_id').limit(1).execute();
  if (held.length > 0) return writeSearchEntries(db, engine.kind, entries);
  await insertChunked(db, 'search_entries', numberInNameOrder(entries));
}

async function insertChunked<T extends keyof Database>(db: Kysely<Database>, table: T, rows: ReadonlyArray<Insertable<Database[T]>>): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    // Kysely types the values of a table named by a type parameter loosely; the rows are that table's.
    await db.insertInto(table).values(rows.slice(from, from + ROWS_PER_STATEMENT) as never).execute();
  }
}
