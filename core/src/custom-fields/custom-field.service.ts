import { recordEvent, changedFields } from '../events/record-event.js';
import { assertAdmin } from '../permissions/permissions.js';
import type { Actor, ServiceDeps, WriteOptions } from '../services/context.js';
import { assertVersion, saveNextVersion } from '../services/versioned.js';
import { conflict, invalidInput, notFound } from '../shared/errors.js';
import { definedOnly } from '../shared/objects.js';
import { parseInput } from '../shared/validate.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { CustomFieldListFilter } from './custom-field.port.js';
import type { CustomFieldQuery } from './custom-field-query.port.js';
import { parseCustomFieldQuery, type CustomFieldFilterParam } from './custom-field-query.js';
import {
  BUILT_IN_FIELDS,
  CustomFieldInput,
  CustomFieldPatch,
  RESTORE_DAYS,
  type CustomFieldDefinition,
  type CustomFieldObjectType,
  type CustomFieldOption,
  type CustomFieldType,
} from './custom-field.schema.js';

const SELECTS: readonly CustomFieldType[] = ['single_select', 'multi_select'];
const DAY_MS = 86_400_000;

/** A list's custom field parameters as the API takes them: `filter[key]=value` or `filter[key][gte]=…`. */
export interface CustomFieldListParams {
  filter?: Readonly<Record<string, string | CustomFieldFilterParam>> | undefined;
  sort?: string | undefined;
}

/** What deleting a field did: the field (now deleted) and how many records keep a value for it. */
export interface DeletedCustomField {
  field: CustomFieldDefinition;
  recordsWithValue: number;
  /** Until when it can be restored. */
  restorableUntil: string;
}

const camelToSnake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function checkOptions(type: CustomFieldType, options: readonly CustomFieldOption[]): void {
  if (!SELECTS.includes(type)) {
    if (options.length > 0) throw invalidInput(`Only select fields have options; a ${type.replace('_', ' ')} field has none.`, [{ path: 'options', message: 'Leave it out.' }]);
    return;
  }
  if (options.length === 0) throw invalidInput('A select field needs at least one option.', [{ path: 'options', message: 'Add options such as [{"id":"emea","label":"EMEA"}].' }]);
  const ids = options.map((o) => o.id);
  const labels = options.map((o) => o.label.toLowerCase());
  const twice = ids.find((id, i) => ids.indexOf(id) !== i) ?? options.find((o, i) => labels.indexOf(o.label.toLowerCase()) !== i)?.label;
  if (twice !== undefined) throw invalidInput(`Option ${twice} is listed twice; each option needs its own id and label.`, [{ path: 'options', message: `Duplicate: ${twice}.` }]);
}

