import { CrmError } from '@rapport/core';
import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload } from 'jose';

/** What the hub needs to check a Teams single sign-on token. */
export interface EntraSettings {
  /** The app registration's Application (client) ID. */
  appId: string;
  /** Its Application ID URI (api://host/<client id>): the audience of v1.0 tokens. */
  appIdUri: string;
  tenantId: string;
  /** The tenant's OpenID configuration document: its `issuer` and `jwks_uri`. */
  openIdConfigUrl: string;
}

/** The person a verified token names. */
export interface EntraIdentity {
  /** The user's object id in the tenant (`oid`). */
  objectId: string;
  tenantId: string;
  /** `preferred_username`, `upn` or `email`, whichever the token carries first; null without one. */
  email: string | null;
  name: string | null;
}

/** The delegated scope the app registration exposes, and Teams asks for on the tab's behalf. */
export const TAB_SCOPE = 'access_as_user';

/** Seconds either side of `exp` and `nbf` a token is still taken, for clocks a little apart. */
export const CLOCK_SKEW_SECONDS = 60;
/** How long the issuer and the key set location are kept before the configuration is read again. */
const DISCOVERY_TTL_MS = 24 * 3_600_000;
/** After a failed read of the configuration, the next request tries again, but not sooner than this. */
const RETRY_AFTER_FAILURE_MS = 5_000;

interface Discovery {
  issuers: string[];
  keys: ReturnType<typeof createRemoteJWKSet>;
}

const refused = (message: string): CrmError => new CrmError('unauthenticated', `${message} Close and reopen the tab in Teams to sign in again.`);

/**
 * Reads the tenant's key set for jose, turning a failing key endpoint into a 503 that says so:
 * jose itself reports an answer other than 200 like a bad token.
 */
const readKeys = async (url: string, init: RequestInit): Promise<Response> => {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') throw error; // jose reports it as JWKSTimeout
    throw new CrmError('unavailable', `Microsoft's sign-in keys could not be read from ${url} (${describeFetchFailure(error)}). Try again shortly.`, { cause: error });
  }
  if (response.status !== 200) {
    throw new CrmError('unavailable', `Microsoft's sign-in keys at ${url} answered ${response.status} instead of the key set. Try again shortly.`);
  }
  return response;
};

const describeFetchFailure = (error: unknown): string => {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
};

/** Is this bearer shaped like a JWT (three base64url parts)? Personal tokens (rpt_…) are not. */
export const looksLikeJwt = (token: string): boolean => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/**
 * Verifies the tokens Teams hands the tab (authentication.getAuthToken): RS256 signatures from
 * the tenant's published keys (fetched from its OpenID configuration and cached, refetched when
 * a token names a key not seen yet), the issuer of the configured tenant (v2.0, or v1.0's
 * sts.windows.net form), the audience (the Application ID URI, or the client id in v2.0
 * tokens), the tenant id, the delegated scope the tab asks for (`scp` holds access_as_user: an
 * app-only token or one made for another scope of the same app is refused), and expiry and
 * not-before with a small clock skew.
 */
