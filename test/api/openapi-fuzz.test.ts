import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.js';
import { useEngineHub } from '../support/engine-hub.js';
import { asQueryValue, valueOf, type JsonSchema } from '../support/openapi-arbitraries.js';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}
interface Operation {
  operationId: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | null;
}
interface FuzzRequest {
  user: 'admin' | 'ann';
  path: string;
  body: string | undefined;
}

/** Requests per operation and engine: about 74 operations × RUNS requests, about a minute on two idle cores. */
const RUNS = Number(process.env.RAPPORT_FUZZ_RUNS ?? 120);
/** On a busy machine each operation stops early, so an engine's run stays within about 80 s. */
const BUDGET_MS = Number(process.env.RAPPORT_FUZZ_BUDGET_MS ?? 80_000);
const SEED = Number(process.env.RAPPORT_FUZZ_SEED ?? Date.now() % 2 ** 31);

function operationsOf(document: { paths: Record<string, Record<string, { operationId: string; parameters: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      operationId: op.operationId,
      method: method.toUpperCase(),
      path,
      parameters: op.parameters,
      body: op.requestBody?.content['application/json']?.schema ?? null,
    })),
  );
}

/** A path segment as a URL can carry it: a lone surrogate (no character at all) becomes U+FFFD, as URLSearchParams does for the query. */
const pathSegment = (value: string): string => encodeURIComponent(value.replace(/[\uD800-\uDFFF]/gu, '\uFFFD'));

/** A request for one operation: real ids and generated ones in the path, declared and stray query parameters, a body of the declared shape or junk. */
function requestsFor(operation: Operation, realIds: string[]): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const segment = (p: Parameter) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...realIds) }, { weight: 2, arbitrary: valueOf(p.schema, 0, p.name).map(asQueryValue) });
  const path = fc.tuple(...pathParams.map(segment)).map((values) =>
    pathParams.reduce((out, p, i) => out.replace(`{${p.name}}`, pathSegment(values[i] ?? '')), operation.path),
  );
  const query = fc
    .tuple(
      fc.record(Object.fromEntries(queryParams.map((p) => [p.name, valueOf(p.schema, 0, p.name).map(asQueryValue)])), { requiredKeys: [] }),
      fc.option(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 20 })), { freq: 10 }),
    )
    .map(([values, stray]) => {
      const search = new URLSearchParams(values as Record<string, string>);
      if (stray) search.append(stray[0], stray[1]);
      // Past about 16 KB of request line and headers Node answers 431 before the hub sees it.
      const text = search.toString().slice(0, 12_000);
      return text ? `?${text}` : '';
    });
  const body = operation.body
    ? fc.oneof(
        { weight: 10, arbitrary: valueOf(operation.body).map((v) => JSON.stringify(v) ?? 'null') },
        { weight: 1, arbitrary: fc.constantFrom('{', '', '[]', 'null', '"text"', '{"a":', '\u0000', '{"__proto__":{"x":1}}', `{"title":"${'x'.repeat(200_000)}"}`) },
      )
    : fc.constant(undefined);
  // Bodies stay under the hub's 1 MB limit: what happens past it is the body limit's own test.
  const bounded = body.map((text) => (text !== undefined && Buffer.byteLength(text) > 900_000 ? '{}' : text));
  return fc.record({ user: fc.constantFrom<'admin' | 'ann'>('admin', 'admin', 'ann'), path: fc.tuple(path, query).map(([p, q]) => p + q), body: bounded });
}

/**
 * Every operation of the hub's own OpenAPI document, sent malformed and extreme values
 * (schema-shaped values at their limits, wrong types, junk) on a real hub over HTTP, on
 * each engine. Any 5xx fails, with the seed to replay it: RAPPORT_FUZZ_SEED=<seed>.
 */
