import { storeConflicts } from '@rapport/core';
import type { CustomFieldDefinition, CustomFieldListFilter, CustomFieldObjectType, CustomFieldOption, CustomFieldRepository } from '@rapport/core';
import { sql, type Insertable, type Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { CustomFieldsTable } from '../database.js';
import { readBool, type Engine } from '../engine.js';
import { expectInserted } from '../errors.js';
import { createIndexStatement, dropIndexStatement, hasValue, RECORD_TABLES, withoutKey } from '../sql-custom-fields.js';
import { affected } from '../sql-paging.js';

const toRow = (d: CustomFieldDefinition, engine: Engine): Insertable<CustomFieldsTable> => ({
  id: d.id,
  object_type: d.objectType,
  field_key: d.key,
  label: d.label,
  help_text: d.helpText,
  type: d.type,
  required: engine.bool(d.required),
  options: engine.json(d.options),
  show_on_card: engine.bool(d.showOnCard),
  position: d.position,
  deleted_at: d.deletedAt,
  version: d.version,
  created_at: d.createdAt,
  updated_at: d.updatedAt,
});

const toDefinition = (row: Selectable<CustomFieldsTable>, engine: Engine): CustomFieldDefinition => ({
  id: row.id,
  objectType: row.object_type as CustomFieldObjectType,
  key: row.field_key,
  label: row.label,
  helpText: row.help_text,
  type: row.type as CustomFieldDefinition['type'],
  required: readBool(row.required),
  options: engine.readJson<CustomFieldOption[]>(row.options),
  showOnCard: readBool(row.show_on_card),
  position: row.position,
  deletedAt: row.deleted_at,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Field definitions; defining a commonly filtered field also indexes its values, and removing it drops that index. */
export class SqlCustomFieldRepository implements CustomFieldRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<CustomFieldDefinition | null> {
    const row = await this.ctx.db.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDefinition(row, this.ctx.engine) : null;
  }

  async list(filter: CustomFieldListFilter): Promise<CustomFieldDefinition[]> {
    let query = this.ctx.db.selectFrom('custom_fields').selectAll();
    if (filter.objectType !== undefined) query = query.where('object_type', '=', filter.objectType);
    if (filter.includeDeleted !== true) query = query.where('deleted_at', 'is', null);
    const rows = await query.orderBy('object_type').orderBy('position').orderBy('id').execute();
    return rows.map((row) => toDefinition(row, this.ctx.engine));
  }

  async insert(definition: CustomFieldDefinition): Promise<void> {
    await this.ctx.atomic(async (db) => {
      const taken = await db
        .selectFrom('custom_fields')
        .select('id')
        .where('object_type', '=', definition.objectType)
        .where('field_key', '=', definition.key)
        .executeTakeFirst();
      if (taken) throw storeConflicts.fieldKeyTaken(definition.objectType, definition.key, taken.id);
      const result = await db.insertInto('custom_fields').values(toRow(definition, this.ctx.engine)).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      expectInserted(result, 'custom field', definition.id);
      const index = createIndexStatement(this.ctx.engine.kind, definition);
      if (index) await sql.raw(index).execute(db);
    });
  }

  async update(next: CustomFieldDefinition): Promise<boolean> {
    const { id: _id, ...changes } = toRow(next, this.ctx.engine);
    const result = await this.ctx.db.updateTable('custom_fields').set(changes).where('id', '=', next.id).where('version', '=', next.version - 1).executeTakeFirst();
    return affected(result) > 0;
  }

  async delete(id: string): Promise<void> {
    await this.ctx.atomic(async (db) => {
      const row = await db.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return;
      const definition = toDefinition(row, this.ctx.engine);
      const kind = this.ctx.engine.kind;
      await sql.raw(dropIndexStatement(definition)).execute(db);
      await db
        .updateTable(RECORD_TABLES[definition.objectType])
        .set({ custom_fields: withoutKey(kind, definition.key) })
        .where(hasValue(kind, definition.key))
        .execute();
      await db.deleteFrom('custom_fields').where('id', '=', id).execute();
    });
  }

  async countValues(objectType: CustomFieldObjectType, key: string): Promise<number> {
    const row = await this.ctx.db
      .selectFrom(RECORD_TABLES[objectType])
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
      .where(hasValue(this.ctx.engine.kind, key))
      .executeTakeFirst();
    return Number(row?.count ?? 0);
  }
}
