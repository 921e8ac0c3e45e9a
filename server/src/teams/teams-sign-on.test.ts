import { readConfig } from '../config.js';
import { createTestHub, startEntraStandIn, type EntraStandIn, type TestHub } from '../testing/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const APP_ID = '3f1e0c7a-5b2d-4c8e-9a61-0d4b7e2f9c15';
const APP_ID_URI = `api://crm.example.com/${APP_ID}`;

/**
 * Teams single sign-on on the REST API, against a local stand-in for Microsoft's identity
 * platform (its OpenID configuration and keys, made in the test): the hub checks signature,
 * issuer, tenant, audience and expiry, and maps the token to a Rapport user.
 */
describe('Teams single sign-on', () => {
  let entra: EntraStandIn;
  let t: TestHub;
  const me = (token: string) => t.hub.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  const claims = (extra: Record<string, unknown> = {}) => ({ aud: APP_ID_URI, oid: 'a1b2c3d4-0000-4000-8000-000000000001', preferred_username: 'Ann@Rapport.test', name: 'Ann', ...extra });

  beforeAll(async () => {
    entra = await startEntraStandIn();
    const config = readConfig({ RAPPORT_SCHEDULER: '0', RAPPORT_PUBLIC_URL: 'https://crm.example.com', TEAMS_APP_ID: APP_ID, TEAMS_TENANT_ID: entra.tenantId, TEAMS_OPENID_CONFIG_URL: entra.openIdConfigUrl });
    t = await createTestHub({ config: { teams: config.teams } });
  });
  afterAll(async () => {
    await t?.hub.close();
    await entra?.close();
  });

  it('signs Ann in by her email the first time, records her Entra object id, and finds her by it afterwards', async () => {
    const first = await me(await entra.token(claims()));
    expect(first.status).toBe(200);
    expect((await first.json()).user).toMatchObject({ email: 'ann@rapport.test', identities: { entraObjectId: 'a1b2c3d4-0000-4000-8000-000000000001' } });
    // Her sign-in name changed in Entra: the object id still finds her.
    const later = await me(await entra.token(claims({ preferred_username: 'ann.lee@newname.example' })));
    expect((await later.json()).user.email).toBe('ann@rapport.test');
  });

  it('accepts a v2.0 token whose audience is the client id, and reads the keys once for many requests', async () => {
    const reads = entra.reads.configuration;
    for (let i = 0; i < 3; i += 1) expect((await me(await entra.token(claims({ aud: APP_ID })))).status).toBe(200);
    expect(entra.reads.configuration).toBe(reads);
  });

  it.each([
    ['another app', { aud: 'api://crm.example.com/00000000-0000-0000-0000-000000000000' }, {}, /for another app/],
    ['another tenant', { tid: '11111111-2222-3333-4444-555555555555', iss: 'https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0' }, {}, /another issuer or tenant/],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200, nbf: Math.floor(Date.now() / 1000) - 7200 }, {}, /expired/],
    ['a forged signature', {}, { forged: true }, /could not be verified/],
    ['a token for another scope of the app', { scp: 'User.Read' }, {}, /needs access_as_user/],
    ['an app-only token (no delegated scope)', { scp: undefined, roles: ['Reports.Read'] }, {}, /needs access_as_user/],
  ])('refuses %s with 401 and says why', async (_what, extra, options, message) => {
    const response = await me(await entra.token(claims(extra), options));
    expect(response.status).toBe(401);
    const problem = await response.json();
    expect(problem.code).toBe('unauthenticated');
    expect(problem.detail).toMatch(message);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="rapport", error="invalid_token", error_description="[\x20\x21\x23-\x5b\x5d-\x7e]+"$/);
  });

  it('takes a token a minute past its expiry (clocks a little apart), not two', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await me(await entra.token(claims({ exp: now - 30 })))).status).toBe(200);
    expect((await me(await entra.token(claims({ exp: now - 120 })))).status).toBe(401);
  });

  it('tells a Microsoft user Rapport does not know that an admin must add them', async () => {
    const response = await me(await entra.token(claims({ oid: 'ffffffff-0000-4000-8000-000000000009', preferred_username: 'zoe@rapport.test' })));
    expect(response.status).toBe(403);
    const problem = await response.json();
    expect(problem.details).toMatchObject({ reason: 'not_a_user', email: 'zoe@rapport.test' });
    expect(problem.detail).toContain('rapport user add --email zoe@rapport.test');
  });

  it('still takes personal access tokens', async () => {
    expect((await t.request('mia', 'GET', '/api/v1/me')).status).toBe(200);
  });
});

describe('Teams sign-on while Microsoft cannot give the keys', () => {
  it.each([
    ['answers 503', { status: 503 }, /Microsoft's sign-in keys .*answered 503/],
    ['cannot be reached', { unreachable: true }, /Microsoft's sign-in keys could not be read/],
  ])('answers 503 saying so when the key set %s, and logs a warning without a stack', async (_what, how, message) => {
    const entra = await startEntraStandIn();
    const logged: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
    const record = (level: string) => (message: string, fields?: Record<string, unknown>) => logged.push({ level, message, ...(fields ? { fields } : {}) });
    const logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
    const config = readConfig({ RAPPORT_SCHEDULER: '0', RAPPORT_PUBLIC_URL: 'https://crm.example.com', TEAMS_APP_ID: APP_ID, TEAMS_TENANT_ID: entra.tenantId, TEAMS_OPENID_CONFIG_URL: entra.openIdConfigUrl });
    const t = await createTestHub({ config: { teams: config.teams }, logger });
    try {
      entra.breakKeys(how);
      const token = await entra.token({ aud: APP_ID_URI, oid: 'a1b2c3d4-0000-4000-8000-000000000001', preferred_username: 'ann@rapport.test' });
      const response = await t.hub.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(503);
      expect(response.headers.get('www-authenticate')).toBeNull();
      const problem = await response.json();
      expect(problem).toMatchObject({ code: 'unavailable', detail: expect.stringMatching(message) });
      expect(logged.filter((l) => l.level === 'error')).toEqual([]);
      expect(logged.filter((l) => l.level === 'warn')).toEqual([{ level: 'warn', message: 'request refused: unavailable', fields: expect.objectContaining({ detail: problem.detail }) }]);
      expect(JSON.stringify(logged)).not.toMatch(/\n\s+at /);

      entra.breakKeys({});
      const later = await t.hub.app.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
      expect(later.status).toBe(200);
    } finally {
      await t.hub.close();
      await entra.close();
    }
  });
});

describe('Teams sign-on off', () => {
  it('refuses a Microsoft token when no tenant is configured, as any unknown bearer', async () => {
    const entra = await startEntraStandIn();
    const t = await createTestHub();
    try {
      const response = await t.hub.app.request('/api/v1/me', { headers: { authorization: `Bearer ${await entra.token({ aud: APP_ID_URI, oid: 'x', preferred_username: 'ann@rapport.test' })}` } });
      expect(response.status).toBe(401);
    } finally {
      await t.hub.close();
      await entra.close();
    }
  });
});
