import type { lookupRoutes } from '@rapport/http';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

export function lookupHandlers({ services }: HttpDeps): Handlers<typeof lookupRoutes> {
  return {
    lookup: async ({ actor, query }) => ({ items: await services.lookup.lookup(actor, query.q, { limit: query.limit }) }),
    card: async ({ actor, query }) => {
      const key = query.email !== undefined ? { email: query.email } : query.contactId !== undefined ? { contactId: query.contactId } : { accountId: query.accountId as string };
      return services.cards.card(actor, key);
    },
  };
}
