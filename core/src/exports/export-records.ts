import type { Account } from '../accounts/account.schema.js';
import type { Activity } from '../activities/activity.schema.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { Deal, StageChange } from '../deals/deal.schema.js';
import type { Pipeline } from '../deals/pipeline.schema.js';
import type { Reminder } from '../reminders/reminder.schema.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { Store, UnitOfWork } from '../store/store.port.js';
import type { Team, User } from '../users/user.schema.js';

/** One exported record with its kind: a line of the JSON lines export, a row of a CSV file. */
export type ExportLine =
  | { kind: 'team'; record: Team }
  | { kind: 'user'; record: User }
  | { kind: 'pipeline'; record: Pipeline }
  | { kind: 'account'; record: Account }
  | { kind: 'contact'; record: Contact }
  | { kind: 'deal'; record: Deal }
  | { kind: 'stage_change'; record: StageChange }
  | { kind: 'activity'; record: Activity }
  | { kind: 'reminder'; record: Reminder };

export type ExportKind = ExportLine['kind'];

/** The kinds in the order a restore needs them: what a record links to comes before it. */
export const EXPORT_KINDS: readonly ExportKind[] = ['team', 'user', 'pipeline', 'account', 'contact', 'deal', 'stage_change', 'activity', 'reminder'];

const PAGE = 500;

async function* pages<T>(store: Store, list: (uow: UnitOfWork, page: PageRequest) => Promise<Page<T>>): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await store.read((uow) => list(uow, { limit: PAGE, ...(cursor ? { cursor } : {}) }));
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/**
 * Every record of every kind, a page at a time (memory stays flat however big the hub is):
 * teams, users, pipelines, accounts, contacts, deals each followed by its stage history,
 * activities and reminders. Access tokens are never exported (only their hashes are kept, and
 * a restored hub issues new ones).
 */
export async function* exportRecords(store: Store): AsyncGenerator<ExportLine> {
  for (const record of await store.read((uow) => uow.teams.list())) yield { kind: 'team', record };
  for await (const items of pages(store, (uow, page) => uow.users.list({}, page))) for (const record of items) yield { kind: 'user', record };
  for (const record of await store.read((uow) => uow.pipelines.list())) yield { kind: 'pipeline', record };
  for await (const items of pages(store, (uow, page) => uow.accounts.list({}, page))) for (const record of items) yield { kind: 'account', record };
  for await (const items of pages(store, (uow, page) => uow.contacts.list({}, page))) for (const record of items) yield { kind: 'contact', record };
  for await (const items of pages(store, (uow, page) => uow.deals.list({}, page))) {
    for (const record of items) yield { kind: 'deal', record };
    for (const deal of items) for (const record of await store.read((uow) => uow.deals.stageHistory(deal.id))) yield { kind: 'stage_change', record };
  }
  for await (const items of pages(store, (uow, page) => uow.activities.list({}, page))) for (const record of items) yield { kind: 'activity', record };
  for await (const items of pages(store, (uow, page) => uow.reminders.list({}, page))) for (const record of items) yield { kind: 'reminder', record };
}
