import { connect, type Socket } from 'node:net';
import { summarize, type LatencyStats } from '../measure.js';

export interface LoadOptions {
  url: string;
  /** The path of each request; called once per request with its number. */
  path: (n: number) => string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export interface LoadResult extends LatencyStats {
  /** Responses that were not 200, by status. */
  failures: Record<number, number>;
}

/** Where the next response ends in `buffer` (content-length or chunked), or -1 while incomplete. */
function responseEnd(buffer: Buffer): number {
  const headerEnd = buffer.indexOf('\r\n\r\n');
  if (headerEnd < 0) return -1;
  const head = buffer.toString('latin1', 0, headerEnd);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) {
    const end = headerEnd + 4 + Number(length[1]);
    return buffer.length >= end ? end : -1;
  }
  if (!/\r\ntransfer-encoding:\s*chunked/i.test(head)) return headerEnd + 4;
  let at = headerEnd + 4;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return -1;
    const size = Number.parseInt(buffer.toString('latin1', at, lineEnd), 16);
    at = lineEnd + 2 + size + 2;
    if (buffer.length < at) return -1;
    if (size === 0) return at;
  }
}

/** One kept-alive connection sending one request at a time. */
class Client {
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: ((status: number) => void) | null = null;
  private failed: ((error: Error) => void) | null = null;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('error', (error) => this.failed?.(error));
    socket.on('close', () => this.failed?.(new Error('The hub closed the connection')));
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      const end = responseEnd(this.buffer);
      if (end < 0 || !this.waiting) return;
      const status = Number(this.buffer.toString('latin1', 9, 12));
      this.buffer = this.buffer.subarray(end);
      const resolve = this.waiting;
      this.waiting = null;
      this.failed = null;
      resolve(status);
    });
  }

  static open(host: string, port: number): Promise<Client> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port }, () => resolve(new Client(socket)));
      socket.once('error', reject);
    });
  }

  send(request: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failed = reject;
      this.socket.write(request);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

/**
 * Keeps `connections` HTTP/1.1 connections busy with GET requests (each sends its next request
 * when the previous response is complete) for a warm-up, then for `seconds`, and reports
 * throughput and latency. A few dozen lines of sockets instead of a load-testing tool, so the
 * client spends as little CPU as it can next to the server.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const host = url.hostname;
  const port = Number(url.port);
  const extra = Object.entries(options.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  const request = (n: number): string => `GET ${options.path(n)} HTTP/1.1\r\nhost: ${url.host}\r\n${extra}\r\n`;
  const clients = await Promise.all(Array.from({ length: options.connections }, () => Client.open(host, port)));
  const latencies: number[] = [];
  const failures: Record<number, number> = {};
  let counter = 0;
  const start = performance.now() + options.warmupSeconds * 1000;
  const end = start + options.seconds * 1000;
  const loop = async (client: Client): Promise<void> => {
    for (;;) {
      const sent = performance.now();
      if (sent >= end) return;
      const status = await client.send(request(counter++));
      const done = performance.now();
      if (sent < start || done > end) continue;
      latencies.push(done - sent);
      if (status !== 200) failures[status] = (failures[status] ?? 0) + 1;
    }
  };
  try {
    await Promise.all(clients.map(loop));
  } finally {
    for (const client of clients) client.close();
  }
  return { ...summarize(latencies, options.seconds), failures };
}
