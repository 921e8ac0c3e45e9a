import { createHmac } from 'node:crypto';

/** The headers Slack sends with a request: a v0 HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret. */
export function slackSignature(secret: string, body: string, timestampSec: number): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestampSec), 'x-slack-signature': signature };
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** A form-encoded request as Slack sends slash commands (fields) and interactions (`payload=<json>`), signed. */
export function signedForm(secret: string, fields: Record<string, string>, timestampSec = Math.floor(Date.now() / 1000)): SignedRequest {
  const body = new URLSearchParams(fields).toString();
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(secret, body, timestampSec) } };
}

/** A JSON request as Slack sends Events API deliveries, signed. */
export function signedJson(secret: string, payload: unknown, timestampSec = Math.floor(Date.now() / 1000)): SignedRequest {
  const body = JSON.stringify(payload);
  return { body, headers: { 'content-type': 'application/json', ...slackSignature(secret, body, timestampSec) } };
}
