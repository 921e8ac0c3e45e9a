import { CrmError, ERROR_CODES, type ErrorCode } from '@rapport/core';
import { api, type Api, type OperationId } from '../contract/api.js';
import type { AnyRoute, RouteInput, RouteOutput } from '../contract/route.js';

export interface ClientOptions {
  baseUrl: string;
  /** A personal access token (rpt_…), or a function giving one (e.g. read from storage). */
  token?: string | (() => string | Promise<string>);
  fetch?: typeof fetch;
  /** Abandons a request after this long (default 15 s). */
  timeoutMs?: number;
}

/** An answer with its ETag version, for writes that send If-Match. */
export interface Versioned<T> {
  data: T;
  version: number | null;
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'conflict',
  422: 'invalid_input',
  429: 'rate_limited',
  503: 'unavailable',
};

function pathFor(route: AnyRoute, params: Record<string, unknown> | undefined): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? '')));
}

function queryString(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const search = new URLSearchParams();
  const add = (key: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    // An object is a deepObject parameter: { filter: { region: 'emea' } } → filter[region]=emea.
    if (typeof value === 'object' && !Array.isArray(value)) for (const [inner, v] of Object.entries(value)) add(`${key}[${inner}]`, v);
    else search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  };
  for (const [key, value] of Object.entries(query)) add(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function toError(response: Response): Promise<CrmError> {
  let body: { code?: string; detail?: string; errors?: Array<{ path: string; message: string }>; details?: Record<string, unknown> } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not problem+json: a proxy or a crash. The status still says what happened.
  }
  const code = ERROR_CODES.includes(body.code as ErrorCode) ? (body.code as ErrorCode) : (STATUS_CODES[response.status] ?? 'unavailable');
  const retryAfter = Number(response.headers.get('retry-after'));
  return new CrmError(code, body.detail ?? `The hub answered ${response.status} ${response.statusText}.`, {
    issues: body.errors ?? [],
    details: { ...body.details, status: response.status, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}) },
  });
}

/** A typed client for the hub's REST API. Failures throw CrmError with the hub's code and message. */
export class RapportClient {
  constructor(private readonly options: ClientOptions) {}

  async call<K extends OperationId>(operation: K, input: RouteInput<Api[K]>): Promise<RouteOutput<Api[K]>> {
    return (await this.callVersioned(operation, input)).data;
  }

  async callVersioned<K extends OperationId>(operation: K, input: RouteInput<Api[K]>): Promise<Versioned<RouteOutput<Api[K]>>> {
    const route = api[operation] as AnyRoute;
    const parts = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; ifMatch?: number; idempotencyKey?: string };
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    const csv = route.bodyType === 'csv';
    if (parts.body !== undefined) headers['content-type'] = csv ? 'text/csv; charset=utf-8' : 'application/json';
    if (parts.ifMatch !== undefined) headers['if-match'] = `"${parts.ifMatch}"`;
    if (parts.idempotencyKey) headers['idempotency-key'] = parts.idempotencyKey;
    const url = this.options.baseUrl.replace(/\/+$/, '') + pathFor(route, parts.params) + queryString(parts.query);
    const doFetch = this.options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: route.method,
        headers,
        ...(parts.body !== undefined ? { body: csv ? String(parts.body) : JSON.stringify(parts.body) } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new CrmError('unavailable', `Cannot reach the hub at ${this.options.baseUrl}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    if (!response.ok) throw await toError(response);
    const etag = response.headers.get('etag');
    const version = etag ? Number(etag.replace(/^W\//, '').replace(/"/g, '')) : null;
    const data = response.status === 204 ? undefined : await response.json();
    return { data: data as RouteOutput<Api[K]>, version: Number.isFinite(version) ? version : null };
  }
}
