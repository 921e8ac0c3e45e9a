import type { ColumnType } from 'kysely';

type Bool = number | boolean;
type Json = ColumnType<unknown, string, string>;

/** The tables of migration 017 (CRM connectors). */
export interface CrmConnectionsTable {
  id: string;
  provider: string;
  label: string;
  status: string;
  last_error: string | null;
  last_sync_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface RemoteLinksTable {
  connection_id: string;
  kind: string;
  local_id: string;
  remote_id: string;
  remote_url: string | null;
  remote_modified_at: string | null;
}

export interface SyncCursorsTable {
  connection_id: string;
  object: string;
  cursor: string | null;
  initial_done: Bool;
  records_read: number;
  records_total: number | null;
  last_error: string | null;
  updated_at: string;
}

export interface SyncOutboxTable {
  id: string;
  connection_id: string;
  sequence: number;
  kind: string;
  local_id: string;
  operation: string;
  changes: Json;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
}