describe.each(ENGINES)('fuzzing every operation on $engine', ({ engine, available }) => {
  const hub = useEngineHub(engine, available);
  let operations: Operation[] = [];
  const realIds: string[] = [];

  const once = async (user: 'admin' | 'ann', method: string, path: string, body?: string) => {
    const response = await fetch(`${hub.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${hub.t.tokens[user]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body }),
    });
    return { status: response.status, text: await response.text() };
  };
  // A kept-alive connection the hub closed after an earlier answer is tried again once on a new
  // one (how the hub ends connections is tested elsewhere); a second failure is a failure.
  const send = (user: 'admin' | 'ann', method: string, path: string, body?: string) =>
    once(user, method, path, body).catch(() => once(user, method, path, body));

  beforeAll(async () => {
    if (!available) return;
    operations = operationsOf((await (await fetch(`${hub.url}/api/v1/openapi.json`)).json()) as Parameters<typeof operationsOf>[0]);
    const created = async (path: string, body: unknown) => {
      const answer = await send('admin', 'POST', path, JSON.stringify(body));
      expect(answer.status, `${path}: ${answer.text}`).toBe(201);
      const { id } = JSON.parse(answer.text) as { id: string };
      realIds.push(id);
      return id;
    };
    const accountId = await created('/api/v1/accounts', { name: 'Fuzz GmbH', domains: ['fuzz.example'] });
    const contactId = await created('/api/v1/contacts', { name: 'Fay Fuzz', emails: ['fay@fuzz.example'], accountId });
    const dealId = await created('/api/v1/deals', { title: 'Fuzzed', accountId, primaryContactId: contactId, amount: { minor: 10_000_000_000_000, currency: 'JPY' }, expectedCloseDate: '9000-12-31' });
    await created('/api/v1/deals', { title: 'Fuzzed too', accountId, amount: { minor: 10_000_000_000_000, currency: 'JPY' }, expectedCloseDate: '1900-01-01' });
    await created('/api/v1/reminders', { title: 'Edge', dueAt: '9000-12-31T23:59:59Z', dealId, recurrence: { frequency: 'monthly' } });
    await created('/api/v1/reminders', { title: 'Old', dueAt: '1900-01-01T00:00:00Z', recurrence: { frequency: 'daily' } });
    await created('/api/v1/activities', { type: 'email', subject: 'Hi', dealId, externalId: '<fuzz@mail.example>' });
    await created('/api/v1/campaigns', { name: 'Fuzz fair', cost: { minor: 10_000_000_000_000, currency: 'EUR' }, startDate: '1900-01-01' });
    await created('/api/v1/targets', { userId: hub.t.ids.ann, month: '9000-12', amount: { minor: 10_000_000_000_000, currency: 'EUR' } });
    realIds.push(hub.t.ids.ann, hub.t.ids.raj, 'company', 'pipe_default');
  }, 120_000);

  it.skipIf(!available)('answers every request with less than 500', async () => {
    expect(operations.length).toBeGreaterThan(60);
    const failures: string[] = [];
    for (const operation of operations) {
      await fc.assert(
        fc.asyncProperty(requestsFor(operation, realIds), async (request) => {
          const answer = await send(request.user, operation.method, request.path, request.body);
          if (answer.status >= 500) throw new Error(`${operation.method} ${request.path} → ${answer.status} ${answer.text.slice(0, 300)}`);
          if (/sqlite|postgres|violates|syntax error/i.test(answer.text) && answer.status >= 400) throw new Error(`${operation.method} ${request.path} shows a database message: ${answer.text.slice(0, 300)}`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true, interruptAfterTimeLimit: BUDGET_MS / operations.length, markInterruptAsFailure: false, reporter: (details) => {
          if (!details.failed) return;
          const request = details.counterexample?.[0];
          const cause = (details.errorInstance as { cause?: unknown } | null)?.cause;
          const error = `${String(details.errorInstance)}${cause === undefined ? '' : ` (${String(cause)})`}`;
          failures.push(`${operation.operationId} (RAPPORT_FUZZ_SEED=${SEED}): ${error.slice(0, 600)}\n  as ${request?.user} ${request?.path.slice(0, 300)}\n  body: ${String(request?.body).slice(0, 300)}`);
        } },
      );
    }
    expect(failures, `seed ${SEED}`).toEqual([]);
  }, 600_000);
});
