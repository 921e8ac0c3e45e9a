import type { Migration } from './migration.js';

/**
 * CRM connectors: each connection with its sync lease, the link from every synced record to
 * its remote record, a sync cursor per remote object, and the outbox of changes to write back
 * (pushed in sequence order per connection).
 */
export const crmConnectors: Migration = {
  version: 17,
  name: 'crm connectors',
  statements: ({ text, int, bool, json, table }) => [
    `CREATE TABLE crm_connections (id ${text} PRIMARY KEY, provider ${text} NOT NULL, label ${text} NOT NULL, status ${text} NOT NULL,
      last_error ${text}, last_sync_at ${text}, lease_owner ${text}, lease_until ${text},
      created_at ${text} NOT NULL, updated_at ${text} NOT NULL)${table}`,
    `CREATE TABLE remote_links (connection_id ${text} NOT NULL REFERENCES crm_connections (id) ON DELETE CASCADE, kind ${text} NOT NULL,
      local_id ${text} NOT NULL, remote_id ${text} NOT NULL, remote_url ${text}, remote_modified_at ${text},
      PRIMARY KEY (connection_id, kind, local_id), UNIQUE (connection_id, kind, remote_id))${table}`,
    `CREATE TABLE sync_cursors (connection_id ${text} NOT NULL REFERENCES crm_connections (id) ON DELETE CASCADE, object ${text} NOT NULL,
      cursor ${text}, initial_done ${bool} NOT NULL, records_read ${int} NOT NULL, records_total ${int}, last_error ${text},
      updated_at ${text} NOT NULL, PRIMARY KEY (connection_id, object))${table}`,
    `CREATE TABLE sync_outbox (id ${text} PRIMARY KEY, connection_id ${text} NOT NULL REFERENCES crm_connections (id) ON DELETE CASCADE,
      sequence ${int} NOT NULL, kind ${text} NOT NULL, local_id ${text} NOT NULL, operation ${text} NOT NULL, changes ${json} NOT NULL,
      status ${text} NOT NULL, attempts ${int} NOT NULL, next_attempt_at ${text} NOT NULL, last_error ${text}, created_at ${text} NOT NULL,
      UNIQUE (connection_id, sequence))${table}`,
    `CREATE INDEX sync_outbox_pending ON sync_outbox (connection_id, status, sequence)`,
  ],
};
