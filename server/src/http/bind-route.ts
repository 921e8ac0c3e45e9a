import { invalidInput, parseInput, type Actor } from '@rapport/core';
import { foldQueryParams, type AnyRoute, type RouteDef, type RouteOutput } from '@rapport/http';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { HubEnv } from './hub-env.js';
import { etagOf } from './etag.js';
import { parseIfMatch } from './if-match.js';

type Parsed<S> = [S] extends [never] ? undefined : S extends z.ZodType ? z.output<S> : undefined;

/** What a handler receives: validated inputs, the acting user and the If-Match version. */
export type HandlerInput<R> = R extends RouteDef<infer P, infer Q, infer B, infer _R>
  ? { params: Parsed<P>; query: Parsed<Q>; body: Parsed<B>; actor: Actor; ifMatch: number | undefined; context: Context<HubEnv> }
  : never;

export type Handler<R> = (input: HandlerInput<R>) => Promise<RouteOutput<R>>;

export type Handlers<A extends Record<string, AnyRoute>> = { [K in keyof A]: Handler<A[K]> };

async function readJson(c: Context<HubEnv>): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidInput('The request body is not valid JSON.', [{ path: 'body', message: 'Not JSON.' }]);
  }
}

/** A route's body as its schema takes it: a CSV file as text, anything else as JSON. */
async function readBody(c: Context<HubEnv>, route: AnyRoute): Promise<unknown> {
  if (route.bodyType !== 'csv') return readJson(c);
  const type = c.req.header('content-type') ?? '';
  if (!/^text\/(csv|plain)\b/i.test(type)) {
    throw invalidInput('Send the file as text/csv (Content-Type: text/csv), UTF-8.', [{ path: 'body', message: `Content-Type ${type || 'missing'}; expected text/csv.` }]);
  }
  return c.req.text();
}

/** OpenAPI path → Hono path: /deals/{id} → /deals/:id */
export const honoPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Registers one contract route: validates path, query and body with the route's own schemas,
 * runs the handler, and answers with the route's status (and the record's version as ETag).
 * Errors go to the app's error handler, which answers problem+json.
 */
export function bindRoute(app: Hono<HubEnv>, route: AnyRoute, handler: Handler<AnyRoute>, middleware: MiddlewareHandler<HubEnv>[] = []): void {
  const handle: MiddlewareHandler<HubEnv> = async (c) => {
    const input = {
      params: route.params ? parseInput(route.params, c.req.param(), 'path') : undefined,
      query: route.query ? parseInput(route.query, foldQueryParams(c.req.query()), 'query') : undefined,
      body: route.body ? parseInput(route.body, await readBody(c, route), 'request body') : undefined,
      actor: c.get('actor'),
      ifMatch: parseIfMatch(c.req.header('if-match')),
      context: c,
    } as HandlerInput<AnyRoute>;
    const data = (await handler(input)) as unknown;
    if (route.status === 204) return c.body(null, 204);
    const etag = etagOf(route, data);
    if (etag) c.header('ETag', etag);
    return c.json(data as object, c.get('status') ?? route.status);
  };
  app.on(route.method, [honoPath(route.path)], ...middleware, handle);
}
