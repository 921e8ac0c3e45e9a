import type { Migration } from './migration.js';

/**
 * Custom fields: their definitions, and a JSON column of values on accounts, contacts and deals
 * (`{}` for records that existed before). Indexes on the values of one field are created when
 * the field is defined (see sql-custom-field-indexes.ts), not here.
 */
export const customFields: Migration = {
  version: 11,
  name: 'custom fields',
  statements: ({ text, int, bool, json, table }) => [
    `CREATE TABLE custom_fields (id ${text} PRIMARY KEY, object_type ${text} NOT NULL, field_key ${text} NOT NULL,
      label ${text} NOT NULL, help_text ${text}, type ${text} NOT NULL, required ${bool} NOT NULL, options ${json} NOT NULL,
      show_on_card ${bool} NOT NULL, position ${int} NOT NULL, deleted_at ${text}, version ${int} NOT NULL,
      created_at ${text} NOT NULL, updated_at ${text} NOT NULL, UNIQUE (object_type, field_key))${table}`,
    `ALTER TABLE accounts ADD COLUMN custom_fields ${json} NOT NULL DEFAULT '{}'`,
    `ALTER TABLE contacts ADD COLUMN custom_fields ${json} NOT NULL DEFAULT '{}'`,
    `ALTER TABLE deals ADD COLUMN custom_fields ${json} NOT NULL DEFAULT '{}'`,
  ],
};
