import { createHash } from 'node:crypto';
import { CrmError, IDEMPOTENCY_IN_PROGRESS, invalidInput, type IdempotencyRecord, type Store } from '@rapport/core';
import type { AnyRoute } from '@rapport/http';
import type { MiddlewareHandler } from 'hono';
import { etagOf } from './etag.js';
import type { HttpDeps, HubEnv } from './hub-env.js';

const MAX_KEY_LENGTH = 200;
/** A reservation older than this belongs to a request that died (a crashed hub): it may be taken over. */
const ABANDONED_AFTER_MS = 60_000;

/**
 * Honours an Idempotency-Key on a POST. The key is reserved before the request runs, so two
 * copies sent at once never both run: the second is told to retry. The first response (a
 * success or a client error) is kept for 24 hours and replayed to a repeat, which changes
 * nothing. A key reused for a different request is refused. When the request fails on the
 * hub's side the reservation is dropped, so the client can simply retry. A replayed success
 * carries the first answer's ETag.
 */
export function idempotency(deps: HttpDeps, route: AnyRoute): MiddlewareHandler<HubEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw invalidInput(`Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters.`, [{ path: 'Idempotency-Key', message: 'Bad length.' }]);
    }
    const userId = c.get('actor').user.id;
    const body = await c.req.text();
    const fingerprint = `${c.req.method} ${c.req.path} ${createHash('sha256').update(body).digest('hex')}`;
    const reservation: IdempotencyRecord = { userId, key, fingerprint, status: IDEMPOTENCY_IN_PROGRESS, body: '', createdAt: new Date().toISOString() };

    const seen = await reserve(deps.store, reservation);
    if (seen) return replay(seen, fingerprint, route);

    try {
      await next();
    } catch (error) {
      await deps.store.transaction((uow) => uow.idempotency.release(userId, key));
      throw error;
    }
    const status = c.res.status;
    if (status >= 500) {
      await deps.store.transaction((uow) => uow.idempotency.release(userId, key));
      return;
    }
    const text = await c.res.clone().text();
    await deps.store.transaction((uow) => uow.idempotency.complete(userId, key, status, text));
  };
}

/** Reserves the key; returns the record already there when another request holds or answered it. */
async function reserve(store: Store, reservation: IdempotencyRecord): Promise<IdempotencyRecord | null> {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      await store.transaction((uow) => uow.idempotency.put(reservation));
      return null;
    } catch (error) {
      if (!(error instanceof CrmError && error.code === 'conflict')) throw error;
    }
    const seen = await store.read((uow) => uow.idempotency.get(reservation.userId, reservation.key));
    if (!seen) continue; // released meanwhile: try to reserve again
    const abandoned = seen.status === IDEMPOTENCY_IN_PROGRESS && Date.parse(seen.createdAt) < Date.now() - ABANDONED_AFTER_MS;
    if (!abandoned) return seen;
    await store.transaction((uow) => uow.idempotency.release(reservation.userId, reservation.key));
  }
  throw new CrmError('conflict', 'Another request with this Idempotency-Key is being processed. Retry in a moment.', { details: { reason: 'idempotency_in_progress', retryAfterMs: 1000 } });
}

function replay(seen: IdempotencyRecord, fingerprint: string, route: AnyRoute): Response {
  if (seen.fingerprint !== fingerprint) {
    throw new CrmError('conflict', 'This Idempotency-Key was used for a different request. Use a new key for a new request.', { details: { reason: 'idempotency_key_reused' } });
  }
  if (seen.status === IDEMPOTENCY_IN_PROGRESS) {
    throw new CrmError('conflict', 'The first request with this Idempotency-Key is still being processed. Retry in a moment.', { details: { reason: 'idempotency_in_progress', retryAfterMs: 1000 } });
  }
  const headers: Record<string, string> = { 'content-type': seen.status >= 400 ? 'application/problem+json' : 'application/json', 'idempotent-replayed': 'true' };
  const etag = seen.status < 400 ? etagOf(route, parseStored(seen.body)) : undefined;
  if (etag) headers.etag = etag;
  return new Response(seen.body, { status: seen.status, headers });
}

function parseStored(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}
