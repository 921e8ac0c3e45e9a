import { describe, expect, it } from 'vitest';
import { signV3, verifyV3 } from './webhook-signature.js';

const secret = 'app-client-secret';
const now = Date.parse('2026-03-02T09:00:00.000Z');
const body = '[{"eventId":1,"subscriptionType":"deal.propertyChange","objectId":42}]';
const uri = 'https://hub.example.com/api/v1/connectors/hubspot/webhooks';

const signed = (timestamp: number, overrides: { body?: string; signature?: string } = {}) => ({
  method: 'POST',
  uri,
  body: overrides.body ?? body,
  headers: {
    'X-HubSpot-Signature-v3': overrides.signature ?? signV3(secret, 'POST', uri, body, String(timestamp)),
    'X-HubSpot-Request-Timestamp': String(timestamp),
  },
});

describe('HubSpot v3 webhook signatures', () => {
  it('accepts a request signed with the secret within five minutes', () => {
    expect(() => verifyV3(secret, signed(now - 60_000), now)).not.toThrow();
  });

  it('refuses a changed body, another secret, a missing header and an old timestamp', () => {
    expect(() => verifyV3(secret, signed(now, { body: body.replace('42', '43') }), now)).toThrow(/does not match/);
    expect(() => verifyV3('another-secret', signed(now), now)).toThrow(/does not match/);
    expect(() => verifyV3(secret, { method: 'POST', uri, body, headers: {} }, now)).toThrow(/no HubSpot v3 signature/);
    expect(() => verifyV3(secret, signed(now - 6 * 60_000), now)).toThrow(/older than five minutes/);
  });

  it('signs the URI with reserved characters decoded, as HubSpot does', () => {
    const encoded = 'https://hub.example.com/hooks%3Fportal%3D1';
    expect(signV3(secret, 'POST', encoded, '', '1')).toBe(signV3(secret, 'POST', 'https://hub.example.com/hooks?portal%3D1', '', '1'));
  });
});
