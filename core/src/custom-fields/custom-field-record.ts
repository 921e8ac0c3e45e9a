import { invalidInput } from '../shared/errors.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { CustomFieldObjectType, CustomFieldValues } from './custom-field.schema.js';
import { mergeCustomFields, parseCustomFields, userIdsIn } from './custom-field-values.js';

/** Checking a record's custom field values as its service writes them, inside its unit of work. */

async function assertUsersExist(uow: UnitOfWork, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await uow.users.getMany(ids)).map((u) => u.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw invalidInput(`No user with id ${missing}.`, [{ path: 'customFields', message: `Unknown user: ${missing}.` }]);
}

/** The values of a new record: each checked against its kind's fields, required ones present. */
export async function customFieldsToCreate(uow: UnitOfWork, kind: CustomFieldObjectType, input: unknown): Promise<CustomFieldValues> {
  const definitions = await uow.customFields.list({ objectType: kind });
  const values = parseCustomFields(definitions, input, kind);
  await assertUsersExist(uow, userIdsIn(definitions, values));
  return mergeCustomFields({}, values);
}

/**
 * A record's values after a patch: the keys sent replace, null clears, others (deleted
 * fields' values included) stay. Undefined when the patch sends no custom fields.
 */
export async function customFieldsAfterPatch(
  uow: UnitOfWork,
  kind: CustomFieldObjectType,
  current: CustomFieldValues,
  patch: unknown,
): Promise<CustomFieldValues | undefined> {
  if (patch === undefined) return undefined;
  const definitions = await uow.customFields.list({ objectType: kind });
  const values = parseCustomFields(definitions, patch, kind, { patch: true });
  await assertUsersExist(uow, userIdsIn(definitions, values));
  return mergeCustomFields(current, values);
}
