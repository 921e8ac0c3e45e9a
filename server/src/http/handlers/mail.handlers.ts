import { systemClock } from '@rapport/core';
import type { mailRoutes } from '@rapport/http';
import { LoggingAddressService } from '../../mail/logging-address.service.js';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

export function mailHandlers({ store, clock = systemClock, publicUrl, mail }: HttpDeps): Handlers<typeof mailRoutes> {
  const addresses = new LoggingAddressService({ store, clock }, mail ?? { domain: new URL(publicUrl).hostname, accepting: false });
  return {
    getLoggingAddress: async ({ actor }) => addresses.show(actor.user),
    rotateLoggingAddress: async ({ actor }) => addresses.rotate(actor.user),
  };
}
