import type { Migration } from './migration.js';

/**
 * Customer search answered from the index alone: each search term carries its record's
 * sort key, so the records matching a word come out of one covering index in name order,
 * instead of every match being fetched and sorted. Existing terms take their record's key.
 */
export const searchByName: Migration = {
  version: 3,
  name: 'search by name',
  statements: ({ text }) => [
    `ALTER TABLE search_terms ADD COLUMN sort_key ${text} NOT NULL DEFAULT ''`,
    `UPDATE search_terms SET sort_key = (SELECT c.sort_key FROM contacts c WHERE c.id = search_terms.entity_id) WHERE entity_kind = 'contact'`,
    `UPDATE search_terms SET sort_key = (SELECT a.sort_key FROM accounts a WHERE a.id = search_terms.entity_id) WHERE entity_kind = 'account'`,
    'CREATE INDEX search_terms_by_term_name ON search_terms (entity_kind, term, sort_key, entity_id)',
    // Checking a record's other words is one probe on (kind, id, term), not another range scan.
    'DROP INDEX search_terms_by_entity',
    'CREATE INDEX search_terms_by_entity ON search_terms (entity_kind, entity_id, term)',
  ],
};
