import { CrmError, Surface } from '@rapport/core';
import type { MiddlewareHandler } from 'hono';
import type { HttpDeps, HubEnv } from './hub-env.js';

/**
 * Resolves "Authorization: Bearer <token>" to the acting user. The optional
 * X-Rapport-Surface header labels where a change came from (gmail, slack, teams, cli).
 */
export function requireToken(deps: HttpDeps): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) {
      throw new CrmError('unauthenticated', 'Send a personal access token as "Authorization: Bearer <token>". Create one with `pnpm rapport token create --user <email>`.');
    }
    const user = await deps.services.tokens.authenticate(match[1]);
    const surface = Surface.safeParse(c.req.header('x-rapport-surface') ?? 'api');
    c.set('actor', { user, surface: surface.success ? surface.data : 'api' });
    await next();
  };
}
