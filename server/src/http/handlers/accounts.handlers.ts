import type { Actor, CustomFieldListParams, CustomFieldObjectType, CustomFieldQuery } from '@rapport/core';
import type { accountRoutes, contactRoutes } from '@rapport/http';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

const page = (q: { limit: number; cursor?: string | undefined }) => ({ limit: q.limit, cursor: q.cursor });

export function accountHandlers({ services }: HttpDeps): Handlers<typeof accountRoutes> {
  const accounts = services.accounts;
  return {
    listAccounts: async ({ actor, query }) =>
      query.ids
        ? { items: await accounts.getMany(actor, query.ids), nextCursor: null }
        : accounts.list(actor, { ...(query.ownerId ? { ownerIds: query.ownerId } : {}), ...(query.lifecycle ? { lifecycle: query.lifecycle } : {}), ...(await customOf(services, actor, 'account', query)) }, page(query)),
    createAccount: async ({ actor, body }) => accounts.create(actor, body),
    getAccount: async ({ actor, params }) => accounts.get(actor, params.id),
    updateAccount: async ({ actor, params, body, ifMatch }) => accounts.update(actor, params.id, body, { expectedVersion: ifMatch }),
    deleteAccount: async ({ actor, params, ifMatch }) => accounts.delete(actor, params.id, { expectedVersion: ifMatch }),
    mergeAccounts: async ({ actor, params, body }) => accounts.merge(actor, params.id, body.duplicateId),
  };
}

export function contactHandlers({ services }: HttpDeps): Handlers<typeof contactRoutes> {
  const contacts = services.contacts;
  return {
    listContacts: async ({ actor, query }) =>
      contacts.list(actor, { ...(query.accountId ? { accountId: query.accountId } : {}), ...(query.ownerId ? { ownerIds: query.ownerId } : {}), ...(await customOf(services, actor, 'contact', query)) }, page(query)),
    createContact: async ({ actor, body }) => contacts.create(actor, body),
    getContact: async ({ actor, params }) => contacts.get(actor, params.id),
    updateContact: async ({ actor, params, body, ifMatch }) => contacts.update(actor, params.id, body, { expectedVersion: ifMatch }),
    deleteContact: async ({ actor, params, ifMatch }) => contacts.delete(actor, params.id, { expectedVersion: ifMatch }),
    mergeContacts: async ({ actor, params, body }) => contacts.merge(actor, params.id, body.duplicateId),
  };
}

/** A list's custom field filter and sort, as the `custom` part of its filter (nothing when the query names none). */
async function customOf(services: HttpDeps['services'], actor: Actor, kind: CustomFieldObjectType, query: CustomFieldListParams): Promise<{ custom?: CustomFieldQuery }> {
  const custom = await services.customFields.query(actor, kind, query);
  return custom ? { custom } : {};
}
