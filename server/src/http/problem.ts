import { asCrmError, CrmError, ERROR_TITLES, type ErrorCode } from '@rapport/core';
import type { Problem } from '@rapport/http';

export const STATUS_OF: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

export interface ProblemResponse {
  status: number;
  body: Problem;
  headers: Record<string, string>;
}

/** What the request sent that changes how an error is answered. */
export interface ProblemContext {
  ifMatchSent: boolean;
  /** An Authorization header was sent: a 401 then names the token as invalid (RFC 6750 §3.1). */
  credentialsSent?: boolean;
}

/**
 * The challenge a 401 carries (RFC 6750 §3): the realm alone when no credentials were sent,
 * else error="invalid_token" with the reason, in the characters error_description allows.
 */
function bearerChallenge(detail: string, credentialsSent: boolean): string {
  if (!credentialsSent) return 'Bearer realm="rapport"';
  const description = detail
    .normalize('NFKD')
    .replace(/"/g, "'")
    .replace(/\\/g, '/')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
  return `Bearer realm="rapport", error="invalid_token", error_description="${description}"`;
}

/** The problem+json answer for an error. A failed If-Match is 412; anything unexpected is a 500 with no internals. */
export function toProblem(error: unknown, context: ProblemContext): ProblemResponse {
  const known = error instanceof CrmError;
  const crm = asCrmError(error);
  let status = STATUS_OF[crm.code];
  if (crm.code === 'conflict' && crm.details.reason === 'version_mismatch' && context.ifMatchSent) status = 412;
  if (crm.code === 'invalid_input' && crm.details.reason === 'body_too_large') status = 413;
  if (!known) status = 500;
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' };
  if (status === 401) headers['www-authenticate'] = bearerChallenge(crm.message, context.credentialsSent ?? false);
  if (typeof crm.details.retryAfterMs === 'number') headers['retry-after'] = String(Math.ceil(crm.details.retryAfterMs / 1000));
  const body: Problem = {
    type: `https://rapport.dev/problems/${crm.code}`,
    title: status === 412 ? 'Precondition failed: the record changed' : status === 413 ? 'The request body is too large' : known ? ERROR_TITLES[crm.code] : 'Internal error',
    status,
    detail: known ? crm.message : 'The hub failed unexpectedly. The error is in its log; nothing was half-saved.',
    code: crm.code,
    ...(crm.issues.length > 0 ? { errors: crm.issues } : {}),
    ...(known && Object.keys(crm.details).length > 0 ? { details: crm.details } : {}),
  };
  return { status, body, headers };
}
