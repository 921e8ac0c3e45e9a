import type { CustomFieldListFilter, CustomFieldRepository } from '../../custom-fields/custom-field.port.js';
import type { CustomFieldDefinition, CustomFieldObjectType, CustomFieldValues } from '../../custom-fields/custom-field.schema.js';
import { storeConflicts } from '../store-conflicts.js';
import { sortBy } from '../record-paging.js';
import type { MemoryState, MemoryTable } from './memory-state.js';


export class MemoryCustomFieldRepository implements CustomFieldRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<CustomFieldDefinition | null> {
    return this.state.customFields.get(id);
  }

  async list(filter: CustomFieldListFilter): Promise<CustomFieldDefinition[]> {
    const rows = this.state.customFields
      .all()
      .filter((d) => (filter.objectType === undefined || d.objectType === filter.objectType) && (filter.includeDeleted === true || d.deletedAt === null));
    return sortBy(rows, { keyOf: (d) => [d.objectType, String(d.position).padStart(6, '0'), d.id], length: 3 });
  }

  async insert(definition: CustomFieldDefinition): Promise<void> {
    if (this.state.customFields.has(definition.id)) throw storeConflicts.duplicateId('custom field', definition.id);
    const taken = this.state.customFields.all().find((d) => d.objectType === definition.objectType && d.key === definition.key);
    if (taken) throw storeConflicts.fieldKeyTaken(definition.objectType, definition.key, taken.id);
    this.state.customFields.set(definition.id, definition);
  }

  async update(next: CustomFieldDefinition): Promise<boolean> {
    const current = this.state.customFields.get(next.id);
    if (!current || current.version !== next.version - 1) return false;
    this.state.customFields.set(next.id, next);
    return true;
  }

  async delete(id: string): Promise<void> {
    const definition = this.state.customFields.get(id);
    if (!definition) return;
    if (definition.objectType === 'account') dropKey(this.state.accounts, definition.key);
    if (definition.objectType === 'contact') dropKey(this.state.contacts, definition.key);
    if (definition.objectType === 'deal') dropKey(this.state.deals, definition.key);
    this.state.customFields.delete(id);
  }

  async countValues(objectType: CustomFieldObjectType, key: string): Promise<number> {
    const records = objectType === 'account' ? this.state.accounts.all() : objectType === 'contact' ? this.state.contacts.all() : this.state.deals.all();
    return records.filter((record) => key in record.customFields).length;
  }
}

/** Removes one field's values from every record of a table. */
function dropKey<T extends { id: string; customFields: CustomFieldValues }>(table: MemoryTable<T>, key: string): void {
  for (const record of table.all()) {
    if (!(key in record.customFields)) continue;
    const { [key]: _dropped, ...rest } = record.customFields;
    table.set(record.id, { ...record, customFields: rest });
  }
}
