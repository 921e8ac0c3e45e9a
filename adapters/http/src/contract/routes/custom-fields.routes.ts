import { CustomFieldDefinition, CustomFieldInput, CustomFieldObjectType, CustomFieldPatch, RESTORE_DAYS } from '@rapport/core';
import { z } from 'zod';
import { Empty, IdParams } from '../common.js';
import { defineRoute } from '../route.js';

export const CustomFieldListQuery = z.object({
  objectType: CustomFieldObjectType.optional(),
  /** true: deleted fields too (restorable ones and those awaiting removal). */
  includeDeleted: z.enum(['true', 'false']).optional(),
});

export const DeletedCustomField = z.object({
  field: CustomFieldDefinition,
  /** How many records keep a value for the field (kept, and back when it is restored). */
  recordsWithValue: z.number().int().min(0),
  restorableUntil: z.string(),
});

export const RestoredCustomField = z.object({ field: CustomFieldDefinition, recordsWithValue: z.number().int().min(0) });

const tag = 'Custom fields';

export const customFieldRoutes = {
  listCustomFields: defineRoute({
    method: 'GET',
    path: '/api/v1/custom-fields',
    summary: 'List the custom fields of accounts, contacts and deals, in position order',
    tag,
    auth: true,
    query: CustomFieldListQuery,
    response: z.object({ items: z.array(CustomFieldDefinition) }),
    status: 200,
  }),
  createCustomField: defineRoute({
    method: 'POST',
    path: '/api/v1/custom-fields',
    summary: 'Define a custom field (admins)',
    description: 'The key (lower snake_case) and type never change. Selects list options as {id, label}: values store the id, so renaming a label keeps them.',
    tag,
    auth: true,
    body: CustomFieldInput,
    response: CustomFieldDefinition,
    status: 201,
    versioned: true,
    idempotent: true,
  }),
  getCustomField: defineRoute({ method: 'GET', path: '/api/v1/custom-fields/{id}', summary: 'Get a custom field', tag, auth: true, params: IdParams, response: CustomFieldDefinition, status: 200, versioned: true }),
  updateCustomField: defineRoute({
    method: 'PATCH',
    path: '/api/v1/custom-fields/{id}',
    summary: 'Change a custom field\'s label, help text, options, card display or position (admins)',
    tag,
    auth: true,
    params: IdParams,
    body: CustomFieldPatch,
    response: CustomFieldDefinition,
    status: 200,
    versioned: true,
  }),
  deleteCustomField: defineRoute({
    method: 'DELETE',
    path: '/api/v1/custom-fields/{id}',
    summary: 'Delete a custom field, keeping its values (admins)',
    description: `Records keep their values and the field can be restored for ${RESTORE_DAYS} days; the answer says how many records hold a value.`,
    tag,
    auth: true,
    params: IdParams,
    response: DeletedCustomField,
    status: 200,
    versioned: true,
    versionFrom: 'field',
  }),
  restoreCustomField: defineRoute({
    method: 'POST',
    path: '/api/v1/custom-fields/{id}/restore',
    summary: `Restore a deleted custom field with its values, within ${RESTORE_DAYS} days (admins)`,
    tag,
    auth: true,
    params: IdParams,
    body: Empty,
    response: RestoredCustomField,
    status: 200,
    versioned: true,
    versionFrom: 'field',
    idempotent: true,
  }),
};
