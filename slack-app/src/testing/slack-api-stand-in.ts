import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkBlockKit, type BlockSurface } from './block-kit-limits.js';

/** One Web API call the app made, with what Block Kit would say about its payload. */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
  problems: string[];
}

/** One message the app posted to a response_url. */
export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
  problems: string[];
}

export interface StoredMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
}

const SURFACES: Record<string, BlockSurface> = { 'views.open': 'modal', 'views.update': 'modal', 'views.push': 'modal', 'views.publish': 'home' };

/**
 * A local stand-in for Slack's Web API, for tests only: Slack's servers cannot be reached from
 * here. It answers the methods the app uses with the documented response shapes, records every
 * call and every response_url post, checks each payload against Block Kit's limits, keeps the
 * messages it was sent (so chat.update works on them) and can answer 429 with Retry-After.
 */
export class SlackApiStandIn {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  readonly messages = new Map<string, StoredMessage>();
  /** Slack users the stand-in knows, by id: what users.info answers. */
  readonly users = new Map<string, { email: string | null; name: string }>();
  private readonly limited = new Map<string, { seconds: number; times: number }>();
  private server: Server | null = null;
  private base = '';
  private tsCounter = 0;
  private viewCounter = 0;

  /** The Web API base URL to give the app (`slackApiUrl`). */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  /** A response_url that records what is posted to it. */
  responseUrl(id: string): string {
    return `${this.base}/response/${encodeURIComponent(id)}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(({ status, body, headers }) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `times` calls of `method` are answered 429 with `Retry-After: seconds`. */
  rateLimit(method: string, seconds: number, times = 1): void {
    this.limited.set(method, { seconds, times });
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Every Block Kit problem in every payload the app sent. */
  problems(): string[] {
    return [...this.calls.flatMap((c) => c.problems.map((p) => `${c.method}: ${p}`)), ...this.responses.flatMap((r) => r.problems.map((p) => `response ${r.id}: ${p}`))];
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const raw = await readBody(request);
    const path = new URL(request.url ?? '/', this.base).pathname;
    if (path.startsWith('/response/')) {
      const body = parseJsonObject(raw);
      this.responses.push({ id: decodeURIComponent(path.slice('/response/'.length)), body, problems: checkBlockKit(body, 'message') });
      return { status: 200, body: { ok: true } };
    }
    if (!path.startsWith('/api/')) return { status: 404, body: { ok: false, error: 'not_found' } };
    const method = path.slice('/api/'.length);
    const limit = this.limited.get(method);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      this.calls.push({ method, args: {}, token: null, problems: [] });
      return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(limit.seconds) } };
    }
    const args = (request.headers['content-type'] ?? '').includes('json') ? parseJsonObject(raw) : parseForm(raw);
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '') || (typeof args.token === 'string' ? args.token : null);
    const problems = 'blocks' in args || 'view' in args ? checkBlockKit(args as never, SURFACES[method] ?? 'message') : [];
    this.calls.push({ method, args, token, problems });
    if (!token) return { status: 200, body: { ok: false, error: 'not_authed' } };
    return { status: 200, body: this.answer(method, args) };
  }

  private answer(method: string, args: Record<string, unknown>): unknown {
    const str = (key: string) => (typeof args[key] === 'string' ? (args[key] as string) : '');
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://rapport-test.slack.com/', team: 'Rapport Test', user: 'rapport', team_id: 'T0TEST', user_id: 'U0BOT', bot_id: 'B0BOT' };
      case 'users.info': {
        const user = this.users.get(str('user'));
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id: str('user'), name: user.name, real_name: user.name, profile: { real_name: user.name, ...(user.email ? { email: user.email } : {}) } } };
      }
      case 'users.lookupByEmail': {
        const wanted = str('email').toLowerCase();
        const found = [...this.users].find(([, u]) => u.email?.toLowerCase() === wanted);
        if (!found) return { ok: false, error: 'users_not_found' };
        return { ok: true, user: { id: found[0], name: found[1].name, profile: { email: found[1].email } } };
      }
      case 'chat.postMessage': {
        const channel = str('channel').startsWith('U') ? `D${str('channel').slice(1)}` : str('channel');
        const ts = this.nextTs();
        const message = { channel, ts, text: str('text'), blocks: Array.isArray(args.blocks) ? args.blocks : [] };
        this.messages.set(`${channel}:${ts}`, message);
        return { ok: true, channel, ts, message: { type: 'message', text: message.text, blocks: message.blocks, ts } };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update': {
        const stored = this.messages.get(`${str('channel')}:${str('ts')}`);
        if (!stored) return { ok: false, error: 'message_not_found' };
        stored.text = str('text');
        stored.blocks = Array.isArray(args.blocks) ? args.blocks : [];
        return { ok: true, channel: stored.channel, ts: stored.ts, text: stored.text };
      }
      case 'chat.getPermalink':
        return { ok: true, channel: str('channel'), permalink: `https://rapport-test.slack.com/archives/${str('channel')}/p${str('message_ts').replace('.', '')}` };
      case 'views.open':
      case 'views.update':
      case 'views.push':
        if (method === 'views.open' && !str('trigger_id')) return { ok: false, error: 'invalid_trigger_id' };
        return { ok: true, view: { id: `V${String(++this.viewCounter).padStart(6, '0')}`, ...(args.view as object) } };
      case 'views.publish':
        return { ok: true, view: { id: `VHOME${str('user_id')}`, ...(args.view as object) } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1770000000.${String(this.tsCounter).padStart(6, '0')}`;
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonObject(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The Web API client sends form fields; structured ones (blocks, view) as JSON text. */
function parseForm(raw: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (/^[[{]/.test(value)) {
      try {
        args[key] = JSON.parse(value);
        continue;
      } catch {
        // Not JSON after all: keep the text.
      }
    }
    args[key] = value;
  }
  return args;
}