export class EntraTokenVerifier {
  private discovery: Promise<Discovery> | null = null;
  private discoveredAt = 0;
  private failedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly settings: EntraSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify(token: string): Promise<EntraIdentity> {
    const { issuers, keys } = await this.discover();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: issuers,
        audience: [this.settings.appIdUri, this.settings.appId],
        algorithms: ['RS256'],
        clockTolerance: CLOCK_SKEW_SECONDS,
        currentDate: this.now(),
        requiredClaims: ['exp', 'iss', 'aud'],
      }));
    } catch (error) {
      throw this.explain(error);
    }
    const tid = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : null;
    if (tid !== this.settings.tenantId) throw refused(`This Microsoft sign-in is for another organisation (tenant ${tid ?? 'unknown'}); this hub accepts tenant ${this.settings.tenantId}.`);
    if (typeof payload.oid !== 'string' || payload.oid.length === 0) throw refused('The Microsoft sign-in names no user (no oid claim).');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(TAB_SCOPE)) {
      throw refused(`This Microsoft sign-in was not made for the tab (its scopes are "${scopes.join(' ')}"; the hub needs ${TAB_SCOPE}). Check that the app registration exposes the ${TAB_SCOPE} scope and the Teams app names it.`);
    }
    const email = [payload.preferred_username, payload.upn, payload.email].find((v): v is string => typeof v === 'string' && v.includes('@')) ?? null;
    return { objectId: payload.oid.toLowerCase(), tenantId: tid, email: email?.toLowerCase() ?? null, name: typeof payload.name === 'string' ? payload.name : null };
  }

  private explain(error: unknown): CrmError {
    if (error instanceof CrmError) return error;
    if (error instanceof errors.JWTExpired) return refused('Your Microsoft sign-in has expired.');
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === 'aud') return refused(`This Microsoft sign-in is for another app; the hub expects ${this.settings.appIdUri}.`);
      if (error.claim === 'iss') return refused(`This Microsoft sign-in comes from another issuer or tenant; the hub accepts tenant ${this.settings.tenantId}.`);
      if (error.claim === 'nbf') return refused('This Microsoft sign-in is not valid yet (check the clocks).');
      return refused(`The Microsoft sign-in was refused: ${error.message}.`);
    }
    if (error instanceof errors.JWKSTimeout) return new CrmError('unavailable', `Microsoft's sign-in keys could not be read in time from ${this.settings.openIdConfigUrl}. Try again shortly.`);
    if (error instanceof errors.JOSEError) return refused('The Microsoft sign-in could not be verified (not signed by the tenant\'s keys, or not a valid token).');
    return new CrmError('unavailable', `Microsoft's sign-in keys could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }

  private discover(): Promise<Discovery> {
    const at = this.now().getTime();
    // Read again after a day: a tenant may move its keys' address.
    if (this.discovery && at - this.discoveredAt < DISCOVERY_TTL_MS) return this.discovery;
    if (at - this.failedAt < RETRY_AFTER_FAILURE_MS) {
      return Promise.reject(new CrmError('unavailable', `The hub could not read the OpenID configuration at ${this.settings.openIdConfigUrl} a moment ago. Try again shortly.`));
    }
    const reading = this.readConfiguration();
    this.discovery = reading;
    this.discoveredAt = at;
    reading.catch(() => {
      this.failedAt = this.now().getTime();
      if (this.discovery === reading) this.discovery = null;
    });
    return reading;
  }

  private async readConfiguration(): Promise<Discovery> {
    const url = this.settings.openIdConfigUrl;
    let document: { issuer?: unknown; jwks_uri?: unknown };
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(5_000) });
      if (!response.ok) throw new Error(`it answered ${response.status}`);
      document = (await response.json()) as typeof document;
    } catch (error) {
      throw new CrmError('unavailable', `The hub cannot read the OpenID configuration at ${url} (${error instanceof Error ? error.message : String(error)}). Check TEAMS_OPENID_CONFIG_URL and the hub's network.`, { cause: error });
    }
    if (typeof document.issuer !== 'string' || typeof document.jwks_uri !== 'string') {
      throw new CrmError('unavailable', `The OpenID configuration at ${url} names no issuer or jwks_uri. Check TEAMS_OPENID_CONFIG_URL.`);
    }
    const tenant = this.settings.tenantId;
    // Multi-tenant documents (…/common/…) name the issuer with a {tenantid} placeholder.
    const issuer = document.issuer.replace('{tenantid}', tenant);
    const keys = createRemoteJWKSet(new URL(document.jwks_uri), { cacheMaxAge: DISCOVERY_TTL_MS, cooldownDuration: 30_000, timeoutDuration: 5_000, [customFetch]: readKeys });
    return { issuers: [issuer, `https://sts.windows.net/${tenant}/`], keys };
  }
}
