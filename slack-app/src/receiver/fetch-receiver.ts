import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { isValidSlackRequest } from '@slack/bolt';
import type { SlackLogger } from '../logger.js';

export interface FetchReceiverOptions {
  signingSecret: string;
  logger: SlackLogger;
  /**
   * How long a request may wait for its listener's ack before the receiver answers anyway
   * (Slack gives up after 3 s and shows the person an error).
   */
  ackTimeoutMs?: number;
  /** For signature freshness checks; the system clock by default. */
  nowMs?: () => number;
}

const MAX_BODY_BYTES = 1024 * 1024;

const text = (status: number, body: string): Response => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * A Bolt receiver for a web-standard `fetch` handler (Request → Response), so the Slack app
 * can be mounted in the hub's HTTP app or served on its own. Bolt checks each request's
 * signature (a stale, tampered or missing one is answered 401 and goes no further). The
 * response is sent as soon as the listener acks; the listener's slower work goes on after.
 */
export class FetchReceiver implements Receiver {
  private app: App | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly ackTimeoutMs: number;
  private readonly nowMs: () => number;

  constructor(private readonly options: FetchReceiverOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 2500;
    this.nowMs = options.nowMs ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  /** Waits for listeners still working after their ack. */
  async stop(): Promise<void> {
    await this.idle();
  }

  /** Resolves once no listener is working in the background (tests wait on it instead of on time). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    if (request.method !== 'POST') return text(405, 'Slack sends POST requests here.');
    if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return text(413, 'Request body too large.');
    const rawBody = await request.text();
    const signature = request.headers.get('x-slack-signature') ?? '';
    const timestamp = Number(request.headers.get('x-slack-request-timestamp') ?? Number.NaN);
    const valid = isValidSlackRequest({
      signingSecret: this.options.signingSecret,
      body: rawBody,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds: this.nowMs(),
    });
    if (!valid) {
      this.options.logger.warn('refused a Slack request with a missing, stale or wrong signature', { hasSignature: signature !== '' });
      return text(401, 'Invalid request signature.');
    }
    const body = parseBody(rawBody, request.headers.get('content-type') ?? '');
    if (!body) return text(400, 'Unreadable request body.');
    if (body.ssl_check !== undefined) return text(200, '');
    if (body.type === 'url_verification') return Response.json({ challenge: body.challenge });
    return this.dispatch(body, request.headers);
  };

  private async dispatch(body: Record<string, unknown>, headers: Headers): Promise<Response> {
    const app = this.app;
    if (!app) return text(503, 'The Slack app is starting.');
    let acked = false;
    let settle: (response: Response) => void = () => {};
    const answered = new Promise<Response>((resolve) => {
      settle = resolve;
    });
    const retryNum = headers.get('x-slack-retry-num');
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        if (response === undefined || response === null || response === '') settle(text(200, ''));
        else if (typeof response === 'string') settle(text(200, response));
        else settle(Response.json(response));
      },
      ...(retryNum !== null ? { retryNum: Number(retryNum) } : {}),
      ...(headers.get('x-slack-retry-reason') ? { retryReason: headers.get('x-slack-retry-reason') ?? '' } : {}),
    };
    const work = app
      .processEvent(event)
      .catch((error: unknown) => this.options.logger.error('a Slack listener failed', { error: error instanceof Error ? error.stack : String(error) }))
      .then(() => {
        if (!acked) settle(text(404, 'Nothing here handles that request.'));
      });
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    const timer = setTimeout(() => {
      if (acked) return;
      acked = true;
      this.options.logger.warn('a Slack listener did not ack in time; answered without it', { type: body.type });
      settle(text(200, ''));
    }, this.ackTimeoutMs);
    try {
      return await answered;
    } finally {
      clearTimeout(timer);
    }
  }
}

function parseBody(raw: string, contentType: string): Record<string, unknown> | null {
  try {
    if (contentType.includes('application/x-www-form-urlencoded')) {
      const params = new URLSearchParams(raw);
      const payload = params.get('payload');
      if (payload !== null) return asObject(JSON.parse(payload));
      return Object.fromEntries(params.entries());
    }
    return asObject(JSON.parse(raw));
  } catch {
    return null;
  }
}

const asObject = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
