import type { HostContext } from '../host/host-context.js';

/** One request the tab made, as the fake hub saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = unknown | { status: number; body: unknown } | ((request: SeenRequest) => unknown);

/**
 * A stand-in for the hub's REST API in component tests: answers by "METHOD /path" with JSON
 * (or a status and a problem), and keeps every request so a test can check what was sent.
 */
export class FakeHub {
  readonly requests: SeenRequest[] = [];
  private readonly answers = new Map<string, Answer>();

  on(route: string, answer: Answer): this {
    this.answers.set(route, answer);
    return this;
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    const request: SeenRequest = { method, path: url.pathname, query: url.searchParams, headers: { ...(init?.headers as Record<string, string>) }, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
    this.requests.push(request);
    const key = `${method} ${url.pathname}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      const pattern = [...this.answers.keys()].find((k) => new RegExp(`^${k.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(key));
      answer = pattern ? this.answers.get(pattern) : undefined;
    }
    if (typeof answer === 'function') answer = (answer as (r: SeenRequest) => unknown)(request);
    if (answer === undefined) return new Response(JSON.stringify({ code: 'not_found', detail: `No fake for ${key}` }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
    if (answer && typeof answer === 'object' && 'status' in answer && 'body' in answer && typeof (answer as { status: unknown }).status === 'number') {
      const { status, body } = answer as { status: number; body: unknown };
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
    }
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  };

  seen(route: string): SeenRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.path}` === route);
  }
}

/** A browser host for component tests: a fixed token, the default theme, English. */
export function testHost(overrides: Partial<HostContext> = {}): HostContext {
  return {
    kind: 'browser',
    page: 'browser',
    theme: 'default',
    locale: 'en-US',
    userHint: null,
    where: null,
    rapportTeamId: null,
    dealId: null,
    token: async () => 'rpt_test',
    onThemeChange: () => () => undefined,
    dealLink: (id) => `https://hub.test/teams/?deal=${id}`,
    ready: () => undefined,
    failed: () => undefined,
    ...overrides,
  };
}

/** Lets promises and Preact's effects run until `check` holds (or fails after ~2 s). */
export async function until(check: () => boolean, what = 'the condition'): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Timed out waiting for ${what}`);
}
