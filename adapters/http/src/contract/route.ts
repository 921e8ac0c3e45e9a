import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One REST operation: the single source of its path, inputs and output. The hub validates
 * requests with these schemas, the OpenAPI document is generated from them, and the client
 * is typed by them.
 */
export interface RouteDef<
  P extends z.ZodType = never,
  Q extends z.ZodType = never,
  B extends z.ZodType = never,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** OpenAPI-style path: /api/v1/deals/{id} */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** False only for /health and the OpenAPI document. */
  auth: boolean;
  params?: P;
  query?: Q;
  body?: B;
  /** Null for 204 No Content. */
  response: R | null;
  status: 200 | 201 | 204;
  /** The response carries an ETag (the record's version) and writes honour If-Match. */
  versioned?: boolean;
  /**
   * Answers besides `status` and the problem+json errors, with the same body schema (a repeat of
   * an already-logged activity is 200, not 201; a degraded health check is 503).
   */
  alsoAnswers?: Partial<Record<200 | 201 | 503, string>>;
  /** The answer wraps the versioned record in this field (completing a reminder answers `{ reminder, next }`). */
  versionFrom?: string;
  /** POST that honours an Idempotency-Key header. */
  idempotent?: boolean;
  /** The body is a text/csv file, handed on as text (its schema is a string); JSON otherwise. */
  bodyType?: 'csv';
}

export function defineRoute<P extends z.ZodType = never, Q extends z.ZodType = never, B extends z.ZodType = never, R extends z.ZodType = never>(
  route: RouteDef<P, Q, B, R>,
): RouteDef<P, Q, B, R> {
  return route;
}

/** A route's schemas for the parts it has; `never` for the parts it has not. */
export type AnyRoute = RouteDef<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;

type Part<S, K extends string, Optional extends boolean> = [S] extends [never]
  ? unknown
  : S extends z.ZodType
    ? Optional extends true
      ? { [P in K]?: z.input<S> }
      : { [P in K]: z.input<S> }
    : unknown;

/** What a caller passes for a route: params, query and body, each only when the route has one. */
export type RouteInput<R> = R extends RouteDef<infer P, infer Q, infer B, infer _R>
  ? Part<P, 'params', false> &
      Part<Q, 'query', true> &
      Part<B, 'body', false> & {
        /** The version you last saw: the write is refused with 412 if it changed since. */
        ifMatch?: number;
        idempotencyKey?: string;
      }
  : never;

/** What a route answers with. */
export type RouteOutput<R> = R extends RouteDef<infer _P, infer _Q, infer _B, infer S>
  ? [S] extends [never]
    ? void
    : z.output<S>
  : never;
