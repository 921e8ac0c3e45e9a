import { createHash } from 'node:crypto';
import { CrmError, invalidInput } from '@rapport/core';
import type { MiddlewareHandler } from 'hono';
import type { HttpDeps, HubEnv } from './hub-env.js';

const MAX_KEY_LENGTH = 200;

/**
 * Honours an Idempotency-Key on a POST: the first response (success or a client error) is
 * kept for 24 hours, and the same request sent again with the same key gets that response
 * back without doing anything. A key reused for a different request is refused.
 */
export function idempotency(deps: HttpDeps): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw invalidInput(`Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters.`, [{ path: 'Idempotency-Key', message: 'Bad length.' }]);
    }
    const userId = c.get('actor').user.id;
    const body = await c.req.text();
    const fingerprint = `${c.req.method} ${c.req.path} ${createHash('sha256').update(body).digest('hex')}`;
    const seen = await deps.store.read((uow) => uow.idempotency.get(userId, key));
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        throw new CrmError('conflict', 'This Idempotency-Key was used for a different request. Use a new key for a new request.', { details: { reason: 'idempotency_key_reused' } });
      }
      return new Response(seen.body, {
        status: seen.status,
        headers: { 'content-type': seen.status >= 400 ? 'application/problem+json' : 'application/json', 'idempotent-replayed': 'true' },
      });
    }
    await next();
    const status = c.res.status;
    if (status >= 500) return;
    const text = await c.res.clone().text();
    try {
      await deps.store.transaction((uow) => uow.idempotency.put({ userId, key, fingerprint, status, body: text, createdAt: new Date().toISOString() }));
    } catch (error) {
      // The same key raced in from a second request: the first stored answer stands.
      if (!(error instanceof CrmError && error.code === 'conflict')) throw error;
    }
  };
}
