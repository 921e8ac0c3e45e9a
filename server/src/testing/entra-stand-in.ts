import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/**
 * A local stand-in for Microsoft's identity platform, for tests only: it publishes a tenant's
 * OpenID configuration and signing keys (JWKS) at a local address, as login.microsoftonline.com
 * does, and signs tokens shaped like those Teams hands a tab (authentication.getAuthToken) with
 * keys made for the test. Another key pair, never published, signs forgeries.
 */
export interface EntraStandIn {
  tenantId: string;
  /** The v2.0 issuer, https://login.microsoftonline.com/<tenant>/v2.0. */
  issuer: string;
  openIdConfigUrl: string;
  /** How many times the configuration and the key set were read. */
  reads: { configuration: number; keys: number };
  /**
   * Makes the key set fail as Microsoft's can: answer with an HTTP status (503 during an
   * outage), or be unreachable (the connection is dropped before any answer). `{}` serves the
   * keys again.
   */
  breakKeys(how: { status?: number; unreachable?: boolean }): void;
  /** A signed token: the claims given over sensible defaults (one hour from now, this tenant, the tab's scope). */
  token(claims: JWTPayload & { aud: string }, options?: { forged?: boolean; kid?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startEntraStandIn(tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47'): Promise<EntraStandIn> {
  const keys = await generateKeyPair('RS256', { extractable: true });
  const forger = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'test-key-1', use: 'sig', alg: 'RS256' };
  const reads = { configuration: 0, keys: 0 };
  const issuer = `https://login.microsoftonline.com/${tenantId}/v2.0`;
  let origin = '';
  let broken: { status?: number; unreachable?: boolean } = {};
  const server: Server = createServer((req, res) => {
    if (req.url?.endsWith('/.well-known/openid-configuration')) {
      reads.configuration += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issuer, jwks_uri: `${origin}/${tenantId}/discovery/v2.0/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url?.endsWith('/discovery/v2.0/keys')) {
      reads.keys += 1;
      if (broken.unreachable) {
        req.socket.destroy();
        return;
      }
      if (broken.status) {
        res.writeHead(broken.status, { 'content-type': 'text/plain' }).end('Service Unavailable');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const sign = (key: CryptoKey, claims: JWTPayload, kid: string) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: issuer, tid: tenantId, iat: now, nbf: now, exp: now + 3600, ver: '2.0', scp: 'access_as_user', ...claims }).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid }).sign(key);
  };
  return {
    tenantId,
    issuer,
    openIdConfigUrl: `${origin}/${tenantId}/v2.0/.well-known/openid-configuration`,
    reads,
    breakKeys: (how) => {
      broken = how;
    },
    token: (claims, options = {}) => sign(options.forged ? forger.privateKey : keys.privateKey, claims, options.kid ?? 'test-key-1'),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
