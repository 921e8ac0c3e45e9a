import { request as httpRequest, Agent } from 'node:http';
import { summarize, type LatencyStats } from '../measure.js';

export interface PostLoadOptions {
  url: string;
  path: string;
  /** The body and headers of request number n. */
  request: (n: number) => { body: string; headers: Record<string, string> };
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Called with the request number and the time it was sent, for latencies measured elsewhere. */
  onSent?: (n: number, sentAt: number, measured: boolean) => void;
  /** Awaited after each response before the connection sends again (a person reading the answer); not part of the latency. */
  afterResponse?: (n: number) => Promise<void>;
}

export interface PostLoadResult extends LatencyStats {
  failures: Record<number, number>;
}

/**
 * Keeps `connections` kept-alive connections busy with POST requests, each sending its next
 * request when the previous response is complete: a warm-up, then `seconds` measured.
 */
export async function runPostLoad(options: PostLoadOptions): Promise<PostLoadResult> {
  const target = new URL(options.path, options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  const failures: Record<number, number> = {};
  let counter = 0;
  const start = performance.now() + options.warmupSeconds * 1000;
  const end = start + options.seconds * 1000;
  const post = (n: number): Promise<number> => {
    const { body, headers } = options.request(n);
    return new Promise((resolve, reject) => {
      const req = httpRequest(target, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  };
  const loop = async (): Promise<void> => {
    for (;;) {
      const sent = performance.now();
      if (sent >= end) return;
      const n = counter++;
      const measured = sent >= start;
      options.onSent?.(n, sent, measured);
      const status = await post(n);
      const done = performance.now();
      if (measured && done <= end) {
        latencies.push(done - sent);
        if (status !== 200) failures[status] = (failures[status] ?? 0) + 1;
      }
      await options.afterResponse?.(n);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, loop));
  } finally {
    agent.destroy();
  }
  return { ...summarize(latencies, options.seconds), failures };
}
