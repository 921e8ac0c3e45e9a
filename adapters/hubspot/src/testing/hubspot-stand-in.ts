/**
 * A LOCAL STAND-IN FOR HUBSPOT'S CRM API, for tests: not HubSpot, and not for production.
 * It follows HubSpot's published API reference for the endpoints Rapport uses — CRM v3 objects
 * (list with `after` paging and `associations`, read, create, update, search on
 * `hs_lastmodifieddate`), properties, deal pipelines, owners and account details — with
 * HubSpot's error bodies (`{status, message, correlationId, category}`), `429` with
 * `Retry-After` when told to, `401` for a revoked token, and webhooks signed v3.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookRequest } from '@rapport/core';
import { signV3 } from '../webhook-signature.js';

export interface StandInRecord {
  id: string;
  properties: Record<string, string | null>;
  updatedAt: string;
  /** Associated record ids by HubSpot object name (`companies`, `contacts`, `deals`). */
  associations: Record<string, string[]>;
}

export interface StandInProperty { name: string; label: string; type: string; fieldType: string; hubspotDefined: boolean; options: { label: string; value: string }[] }
export interface StandInPipeline { id: string; label: string; stages: { id: string; label: string; metadata: Record<string, string> }[] }

export class HubSpotStandIn {
  readonly objects = new Map<string, Map<string, StandInRecord>>();
  readonly properties: Record<string, StandInProperty[]> = {};
  pipelines: StandInPipeline[] = [];
  owners: { id: string; email: string; firstName: string; lastName: string }[] = [];
  portalId = 123456;
  /** Every request, as `METHOD path`, for tests to check what was asked. */
  readonly requests: string[] = [];
  private readonly tokens = new Set<string>();
  private throttled = 0;
  private retryAfterSeconds = 1;
  private nextId = 1000;
  private clock = Date.now();
  private server: Server | null = null;
  url = '';

