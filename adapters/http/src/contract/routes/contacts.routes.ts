import { ContactInput, ContactPatch, Id } from '@rapport/core';
import { z } from 'zod';
import { csv, IdParams, PageQuery, pageOf } from '../common.js';
import { customFieldListParams } from '../custom-field-params.js';
import { defineRoute } from '../route.js';
import { Contact } from '../schemas.js';

export const ContactListQuery = PageQuery.extend({
  accountId: Id.optional(),
  ownerId: csv(Id).optional(),
  ...customFieldListParams,
});

export const contactRoutes = {
  listContacts: defineRoute({ method: 'GET', path: '/api/v1/contacts', summary: 'List contacts, by name', tag: 'Contacts', auth: true, query: ContactListQuery, response: pageOf(Contact), status: 200 }),
  createContact: defineRoute({ method: 'POST', path: '/api/v1/contacts', summary: 'Create a contact', tag: 'Contacts', auth: true, body: ContactInput, response: Contact, status: 201, versioned: true, idempotent: true }),
  getContact: defineRoute({ method: 'GET', path: '/api/v1/contacts/{id}', summary: 'Get a contact', tag: 'Contacts', auth: true, params: IdParams, response: Contact, status: 200, versioned: true }),
  updateContact: defineRoute({ method: 'PATCH', path: '/api/v1/contacts/{id}', summary: 'Change a contact', tag: 'Contacts', auth: true, params: IdParams, body: ContactPatch, response: Contact, status: 200, versioned: true }),
  deleteContact: defineRoute({ method: 'DELETE', path: '/api/v1/contacts/{id}', summary: 'Delete a contact (its activities stay on the account)', tag: 'Contacts', auth: true, params: IdParams, response: null, status: 204, versioned: true }),
  mergeContacts: defineRoute({
    method: 'POST',
    path: '/api/v1/contacts/{id}/merge',
    summary: 'Merge a duplicate into this contact',
    description: 'Joins addresses and phones and moves every activity, deal and reminder here, then deletes the duplicate.',
    tag: 'Contacts',
    auth: true,
    params: IdParams,
    body: z.strictObject({ duplicateId: Id }),
    response: Contact,
    status: 200,
    versioned: true,
    idempotent: true,
  }),
};
