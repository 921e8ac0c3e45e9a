import { recordEvent } from '../events/record-event.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { CrmError, forbidden, invalidInput, notFound } from '../shared/errors.js';
import { DisplayName } from '../shared/schema.js';
import { parseInput } from '../shared/validate.js';
import type { AccessToken } from './token.schema.js';
import type { User } from './user.schema.js';
import { markCredentialsChanged } from './credentials-generation.js';
import { requireUser } from './user.service.js';

interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
  subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> };
}

const webCrypto = (): WebCrypto => (globalThis as unknown as { crypto: WebCrypto }).crypto;

export const TOKEN_PREFIX = 'rpt_';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** lastUsedAt is written at most this often, so authenticating stays a read. */
const LAST_USED_GRANULARITY_MS = 5 * 60_000;

export async function hashToken(secret: string): Promise<string> {
  const digest = await webCrypto().subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 40 symbols drawn uniformly from 62 (bytes ≥ 248 are skipped): about 238 bits. */
function newSecret(): string {
  let body = '';
  while (body.length < 40) {
    for (const byte of webCrypto().getRandomValues(new Uint8Array(48))) {
      if (byte < 248 && body.length < 40) body += ALPHABET[byte % 62];
    }
  }
  return TOKEN_PREFIX + body;
}

/** Personal access tokens: shown once, stored as a SHA-256 hash, revocable. */
export class TokenService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Creates a token for `userId` (themselves, or anyone for an admin or the hub's CLI). */
  async create(actor: Actor | null, userId: string, name: string, expiresAt: string | null = null): Promise<{ token: AccessToken; secret: string }> {
    const tokenName = parseInput(DisplayName(100), name, 'token name');
    const now = this.deps.clock.now().toISOString();
    const expiry = expiresAt === null ? null : Date.parse(expiresAt);
    if (expiry !== null && Number.isNaN(expiry)) throw invalidInput(`The expiry ${expiresAt} is not a date-time such as 2027-01-31T00:00:00Z.`, [{ path: 'expiresAt', message: 'Not a date-time.' }]);
    if (expiry !== null && expiry <= Date.parse(now)) {
      throw invalidInput(`The token would already have expired (${expiresAt}); give an expiry after now (${now}).`, [{ path: 'expiresAt', message: 'Must be in the future.' }]);
    }
    if (actor && actor.user.id !== userId && actor.user.role !== 'admin') throw forbidden('You can create tokens for yourself only.');
    const secret = newSecret();
    const tokenHash = await hashToken(secret);
    return this.deps.store.transaction(async (uow) => {
      await requireUser(uow, userId);
      const token: AccessToken = {
        id: this.deps.ids.next('token'),
        userId,
        name: tokenName,
        tokenHash,
        prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
        createdAt: now,
        lastUsedAt: null,
        expiresAt: expiry === null ? null : new Date(expiry).toISOString(),
        revokedAt: null,
      };
      await uow.tokens.insert(token);
      await recordEvent(uow, this.deps, actor, { type: 'token.created', entityType: 'token', entityId: token.id, after: { ...token, tokenHash: undefined } });
      return { token, secret };
    });
  }

  /** The user a bearer secret belongs to; `unauthenticated` when it is unknown, revoked or expired. */
  async authenticate(secret: string): Promise<User> {
    return (await this.check(secret)).user;
  }

  /** As authenticate, with the token's expiry, for a caller that remembers the answer until then. */
  async check(secret: string): Promise<{ user: User; expiresAt: string | null }> {
    const refused = (): CrmError =>
      new CrmError('unauthenticated', 'This token is not valid. Create one with `rapport token create --user <email>` and send it as "Authorization: Bearer <token>".');
    if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) throw refused();
    const tokenHash = await hashToken(secret);
    const now = this.deps.clock.now();
    const found = await this.deps.store.read(async (uow) => {
      const token = await uow.tokens.findByHash(tokenHash);
      const user = token ? await uow.users.get(token.userId) : null;
      return token && user ? { token, user } : null;
    });
    if (!found || found.token.revokedAt || !found.user.active) throw refused();
    if (found.token.expiresAt && found.token.expiresAt <= now.toISOString()) throw refused();
    const lastUsed = found.token.lastUsedAt ? Date.parse(found.token.lastUsedAt) : 0;
    if (now.getTime() - lastUsed > LAST_USED_GRANULARITY_MS) {
      await this.deps.store.transaction((uow) => uow.tokens.update({ ...found.token, lastUsedAt: now.toISOString() }));
    }
    return { user: found.user, expiresAt: found.token.expiresAt };
  }

  async list(actor: Actor | null, userId: string): Promise<AccessToken[]> {
    if (actor && actor.user.id !== userId && actor.user.role !== 'admin') throw forbidden('You can list your own tokens only.');
    return this.deps.store.read((uow) => uow.tokens.listByUser(userId));
  }

  async revoke(actor: Actor | null, tokenId: string): Promise<AccessToken> {
    return this.deps.store.transaction(async (uow) => {
      const token = await uow.tokens.get(tokenId);
      if (!token) throw notFound('token', tokenId);
      if (actor && actor.user.id !== token.userId && actor.user.role !== 'admin') throw forbidden('You can revoke your own tokens only.');
      if (token.revokedAt) return token;
      const revoked = { ...token, revokedAt: this.deps.clock.now().toISOString() };
      await uow.tokens.update(revoked);
      await markCredentialsChanged(uow, this.deps.ids);
      await recordEvent(uow, this.deps, actor, { type: 'token.revoked', entityType: 'token', entityId: token.id });
      return revoked;
    });
  }
}
