import { z } from 'zod';
import { api } from './contract/api.js';
import { Problem } from './contract/common.js';
import type { AnyRoute } from './contract/route.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
};

const ERROR_STATUSES: Record<string, string> = {
  '400': 'Invalid input: which field is wrong and why',
  '401': 'Missing, unknown, expired or revoked token',
  '403': 'Your role does not allow this',
  '404': 'Not found',
  '409': 'Conflict: already exists, or changed meanwhile',
  '412': 'If-Match no longer matches: reload and retry',
  '429': 'Too many requests',
  '503': 'Temporarily unavailable',
};

function parameters(route: AnyRoute): JsonSchema[] {
  const out: JsonSchema[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return;
    const json = toSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      // An object in the query is sent as deepObject: filter[region]=emea, filter[seats][gte]=10.
      const deep = where === 'query' && property['type'] === 'object' ? { style: 'deepObject', explode: true } : {};
      out.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), ...deep, schema: property });
    }
  };
  add('path', route.params);
  add('query', route.query);
  if (route.versioned && route.method !== 'GET' && route.method !== 'POST') {
    out.push({ name: 'If-Match', in: 'header', required: false, description: 'The version you last saw ("3"); refused with 412 when it changed since.', schema: { type: 'string' } });
  }
  if (route.idempotent) {
    out.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'Sending the same request again with the same key returns the first response and changes nothing.', schema: { type: 'string', maxLength: 200 } });
  }
  if (route.versioned && route.method === 'POST' && route.path.includes('{id}')) {
    out.push({ name: 'If-Match', in: 'header', required: false, description: 'The version you last saw; refused with 412 when it changed since.', schema: { type: 'string' } });
  }
  return out;
}

const header = (name: string): JsonSchema => ({ $ref: `#/components/headers/${name}` });

/** Headers an answer may carry, by name: each is described once in components.headers. */
const HEADERS: Record<string, JsonSchema> = {
  'X-Content-Type-Options': { description: 'Always nosniff: read the body as its declared type only.', required: true, schema: { type: 'string', const: 'nosniff' } },
  ETag: { description: 'The record\'s version ("3"), for If-Match. A replayed answer carries the first answer\'s ETag.', schema: { type: 'string' } },
  'Idempotent-Replayed': { description: 'true when this is the first answer to the same request with the same Idempotency-Key, replayed.', schema: { type: 'string', const: 'true' } },
  'WWW-Authenticate': { description: 'The Bearer challenge (RFC 6750): error="invalid_token" and why, when a token was sent.', required: true, schema: { type: 'string' } },
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'string', pattern: '^[0-9]+$' } },
};

const ERROR_HEADERS: Record<string, string[]> = { '401': ['WWW-Authenticate'], '409': ['Retry-After'], '429': ['Retry-After'], '503': ['Retry-After'] };

function success(route: AnyRoute, description: string): JsonSchema {
  const names = ['X-Content-Type-Options', ...(route.versioned && route.response ? ['ETag'] : []), ...(route.idempotent ? ['Idempotent-Replayed'] : [])];
  return {
    description,
    headers: Object.fromEntries(names.map((name) => [name, header(name)])),
    ...(route.response ? { content: { 'application/json': { schema: toSchema(route.response) } } } : {}),
  };
}

function operation(id: string, route: AnyRoute): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  responses[String(route.status)] = success(route, route.status === 204 ? 'Done' : 'OK');
  for (const [status, description] of Object.entries(ERROR_STATUSES)) {
    if (!route.auth && status !== '503') continue;
    if (status === '412' && !route.versioned) continue;
    const names = ['X-Content-Type-Options', ...(ERROR_HEADERS[status] ?? []), ...(route.idempotent && status < '500' ? ['Idempotent-Replayed'] : [])];
    responses[status] = { description, headers: Object.fromEntries(names.map((name) => [name, header(name)])), content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  }
  if (route.body) {
    responses['413'] = { description: 'The request body is over 1 MB', headers: { 'X-Content-Type-Options': header('X-Content-Type-Options') }, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  }
  for (const [status, description] of Object.entries(route.alsoAnswers ?? {})) responses[status] = success(route, description);
  return {
    operationId: id,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    ...(route.auth ? {} : { security: [] }),
    parameters: parameters(route),
    ...(route.body ? { requestBody: { required: true, content: { [route.bodyType === 'csv' ? 'text/csv' : 'application/json']: { schema: toSchema(route.body) } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the whole REST API, generated from the contract's schemas. */
export function buildOpenApi(info: { version: string; serverUrl?: string }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [id, route] of Object.entries(api) as Array<[string, AnyRoute]>) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(id, route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rapport hub API',
      version: info.version,
      description: 'The CRM behind Rapport\'s Gmail, Slack and Teams surfaces. Send a personal access token as "Authorization: Bearer <token>". Errors are application/problem+json with a code and the fields that are wrong.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    ...(info.serverUrl ? { servers: [{ url: info.serverUrl }] } : {}),
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token (rpt_…)' } },
      schemas: { Problem: toSchema(Problem) },
      headers: HEADERS,
    },
  };
}
