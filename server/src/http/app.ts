import { CrmError } from '@rapport/core';
import { api, buildOpenApi, type AnyRoute, type OperationId } from '@rapport/http';
import { Hono } from 'hono';
import { requireToken } from './auth.middleware.js';
import { limitBody } from './body-limit.middleware.js';
import { bindRoute, type Handler } from './bind-route.js';
import { accountHandlers, contactHandlers } from './handlers/accounts.handlers.js';
import { activityHandlers } from './handlers/activities.handlers.js';
import { captureHandlers } from './handlers/capture.handlers.js';
import { dealHandlers } from './handlers/deals.handlers.js';
import { lookupHandlers } from './handlers/lookup.handlers.js';
import { peopleHandlers } from './handlers/people.handlers.js';
import { pipelineHandlers } from './handlers/pipelines.handlers.js';
import { reminderHandlers } from './handlers/reminders.handlers.js';
import { noticeHandlers } from './handlers/notices.handlers.js';
import { analyticsHandlers } from './handlers/analytics.handlers.js';
import { mailHandlers } from './handlers/mail.handlers.js';
import { currencyHandlers } from './handlers/currency.handlers.js';
import { importHandlers } from './handlers/imports.handlers.js';
import { customFieldHandlers } from './handlers/custom-fields.handlers.js';
import type { HttpDeps, HubEnv } from './hub-env.js';
import { idempotency } from './idempotency.middleware.js';
import { toProblem } from './problem.js';

const MAX_BODY_BYTES = 1024 * 1024;

/** Something mounted beside the REST API: the Slack app, the Teams tab files. */
export type Mount = (app: Hono<HubEnv>) => void;

/** GET /health: whether the database answers, which engine and version (and which worker, when there are several). */
export function mountHealth(app: Hono<HubEnv>, deps: Pick<HttpDeps, 'store' | 'version' | 'worker'>): void {
  const about = { database: deps.store.kind, version: deps.version, ...(deps.worker ? { worker: deps.worker } : {}) };
  app.get('/health', async (c) => {
    try {
      await deps.store.read((uow) => uow.settings.get('schema'));
      return c.json({ status: 'ok', ...about });
    } catch {
      return c.json({ status: 'degraded', ...about }, 503);
    }
  });
}

/** The underlying error's message (a database's own words) for the log, when a failure wraps one. */
function causeOf(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause === undefined ? undefined : cause instanceof Error ? cause.message : String(cause);
}

/** A failure for the log: its stack, and the underlying error (a database's own message) when it wraps one. */
function describeFailure(error: unknown): string {
  const own = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const cause = error instanceof Error ? error.cause : undefined;
  return cause === undefined ? own : `${own}\ncaused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`;
}

/** The hub's HTTP application: health, the OpenAPI document, the REST API, and any mounts. */
export function createApp(deps: HttpDeps, mounts: readonly Mount[] = []): Hono<HubEnv> {
  const app = new Hono<HubEnv>();
  // No answer is ever to be read as anything but its declared type (a JSON body as HTML, say).
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });

  app.onError((error, c) => {
    const problem = toProblem(error, { ifMatchSent: c.req.header('if-match') !== undefined, credentialsSent: c.req.header('authorization') !== undefined });
    // An expected 503 (a database or Microsoft's sign-in keys out of reach) is a warning that says why; only the unexpected carries a stack.
    if (problem.status === 503) deps.logger.warn('request refused: unavailable', { method: c.req.method, path: c.req.path, detail: problem.body.detail, cause: causeOf(error) });
    else if (problem.status >= 500) deps.logger.error('request failed', { method: c.req.method, path: c.req.path, error: describeFailure(error) });
    return c.body(JSON.stringify(problem.body), problem.status as 500, problem.headers);
  });
  app.notFound((c) => {
    const problem = toProblem(new CrmError('not_found', `No such endpoint: ${c.req.method} ${c.req.path}. The API is described at /api/v1/openapi.json.`), { ifMatchSent: false });
    return c.body(JSON.stringify(problem.body), 404, problem.headers);
  });

  if (deps.worker) {
    const worker = String(deps.worker);
    app.use('*', async (c, next) => {
      await next();
      c.header('X-Rapport-Worker', worker);
    });
  }
  mountHealth(app, deps);
  let openapi: string | null = null;
  app.get('/api/v1/openapi.json', (c) => {
    openapi ??= JSON.stringify(buildOpenApi({ version: deps.version, serverUrl: deps.publicUrl }));
    return c.body(openapi, 200, { 'content-type': 'application/json' });
  });

  for (const mount of mounts) mount(app);

  app.use('/api/v1/*', limitBody(MAX_BODY_BYTES));
  app.use('/api/v1/*', requireToken(deps));

  const handlers = {
    ...lookupHandlers(deps),
    ...accountHandlers(deps),
    ...contactHandlers(deps),
    ...dealHandlers(deps),
    ...activityHandlers(deps),
    ...captureHandlers(deps),
    ...reminderHandlers(deps),
    ...peopleHandlers(deps),
    ...noticeHandlers(deps),
    ...analyticsHandlers(deps),
    ...mailHandlers(deps),
    ...currencyHandlers(deps),
    ...importHandlers(deps),
    ...pipelineHandlers(deps),
    ...customFieldHandlers(deps),
  } as Record<string, Handler<AnyRoute>>;
  for (const [id, route] of Object.entries(api) as Array<[OperationId, AnyRoute]>) {
    if (!route.auth) continue;
    const handler = handlers[id];
    if (!handler) throw new Error(`No handler for ${id}`);
    bindRoute(app, route, handler, route.idempotent ? [idempotency(deps, route)] : []);
  }
  return app;
}
