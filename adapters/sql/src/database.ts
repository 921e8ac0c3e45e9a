import type { ColumnType } from 'kysely';
import type { CrmConnectionsTable, RemoteLinksTable, SyncCursorsTable, SyncOutboxTable } from './database-connectors.js';

/**
 * The tables as Kysely sees them. Column names are snake_case; instants and calendar dates
 * are ISO text, so they come back exactly as written and order by code point.
 */

/** 0/1 on SQLite, a boolean on PostgreSQL: read it through the engine's codec. */
type Bool = number | boolean;
/** JSON as text in; back as text (SQLite TEXT) or as the parsed value (PostgreSQL JSONB). */
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null, string | null>;

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface UsersTable {
  id: string;
  name: string;
  sort_key: string;
  email: string;
  role: string;
  team_id: string | null;
  time_zone: string;
  quiet_hours: NullableJson;
  slack_user_id: string | null;
  entra_object_id: string | null;
  active: Bool;
  created_at: string;
  updated_at: string;
}

export interface TeamsTable {
  id: string;
  name: string;
  sort_key: string;
  created_at: string;
}

export interface AccessTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AccountsTable {
  id: string;
  name: string;
  sort_key: string;
  domains: Json;
  industry: string | null;
  size: string | null;
  owner_id: string;
  lifecycle: string;
  segment: string | null;
  custom_fields: Json;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AccountDomainsTable {
  domain: string;
  account_id: string;
}

export interface ContactsTable {
  id: string;
  name: string;
  sort_key: string;
  account_id: string | null;
  emails: Json;
  phones: Json;
  title: string | null;
  owner_id: string;
  custom_fields: Json;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ContactEmailsTable {
  email: string;
  canonical: string;
  contact_id: string;
}

/** One contact or account as the engine's text index sees it (see search-index.ts). */
export interface SearchEntriesTable {
  /** SQLite only: the entry's place in name order (see sqlite-search-order.ts); never read back. */
  id?: ColumnType<never, bigint | undefined, never>;
  entity_kind: string;
  entity_id: string;
  /** The record's sort key: matches are returned in name order. */
  sort_key: string;
  /** Its search terms as one text: " term term … " (searchDocument). */
  terms: string;
}

export interface PipelinesTable {
  id: string;
  name: string;
  sort_key: string;
  is_default: Bool;
  stages: Json;
  created_at: string;
  /** Null for a company-wide pipeline. */
  team_id: string | null;
  version: number;
  updated_at: string;
}

export interface DealsTable {
  id: string;
  title: string;
  account_id: string;
  primary_contact_id: string | null;
  amount_minor: number;
  currency: string;
  pipeline_id: string;
  stage_id: string;
  probability: number;
  probability_overridden: Bool;
  expected_close_date: string | null;
  owner_id: string;
  collaborator_ids: Json;
  status: string;
  lost_reason: string | null;
  competitor: string | null;
  campaign_id: string | null;
  forecast_commit: Bool;
  stage_entered_at: string;
  closed_at: string | null;
  custom_fields: Json;
  version: number;
  created_at: string;
  updated_at: string;
  /** sortKey(title), for deal lists sorted by title. */
  title_key: ColumnType<string, string | undefined, string>;
}

export interface StageChangesTable {
  id: string;
  deal_id: string;
  /** The pipeline of stage_id, and of from_stage_id; see migration 012. */
  pipeline_id: ColumnType<string | null, string | null | undefined, string | null>;
  from_pipeline_id: ColumnType<string | null, string | null | undefined, string | null>;
  from_stage_id: string | null;
  from_status: string | null;
  stage_id: string;
  status: string;
  at: string;
  actor_id: string | null;
  surface: string;
}

export interface ActivitiesTable {
  id: string;
  type: string;
  subject: string | null;
  body: string | null;
  occurred_at: string;
  contact_id: string | null;
  account_id: string | null;
  deal_id: string | null;
  author_id: string;
  surface: string;
  external_id: string | null;
  participants: Json;
  created_at: string;
}

export interface RemindersTable {
  id: string;
  title: string;
  notes: string | null;
  contact_id: string | null;
  account_id: string | null;
  deal_id: string | null;
  assignee_id: string;
  created_by_id: string;
  due_at: string;
  time_zone: string;
  snoozed_until: string | null;
  /** snoozed_until, else due_at: what lists order by. */
  fire_at: string;
  recurrence: NullableJson;
  status: string;
  completed_at: string | null;
  alert_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  awaiting_reply: NullableJson;
}

export interface ReminderDeliveriesTable {
  id: string;
  reminder_id: string;
  fire_at: string;
  channel: string;
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  delivered_at: string | null;
  updated_at: string;
}

export interface EventsTable {
  id: string;
  type: string;
  entity_type: string;
  entity_id: string;
  actor_id: string | null;
  surface: string;
  before: NullableJson;
  after: NullableJson;
  at: string;
}

export interface IdempotencyRecordsTable {
  user_id: string;
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: Json;
}

export interface TargetsTable {
  id: string;
  user_id: string;
  /** "2026-03" */
  month: string;
  amount_minor: number;
  currency: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CampaignsTable {
  id: string;
  name: string;
  sort_key: string;
  channel: string;
  cost_minor: number;
  currency: string;
  start_date: string;
  end_date: string | null;
  team_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The finished time one deal spent open in one stage, derived from its stage_changes (see completedStageTimes). */
export interface DealStageTimesTable {
  deal_id: string;
  stage_id: string;
  duration_ms: number;
  visits: number;
  last_left_at: string;
  /** The deal's pipeline and owner, and 1 while the deal sits in this stage (open or suspended); kept in step with deals. */
  pipeline_id: ColumnType<string, string | undefined, string>;
  owner_id: ColumnType<string, string | undefined, string>;
  sitting: ColumnType<number, number | undefined, number>;
}

/** Per account and currency: its won deals with a close time; kept up to date by triggers (schema version 9). */
export interface AccountOrderTotalsTable {
  account_id: string;
  currency: string;
  orders: number;
  amount_minor: number;
  first_order_at: string;
  last_order_at: string;
}

/** Per account: its activities; kept up to date by triggers (schema version 9). */
export interface AccountTouchTotalsTable {
  account_id: string;
  touches: number;
  first_touch_at: string | null;
  last_touch_at: string | null;
}

/** Dated exchange rates into a reporting currency (schema version 13). */
export interface ExchangeRatesTable {
  quote: string;
  currency: string;
  /** "2026-03-01" */
  date: string;
  /** Decimal text, "1.0842". */
  rate: string;
}

/** A custom field's definition (schema version 11); values live in each record's custom_fields. */
export interface CustomFieldsTable {
  id: string;
  object_type: string;
  field_key: string;
  label: string;
  help_text: string | null;
  type: string;
  required: Bool;
  options: Json;
  show_on_card: Bool;
  position: number;
  deleted_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface Database {
  schema_migrations: SchemaMigrationsTable;
  users: UsersTable;
  teams: TeamsTable;
  access_tokens: AccessTokensTable;
  accounts: AccountsTable;
  account_domains: AccountDomainsTable;
  contacts: ContactsTable;
  contact_emails: ContactEmailsTable;
  search_entries: SearchEntriesTable;
  pipelines: PipelinesTable;
  deals: DealsTable;
  stage_changes: StageChangesTable;
  activities: ActivitiesTable;
  reminders: RemindersTable;
  reminder_deliveries: ReminderDeliveriesTable;
  events: EventsTable;
  idempotency_records: IdempotencyRecordsTable;
  settings: SettingsTable;
  targets: TargetsTable;
  campaigns: CampaignsTable;
  deal_stage_times: DealStageTimesTable;
  account_order_totals: AccountOrderTotalsTable;
  account_touch_totals: AccountTouchTotalsTable;
  custom_fields: CustomFieldsTable;
  exchange_rates: ExchangeRatesTable;
  crm_connections: CrmConnectionsTable;
  remote_links: RemoteLinksTable;
  sync_cursors: SyncCursorsTable;
  sync_outbox: SyncOutboxTable;
  import_links: ImportLinksTable;
  import_jobs: ImportJobsTable;
  import_rejections: ImportRejectionsTable;
}

/** A record's id in the CRM it was imported from (migration 014). */
export interface ImportLinksTable {
  source: string;
  kind: string;
  key: string;
  record_id: string;
}

/** An import job: its state as one JSON document, its status apart for finding unfinished jobs. */
export interface ImportJobsTable {
  id: string;
  status: string;
  job: Json;
  created_at: string;
  updated_at: string;
}

/** The rows an import's preview or run rejected, in the order found. */
export interface ImportRejectionsTable {
  job_id: string;
  phase: string;
  seq: number;
  file: string;
  line: number;
  kind: string;
  reason: string;
}
