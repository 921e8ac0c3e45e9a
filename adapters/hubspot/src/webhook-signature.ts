import { createHmac, timingSafeEqual } from 'node:crypto';
import { CrmError } from '@rapport/core';

/**
 * HubSpot's v3 request signature: base64 of HMAC-SHA256, keyed with the app's client secret,
 * of method + URI + body + timestamp, sent as `X-HubSpot-Signature-v3` with the timestamp (ms)
 * in `X-HubSpot-Request-Timestamp`. A request older than five minutes is refused.
 */
export const MAX_WEBHOOK_AGE_MS = 5 * 60 * 1000;

/** HubSpot signs the URI with these characters decoded. */
const DECODED: Record<string, string> = { '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$', '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';' };

const decodeUri = (uri: string): string => uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (match) => DECODED[match.toUpperCase()] ?? match);

export function signV3(secret: string, method: string, uri: string, body: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${method}${decodeUri(uri)}${body}${timestamp}`, 'utf8').digest('base64');
}

export interface SignedRequest {
  method: string;
  uri: string;
  body: string;
  headers: Record<string, string | undefined>;
}

const header = (headers: Record<string, string | undefined>, name: string): string | undefined =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];

/** Throws `unauthenticated` unless the request carries a valid v3 signature made within five minutes of `now`. */
export function verifyV3(secret: string, request: SignedRequest, now: number): void {
  const signature = header(request.headers, 'x-hubspot-signature-v3');
  const timestamp = header(request.headers, 'x-hubspot-request-timestamp');
  if (!signature || !timestamp) throw new CrmError('unauthenticated', 'This webhook has no HubSpot v3 signature (X-HubSpot-Signature-v3 and X-HubSpot-Request-Timestamp).');
  const sentAt = Number(timestamp);
  if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > MAX_WEBHOOK_AGE_MS) {
    throw new CrmError('unauthenticated', 'This webhook is older than five minutes (or its timestamp is not one): it is refused.');
  }
  const expected = Buffer.from(signV3(secret, request.method.toUpperCase(), request.uri, request.body, timestamp));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new CrmError('unauthenticated', 'This webhook’s HubSpot signature does not match: check the app’s client secret.');
  }
}
