import { CrmError } from '@rapport/core';

/**
 * HubSpot's REST API over fetch: bearer token, JSON, its error bodies
 * (`{status, message, correlationId, category}`) turned into CrmError, `429` obeyed by waiting
 * for `Retry-After`, and requests spread so that no 10-second window holds more than the
 * documented limit (100 for a private app on Free and Starter portals).
 */
export interface HubSpotClientOptions {
  token: string;
  /** `https://api.hubapi.com` unless set (tests point it at the stand-in). */
  basePath?: string;
  /** Requests per 10 seconds this client allows itself. Default 100. */
  requestsPer10s?: number;
  /** How many times a `429` is waited out before the error is given up. Default 5. */
  maxRetries?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export const HUBSPOT_API = 'https://api.hubapi.com';
const WINDOW_MS = 10_000;

interface HubSpotErrorBody { message?: string; category?: string; correlationId?: string }

export class HubSpotClient {
  private readonly basePath: string;
  private readonly limit: number;
  private readonly maxRetries: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly sent: number[] = [];
  /** How many times this client waited for a `429` (for sync status and tests). */
  rateLimitedCount = 0;

  constructor(private readonly options: HubSpotClientOptions) {
    this.basePath = (options.basePath ?? HUBSPOT_API).replace(/\/+$/, '');
    this.limit = options.requestsPer10s ?? 100;
    this.maxRetries = options.maxRetries ?? 5;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      await this.takeSlot();
      let response: Response;
      try {
        response = await fetch(`${this.basePath}${path}`, {
          method,
          headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json', accept: 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (error) {
        throw new CrmError('unavailable', `HubSpot cannot be reached (${(error as Error).message}); the sync will try again.`, { cause: error });
      }
      if (response.status === 429 && attempt < this.maxRetries) {
        this.rateLimitedCount += 1;
        await this.sleep(retryAfterMs(response.headers.get('retry-after')));
        continue;
      }
      if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
      throw toCrmError(response.status, (await response.json().catch(() => ({}))) as HubSpotErrorBody, response.headers.get('retry-after'));
    }
  }

  /** Waits until sending one more request keeps the last 10 seconds within the limit. */
  private async takeSlot(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.sent.length > 0 && (this.sent[0] ?? 0) <= now - WINDOW_MS) this.sent.shift();
      if (this.sent.length < this.limit) {
        this.sent.push(now);
        return;
      }
      await this.sleep((this.sent[0] ?? now) + WINDOW_MS - now);
    }
  }
}

const retryAfterMs = (header: string | null): number => {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
};

function toCrmError(status: number, body: HubSpotErrorBody, retryAfter: string | null): CrmError {
  const said = body.message ?? `HubSpot answered ${status}.`;
  const details = { status, category: body.category ?? null, correlationId: body.correlationId ?? null };
  if (status === 401) return new CrmError('unauthenticated', `HubSpot refused the token (${said}). Connect again with \`rapport connect hubspot --token …\`.`, { details });
  if (status === 403) return new CrmError('forbidden', `HubSpot refused access (${said}): the private app needs the scopes listed in the README.`, { details });
  if (status === 404) return new CrmError('not_found', `HubSpot has no such record (${said}).`, { details });
  if (status === 429) return new CrmError('rate_limited', `HubSpot's rate limit was reached (${said}).`, { details: { ...details, retryAfterMs: retryAfterMs(retryAfter) } });
  if (status >= 400 && status < 500) return new CrmError('invalid_input', `HubSpot refused the change: ${said}`, { details });
  return new CrmError('unavailable', `HubSpot is failing (${said}); the sync will try again.`, { details });
}