/** Custom fields on accounts, contacts and deals: admins define them, everyone reads them. */
export class CustomFieldService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(_actor: Actor | null, filter: CustomFieldListFilter = {}): Promise<CustomFieldDefinition[]> {
    return this.deps.store.read((uow) => uow.customFields.list(filter));
  }

  /**
   * The typed query of a list's custom field parameters (`filter[<key>]…`, `sort=<key>`),
   * checked against the kind's live fields; undefined when the list names none.
   */
  async query(_actor: Actor, objectType: CustomFieldObjectType, params: CustomFieldListParams): Promise<CustomFieldQuery | undefined> {
    if (params.filter === undefined && params.sort === undefined) return undefined;
    const definitions = await this.deps.store.read((uow) => uow.customFields.list({ objectType }));
    const filters = Object.fromEntries(Object.entries(params.filter ?? {}).map(([key, value]) => [key, typeof value === 'string' ? { eq: value } : value]));
    return parseCustomFieldQuery(definitions, filters, params.sort);
  }

  async get(_actor: Actor | null, id: string): Promise<CustomFieldDefinition> {
    return this.deps.store.read((uow) => requireField(uow, id));
  }

  /** `actor` null: the system (an admin command on the hub's machine). */
  async create(actor: Actor | null, input: CustomFieldInput): Promise<CustomFieldDefinition> {
    assertAdminActor(actor, 'define custom fields');
    const data = parseInput(CustomFieldInput, input, 'custom field');
    if (BUILT_IN_FIELDS[data.objectType].includes(camelToSnake(data.key))) {
      throw invalidInput(`${data.key} is already a built-in ${data.objectType} field; pick another key.`, [{ path: 'key', message: 'Reserved.' }]);
    }
    checkOptions(data.type, data.options);
    return this.deps.store.transaction(async (uow) => {
      const existing = await uow.customFields.list({ objectType: data.objectType, includeDeleted: true });
      const same = existing.find((d) => d.key === data.key);
      if (same) {
        const hint = same.deletedAt ? ' It was deleted: restore it instead.' : '';
        throw conflict(`${data.objectType} already has a field ${data.key} (${same.label}).${hint}`, { fieldId: same.id });
      }
      const now = this.now();
      const field: CustomFieldDefinition = {
        id: this.deps.ids.next('customField'),
        ...data,
        position: data.position ?? Math.max(-1, ...existing.map((d) => d.position)) + 1,
        deletedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await uow.customFields.insert(field);
      await recordEvent(uow, this.deps, actor, { type: 'field.created', entityType: 'custom_field', entityId: field.id, after: field });
      return field;
    });
  }

  /** Changes a label, help text, options (renaming keeps stored values), card display or order. */
  async update(actor: Actor | null, id: string, patch: CustomFieldPatch, options: WriteOptions = {}): Promise<CustomFieldDefinition> {
    assertAdminActor(actor, 'change custom fields');
    const data = parseInput(CustomFieldPatch, patch, 'custom field change');
    return this.deps.store.transaction(async (uow) => {
      const current = await requireField(uow, id);
      assertVersion(current, options.expectedVersion, 'custom field');
      if (data.options) checkOptions(current.type, data.options);
      const changes: Partial<CustomFieldDefinition> = definedOnly(data);
      const diff = changedFields(current, { ...current, ...changes }, ['version', 'updatedAt']);
      if (!diff) return current;
      const next = await saveNextVersion((d) => uow.customFields.update(d), current, changes, this.now(), 'custom field');
      await recordEvent(uow, this.deps, actor, { type: 'field.updated', entityType: 'custom_field', entityId: id, ...diff });
      return next;
    });
  }

  /** Deletes a field softly: records keep their values, and the field can be restored for RESTORE_DAYS days. */
  async delete(actor: Actor | null, id: string, options: WriteOptions = {}): Promise<DeletedCustomField> {
    assertAdminActor(actor, 'delete custom fields');
    return this.deps.store.transaction(async (uow) => {
      const current = await requireField(uow, id);
      assertVersion(current, options.expectedVersion, 'custom field');
      const recordsWithValue = await uow.customFields.countValues(current.objectType, current.key);
      if (current.deletedAt !== null) return { field: current, recordsWithValue, restorableUntil: restorableUntil(current.deletedAt) };
      const now = this.now();
      const field = await saveNextVersion((d) => uow.customFields.update(d), current, { deletedAt: now }, now, 'custom field');
      await recordEvent(uow, this.deps, actor, { type: 'field.deleted', entityType: 'custom_field', entityId: id, before: current, after: { deletedAt: now, recordsWithValue } });
      return { field, recordsWithValue, restorableUntil: restorableUntil(now) };
    });
  }

  /** Brings a deleted field back with the values records kept, within RESTORE_DAYS days of its deletion. */
  async restore(actor: Actor | null, id: string): Promise<{ field: CustomFieldDefinition; recordsWithValue: number }> {
    assertAdminActor(actor, 'restore custom fields');
    return this.deps.store.transaction(async (uow) => {
      const current = await requireField(uow, id);
      const recordsWithValue = await uow.customFields.countValues(current.objectType, current.key);
      if (current.deletedAt === null) return { field: current, recordsWithValue };
      const now = this.now();
      if (restorableUntil(current.deletedAt) < now) {
        throw conflict(`${current.label} was deleted more than ${RESTORE_DAYS} days ago and can no longer be restored.`, { deletedAt: current.deletedAt });
      }
      const field = await saveNextVersion((d) => uow.customFields.update(d), current, { deletedAt: null }, now, 'custom field');
      await recordEvent(uow, this.deps, actor, { type: 'field.restored', entityType: 'custom_field', entityId: id, before: { deletedAt: current.deletedAt }, after: { deletedAt: null } });
      return { field, recordsWithValue };
    });
  }

  /** Removes for good the fields deleted more than RESTORE_DAYS days ago, with their values. Returns how many. */
  async purgeExpired(): Promise<number> {
    return this.deps.store.transaction(async (uow) => {
      const now = this.now();
      const expired = (await uow.customFields.list({ includeDeleted: true })).filter((d) => d.deletedAt !== null && restorableUntil(d.deletedAt) < now);
      for (const field of expired) {
        await uow.customFields.delete(field.id);
        await recordEvent(uow, this.deps, null, { type: 'field.purged', entityType: 'custom_field', entityId: field.id, before: field });
      }
      return expired.length;
    });
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

/** Admins, and the system acting on its own (null), may define fields. */
function assertAdminActor(actor: Actor | null, what: string): void {
  if (actor) assertAdmin(actor.user, what);
}

const restorableUntil = (deletedAt: string): string => new Date(Date.parse(deletedAt) + RESTORE_DAYS * DAY_MS).toISOString();

async function requireField(uow: UnitOfWork, id: string): Promise<CustomFieldDefinition> {
  const field = await uow.customFields.get(id);
  if (!field) throw notFound('custom field', id);
  return field;
}

/** The live field definitions of one kind of record, for validating and showing its values. */
export async function liveFields(uow: UnitOfWork, objectType: CustomFieldObjectType): Promise<CustomFieldDefinition[]> {
  return uow.customFields.list({ objectType });
}