  constructor(token: string) {
    this.tokens.add(token);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** The next `count` requests answer 429 with `Retry-After: seconds`. */
  throttleNext(count: number, seconds = 1): void {
    this.throttled = count;
    this.retryAfterSeconds = seconds;
  }

  /** Adds or changes a record as a HubSpot user would; it gets a later `updatedAt`. */
  put(object: string, properties: Record<string, string | null>, associations: Record<string, string[]> = {}, id?: string): StandInRecord {
    const table = this.table(object);
    const existing = id ? table.get(id) : undefined;
    this.clock += 1000;
    const record: StandInRecord = {
      id: id ?? String((this.nextId += 1)),
      properties: { ...existing?.properties, ...properties },
      associations: { ...existing?.associations, ...associations },
      updatedAt: new Date(this.clock).toISOString(),
    };
    table.set(record.id, record);
    for (const [other, ids] of Object.entries(associations)) {
      for (const otherId of ids) {
        const target = this.table(other).get(otherId);
        if (target) target.associations[object] = [...new Set([...(target.associations[object] ?? []), record.id])];
      }
    }
    return record;
  }

  /** A webhook request for these events, signed v3 with `secret` at `timestamp` (ms). */
  webhook(uri: string, secret: string, events: { subscriptionType: string; objectId: string; eventId?: number }[], timestamp: number): WebhookRequest {
    const body = JSON.stringify(events.map((e, i) => ({ eventId: e.eventId ?? i + 1, subscriptionId: 1, portalId: this.portalId, occurredAt: this.clock, subscriptionType: e.subscriptionType, objectId: Number(e.objectId), attemptNumber: 0 })));
    return { method: 'POST', uri, body, headers: { 'X-HubSpot-Signature-v3': signV3(secret, 'POST', uri, body, String(timestamp)), 'X-HubSpot-Request-Timestamp': String(timestamp) } };
  }

  table(object: string): Map<string, StandInRecord> {
    let table = this.objects.get(object);
    if (!table) this.objects.set(object, (table = new Map()));
    return table;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    this.requests.push(`${req.method} ${url.pathname}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const fail = (status: number, category: string, message: string, headers: Record<string, string> = {}): void =>
      send(status, { status: 'error', message, correlationId: randomUUID(), category }, headers);
    if (this.throttled > 0) {
      this.throttled -= 1;
      return fail(429, 'RATE_LIMITS', 'You have reached your ten_secondly_rolling limit.', { 'retry-after': String(this.retryAfterSeconds) });
    }
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (!this.tokens.has(token)) return fail(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/account-info/v3/details') return send(200, { portalId: this.portalId, uiDomain: 'app.hubspot.com', timeZone: 'UTC', companyCurrency: 'USD' });
    if (parts[2] === 'properties') return send(200, { results: this.properties[parts[3] ?? ''] ?? [] });
    if (url.pathname === '/crm/v3/pipelines/deals') return send(200, { results: this.pipelines });
    if (url.pathname === '/crm/v3/owners') return send(200, this.page(this.owners, url));
    if (parts[2] !== 'objects' || !parts[3]) return fail(404, 'OBJECT_NOT_FOUND', `No route for ${url.pathname}.`);
    const object = parts[3];
    const table = this.table(object);
    const shown = (r: StandInRecord, withAssociations: boolean): unknown => ({
      id: r.id, properties: { ...r.properties, hs_lastmodifieddate: r.updatedAt }, createdAt: r.updatedAt, updatedAt: r.updatedAt, archived: false,
      ...(withAssociations ? { associations: Object.fromEntries(Object.entries(r.associations).map(([name, ids]) => [name, { results: ids.map((id) => ({ id, type: `${object}_to_${name}` })) }])) } : {}),
    });
    if (parts[4] === 'search' && req.method === 'POST') {
      const filter = ((body.filterGroups as { filters: { value: string }[] }[] | undefined)?.[0]?.filters[0]?.value) ?? '0';
      const matching = [...table.values()].filter((r) => Date.parse(r.updatedAt) >= Number(filter)).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
      const limit = Number(body.limit ?? 10);
      return send(200, { total: matching.length, results: matching.slice(0, limit).map((r) => shown(r, false)) });
    }
    if (parts[4] && req.method === 'PATCH') {
      if (!table.has(parts[4])) return fail(404, 'OBJECT_NOT_FOUND', `resource not found: ${object} ${parts[4]}`);
      return send(200, shown(this.put(object, body.properties as Record<string, string>, {}, parts[4]), false));
    }
    if (parts[4]) {
      const found = table.get(parts[4]);
      return found ? send(200, shown(found, url.searchParams.has('associations'))) : fail(404, 'OBJECT_NOT_FOUND', `resource not found: ${object} ${parts[4]}`);
    }
    if (req.method === 'POST') {
      const properties = (body.properties ?? {}) as Record<string, string>;
      if (object === 'contacts' && !properties.email) return fail(400, 'VALIDATION_ERROR', 'Property values were not valid: email is required.');
      const links: Record<string, string[]> = {};
      for (const a of (body.associations ?? []) as { to: { id: string } }[]) {
        const other = ['companies', 'contacts', 'deals'].find((name) => this.table(name).has(a.to.id));
        if (other) links[other] = [...(links[other] ?? []), a.to.id];
      }
      return send(201, shown(this.put(object, properties, links), false));
    }
    const withAssociations = url.searchParams.has('associations');
    return send(200, this.page([...table.values()].map((r) => shown(r, withAssociations)), url));
  }

  private page<T>(rows: T[], url: URL): { results: T[]; paging?: { next: { after: string; link: string } } } {
    const start = Number(url.searchParams.get('after') ?? '0');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? '10'), 100);
    const results = rows.slice(start, start + limit);
    const next = start + limit < rows.length ? String(start + limit) : null;
    return next === null ? { results } : { results, paging: { next: { after: next, link: `${url.pathname}?after=${next}` } } };
  }
}
