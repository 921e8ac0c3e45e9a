import { CrmError, Surface, TOKEN_PREFIX, type User } from '@rapport/core';
import type { MiddlewareHandler } from 'hono';
import type { HttpDeps, HubEnv } from './hub-env.js';

/**
 * A way to present a bearer besides personal access tokens (Teams single sign-on tokens):
 * it claims the tokens it understands and turns one into the acting user.
 */
export interface BearerAuthenticator {
  accepts(token: string): boolean;
  authenticate(token: string): Promise<{ user: User; surface: Surface }>;
}

/**
 * Resolves "Authorization: Bearer <token>" to the acting user: a personal access token (rpt_…),
 * or a token one of the hub's other authenticators accepts. The optional X-Rapport-Surface
 * header labels where a change came from (gmail, slack, teams, cli).
 */
export function requireToken(deps: HttpDeps): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) {
      throw new CrmError('unauthenticated', 'Send a personal access token as "Authorization: Bearer <token>". Create one with `pnpm rapport token create --user <email>`.');
    }
    const token = match[1];
    const other = token.startsWith(TOKEN_PREFIX) ? undefined : deps.bearers?.find((b) => b.accepts(token));
    if (other) {
      c.set('actor', await other.authenticate(token));
    } else {
      const user = await deps.services.tokens.authenticate(token);
      const surface = Surface.safeParse(c.req.header('x-rapport-surface') ?? 'api');
      c.set('actor', { user, surface: surface.success ? surface.data : 'api' });
    }
    await next();
  };
}
