import type { customFieldRoutes } from '@rapport/http';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

export function customFieldHandlers({ services }: HttpDeps): Handlers<typeof customFieldRoutes> {
  const fields = services.customFields;
  return {
    listCustomFields: async ({ actor, query }) => ({
      items: await fields.list(actor, { ...(query.objectType ? { objectType: query.objectType } : {}), includeDeleted: query.includeDeleted === 'true' }),
    }),
    createCustomField: async ({ actor, body }) => fields.create(actor, body),
    getCustomField: async ({ actor, params }) => fields.get(actor, params.id),
    updateCustomField: async ({ actor, params, body, ifMatch }) => fields.update(actor, params.id, body, { expectedVersion: ifMatch }),
    deleteCustomField: async ({ actor, params, ifMatch }) => fields.delete(actor, params.id, { expectedVersion: ifMatch }),
    restoreCustomField: async ({ actor, params }) => fields.restore(actor, params.id),
  };
}
