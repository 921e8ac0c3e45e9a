import { serve, type ServerType } from '@hono/node-server';
import type { HubConfig } from '../config.js';

/** The address people use for a listening hub: `localhost` for the wildcard interfaces, brackets around IPv6. */
export function addressUrl(config: Pick<HubConfig, 'host'>, port: number): string {
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Serves `fetch` on the configured host and port; resolves with the address once listening. */
export function listenOn(fetch: (request: Request) => Response | Promise<Response>, config: Pick<HubConfig, 'host' | 'port'>, started: (server: ServerType) => void): Promise<{ url: string; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host }, (info) => resolve({ url: addressUrl(config, info.port), port: info.port }));
    server.once('error', reject);
    started(server);
  });
}

/** Stops taking requests and drops kept-alive connections. */
export async function closeServer(server: ServerType | null): Promise<void> {
  if (!server) return;
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}
