import { CrmError } from '@rapport/core';
import { api, buildOpenApi, type AnyRoute, type OperationId } from '@rapport/http';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requireToken } from './auth.middleware.js';
import { bindRoute, type Handler } from './bind-route.js';
import { accountHandlers, contactHandlers } from './handlers/accounts.handlers.js';
import { activityHandlers } from './handlers/activities.handlers.js';
import { dealHandlers } from './handlers/deals.handlers.js';
import { lookupHandlers } from './handlers/lookup.handlers.js';
import { peopleHandlers } from './handlers/people.handlers.js';
import { reminderHandlers } from './handlers/reminders.handlers.js';
import { noticeHandlers } from './handlers/notices.handlers.js';
import { analyticsHandlers } from './handlers/analytics.handlers.js';
import type { HttpDeps, HubEnv } from './hub-env.js';
import { idempotency } from './idempotency.middleware.js';
import { toProblem } from './problem.js';

const MAX_BODY_BYTES = 1024 * 1024;

/** Something mounted beside the REST API: the Slack app, the Teams tab files. */
export type Mount = (app: Hono<HubEnv>) => void;

/** A failure for the log: its stack, and the underlying error (a database's own message) when it wraps one. */
function describeFailure(error: unknown): string {
  const own = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const cause = error instanceof Error ? error.cause : undefined;
  return cause === undefined ? own : `${own}\ncaused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`;
}

/** The hub's HTTP application: health, the OpenAPI document, the REST API, and any mounts. */
export function createApp(deps: HttpDeps, mounts: readonly Mount[] = []): Hono<HubEnv> {
  const app = new Hono<HubEnv>();

  app.onError((error, c) => {
    const problem = toProblem(error, { ifMatchSent: c.req.header('if-match') !== undefined });
    if (problem.status >= 500) deps.logger.error('request failed', { method: c.req.method, path: c.req.path, error: describeFailure(error) });
    return c.body(JSON.stringify(problem.body), problem.status as 500, problem.headers);
  });
  app.notFound((c) => {
    const problem = toProblem(new CrmError('not_found', `No such endpoint: ${c.req.method} ${c.req.path}. The API is described at /api/v1/openapi.json.`), { ifMatchSent: false });
    return c.body(JSON.stringify(problem.body), 404, problem.headers);
  });

  app.get('/health', async (c) => {
    try {
      await deps.store.read((uow) => uow.settings.get('schema'));
      return c.json({ status: 'ok', database: deps.store.kind, version: deps.version });
    } catch {
      return c.json({ status: 'degraded', database: deps.store.kind, version: deps.version }, 503);
    }
  });
  let openapi: string | null = null;
  app.get('/api/v1/openapi.json', (c) => {
    openapi ??= JSON.stringify(buildOpenApi({ version: deps.version, serverUrl: deps.publicUrl }));
    return c.body(openapi, 200, { 'content-type': 'application/json' });
  });

  for (const mount of mounts) mount(app);

  app.use(
    '/api/v1/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new CrmError('invalid_input', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
      },
    }),
  );
  app.use('/api/v1/*', requireToken(deps));

  const handlers = {
    ...lookupHandlers(deps),
    ...accountHandlers(deps),
    ...contactHandlers(deps),
    ...dealHandlers(deps),
    ...activityHandlers(deps),
    ...reminderHandlers(deps),
    ...peopleHandlers(deps),
    ...noticeHandlers(deps),
    ...analyticsHandlers(deps),
  } as Record<string, Handler<AnyRoute>>;
  const withIdempotency = [idempotency(deps)];
  for (const [id, route] of Object.entries(api) as Array<[OperationId, AnyRoute]>) {
    if (!route.auth) continue;
    const handler = handlers[id];
    if (!handler) throw new Error(`No handler for ${id}`);
    bindRoute(app, route, handler, route.idempotent ? withIdempotency : []);
  }
  return app;
}
