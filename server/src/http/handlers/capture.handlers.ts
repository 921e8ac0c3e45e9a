import type { captureRoutes } from '@rapport/http';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

export function captureHandlers({ services }: HttpDeps): Handlers<typeof captureRoutes> {
  const capture = services.capture;
  return {
    captureEmail: async ({ actor, body, context }) => {
      const logged = await capture.logEmail(actor, body);
      // A repeat of an already-logged email is not a creation.
      if (!logged.created) context.set('status', 200);
      return logged;
    },
    captureSender: async ({ actor, body }) => capture.createSender(actor, body),
    captureReminder: async ({ actor, body }) => capture.remind(actor, body),
    editDeal: async ({ actor, params, body, ifMatch }) => capture.editDeal(actor, params.id, body, { expectedVersion: ifMatch }),
  };
}
