import { CrmError, Surface, TOKEN_PREFIX, type User } from '@rapport/core';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { FailedAuthLimiter } from './failed-auth-limiter.js';
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
 * header labels where a change came from (gmail, slack, teams, cli). Failed attempts are
 * limited per client address (see FailedAuthLimiter); valid tokens are never slowed.
 */
export function requireToken(deps: HttpDeps): MiddlewareHandler<HubEnv> {
  const limiter = new FailedAuthLimiter(deps.authFailureLimit ?? { limit: 0, windowMs: 0 }, deps.clock);
  return async (c, next) => {
    try {
      await authenticate(c, deps);
    } catch (error) {
      throw error instanceof CrmError && error.code === 'unauthenticated' ? limiter.fail(clientAddress(c), error) : error;
    }
    await next();
  };
}

/** The connection's remote address; "local" for a request made in-process (tests, app.request). */
function clientAddress(c: Context<HubEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

async function authenticate(c: Context<HubEnv>, deps: HttpDeps): Promise<void> {
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
}
