import { createHash } from 'node:crypto';
import { TokenService, UserService, type AccessToken, type Actor, type ServiceDeps, type User, type UserPatch } from '@rapport/core';

const DEFAULT_TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * Personal access tokens with the hub's answer remembered for a few seconds, so a busy
 * client is not re-checked against the database on every request. A token revoked on this
 * hub stops working at once; on another hub sharing the database, and for a deactivated
 * user, within `ttlMs`.
 */
export class CachingTokenService extends TokenService {
  private readonly known = new Map<string, { user: User; until: number }>();

  constructor(
    private readonly serviceDeps: ServiceDeps,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {
    super(serviceDeps);
  }

  override async authenticate(secret: string): Promise<User> {
    const key = createHash('sha256').update(secret).digest('base64');
    const now = this.serviceDeps.clock.now().getTime();
    const hit = this.known.get(key);
    if (hit && hit.until > now) return hit.user;
    this.known.delete(key);
    const user = await super.authenticate(secret);
    if (this.known.size >= MAX_ENTRIES) this.known.delete(this.known.keys().next().value as string);
    this.known.set(key, { user, until: now + this.ttlMs });
    return user;
  }

  override async revoke(actor: Actor | null, tokenId: string): Promise<AccessToken> {
    const token = await super.revoke(actor, tokenId);
    this.forgetUser(token.userId);
    return token;
  }

  /** Drops what is remembered for a user (their token was revoked, they were changed). */
  forgetUser(userId: string): void {
    for (const [key, entry] of this.known) if (entry.user.id === userId) this.known.delete(key);
  }
}

/** People as the hub serves them: a change to someone also drops their remembered tokens. */
export class TokenAwareUserService extends UserService {
  constructor(
    deps: ServiceDeps,
    private readonly tokens: CachingTokenService,
  ) {
    super(deps);
  }

  override async update(actor: Actor | null, id: string, patch: UserPatch): Promise<User> {
    const user = await super.update(actor, id, patch);
    this.tokens.forgetUser(user.id);
    return user;
  }
}
