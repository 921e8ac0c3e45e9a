import type { CustomFieldDefinition, CustomFieldObjectType } from './custom-field.schema.js';

export interface CustomFieldListFilter {
  objectType?: CustomFieldObjectType;
  /** Include soft-deleted fields (default: only live ones). */
  includeDeleted?: boolean;
}

/**
 * Field definitions. A key is unique per object type among every stored definition, deleted
 * ones included, until the definition is removed for good. SQL stores index the values of
 * commonly filtered types when a field is inserted and drop that index on `delete`.
 */
export interface CustomFieldRepository {
  get(id: string): Promise<CustomFieldDefinition | null>;
  /** Ordered by object type, position, then id. */
  list(filter: CustomFieldListFilter): Promise<CustomFieldDefinition[]>;
  insert(definition: CustomFieldDefinition): Promise<void>;
  update(next: CustomFieldDefinition): Promise<boolean>;
  /** Removes the definition for good, and its values from every record of its kind. */
  delete(id: string): Promise<void>;
  /** How many records of the field's kind hold a value for it. */
  countValues(objectType: CustomFieldObjectType, key: string): Promise<number>;
}
