import { CrmError } from '@rapport/core';
import type { MiddlewareHandler } from 'hono';
import type { HubEnv } from './hub-env.js';

/** Past this much of an oversized body the hub stops reading it and closes the connection after answering. */
const DRAIN_FACTOR = 16;

/**
 * Refuses a request body larger than `maxBytes` with 413, whether its length is announced or
 * it arrives in chunks. The rest of the refused body is read and dropped, so a kept-alive
 * connection stays usable for the client's next request; a body too big to be worth reading
 * (over 16 times the limit) is answered with `Connection: close` and the connection is closed
 * once answered, never reset under the client.
 */
export function limitBody(maxBytes: number): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    // GET and HEAD carry no body; asking for one would build the whole fetch Request of a request that does not need it.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const body = c.req.raw.body;
    if (!body) return next();
    const length = c.req.header('content-length');
    const announced = length !== undefined && c.req.header('transfer-encoding') === undefined ? Number(length) : Number.NaN;
    // A body whose announced length fits cannot grow past it: HTTP framing ends it there.
    if (Number.isFinite(announced) && announced <= maxBytes) return next();
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(announced);
    for (;;) {
      if (tooLarge && size > maxBytes * DRAIN_FACTOR) {
        c.header('Connection', 'close');
        break;
      }
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxBytes) tooLarge = true;
      if (!tooLarge) chunks.push(value);
    }
    if (tooLarge) {
      throw new CrmError('invalid_input', `The request body is larger than ${maxBytes / 1024} KB. Send less at once.`, { details: { reason: 'body_too_large', limitBytes: maxBytes } });
    }
    c.req.raw = new Request(c.req.raw, { body: Buffer.concat(chunks) });
    return next();
  };
}
