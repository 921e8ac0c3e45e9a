import { sortBy, storeConflicts } from '@rapport/core';
import type { Account, Contact, CustomFieldDefinition, Deal, CustomFieldListFilter, CustomFieldObjectType, CustomFieldRepository, CustomFieldValues } from '@rapport/core';
import type { Row } from '../idb-schema.js';
import type { IdbTx } from '../idb-tx.js';
import { accountRow } from './idb-account-repository.js';
import { contactRow } from './idb-contact-repository.js';
import { dealRow } from './idb-deal-repository.js';

const fieldRow = (field: CustomFieldDefinition): Row<CustomFieldDefinition> => ({ k: field.id, doc: field, i: {} });

const TABLES = { account: 'accounts', contact: 'contacts', deal: 'deals' } as const;

/** Field definitions, few enough per database to read whole. */
export class IdbCustomFieldRepository implements CustomFieldRepository {
  constructor(private readonly tx: IdbTx) {}

  get(id: string): Promise<CustomFieldDefinition | null> {
    return this.tx.get<CustomFieldDefinition>('customFields', id);
  }

  async list(filter: CustomFieldListFilter): Promise<CustomFieldDefinition[]> {
    const rows = (await this.tx.query<CustomFieldDefinition>('customFields', null, null)).filter(
      (d) => (filter.objectType === undefined || d.objectType === filter.objectType) && (filter.includeDeleted === true || d.deletedAt === null),
    );
    return sortBy(rows, { keyOf: (d) => [d.objectType, String(d.position).padStart(6, '0'), d.id], length: 3 });
  }

  insert(field: CustomFieldDefinition): Promise<void> {
    return this.tx.write(async () => {
      if (await this.get(field.id)) throw storeConflicts.duplicateId('custom field', field.id);
      const taken = (await this.list({ objectType: field.objectType, includeDeleted: true })).find((d) => d.key === field.key);
      if (taken) throw storeConflicts.fieldKeyTaken(field.objectType, field.key, taken.id);
      this.tx.put('customFields', fieldRow(field));
    });
  }

  update(next: CustomFieldDefinition): Promise<boolean> {
    return this.tx.write(async () => {
      const current = await this.get(next.id);
      if (!current || current.version !== next.version - 1) return false;
      this.tx.put('customFields', fieldRow(next));
      return true;
    });
  }

  delete(id: string): Promise<void> {
    return this.tx.write(async () => {
      const field = await this.get(id);
      if (!field) return;
      const without = <T extends { customFields: CustomFieldValues }>(record: T): T => {
        const { [field.key]: _dropped, ...rest } = record.customFields;
        return { ...record, customFields: rest };
      };
      if (field.objectType === 'account') for (const a of await this.holding<Account>('accounts', field.key)) this.tx.put('accounts', accountRow(without(a)));
      if (field.objectType === 'contact') for (const c of await this.holding<Contact>('contacts', field.key)) this.tx.put('contacts', contactRow(without(c)));
      if (field.objectType === 'deal') for (const d of await this.holding<Deal>('deals', field.key)) this.tx.put('deals', dealRow(without(d)));
      this.tx.delete('customFields', id);
    });
  }

  async countValues(objectType: CustomFieldObjectType, key: string): Promise<number> {
    return (await this.holding<{ customFields: CustomFieldValues }>(TABLES[objectType], key)).length;
  }

  /** The records of a table holding a value for the field. */
  private async holding<T extends { customFields: CustomFieldValues }>(table: (typeof TABLES)[CustomFieldObjectType], key: string): Promise<T[]> {
    return (await this.tx.query<T>(table, null, null)).filter((r) => key in r.customFields);
  }
}
