import { createHash } from 'node:crypto';
import { readCredentialsGeneration, TokenService, type ServiceDeps, type User } from '@rapport/core';

const MAX_ENTRIES = 10_000;

interface Remembered {
  user: User;
  /** The token's expiry in ms since the epoch; Infinity when it has none. */
  expiresAt: number;
  /** The credentials generation read before the token was checked. */
  generation: string | null;
}

/**
 * Personal access tokens, remembered by the hash of their secret so a busy client is not
 * re-checked against the database (two reads, a hash and the user) on every request. Nothing
 * stale is served: the expiry is compared on every request, and every request reads the
 * credentials generation (one primary-key read of a settings row) that any revocation or
 * change to a user moves, on this hub, another hub on the same database, or the CLI. An answer
 * remembered under an older generation is not used.
 */
export class CachingTokenService extends TokenService {
  private readonly known = new Map<string, Remembered>();
  private readonly generation: FreshRead<string | null>;

  constructor(private readonly serviceDeps: ServiceDeps) {
    super(serviceDeps);
    this.generation = new FreshRead(() => readCredentialsGeneration(serviceDeps.store));
  }

  override async authenticate(secret: string): Promise<User> {
    const key = createHash('sha256').update(secret).digest('base64');
    const generation = await this.generation.get();
    const now = this.serviceDeps.clock.now().getTime();
    const hit = this.known.get(key);
    if (hit && hit.generation === generation && hit.expiresAt > now) return hit.user;
    if (hit) this.known.delete(key);
    const { user, expiresAt } = await super.check(secret);
    if (this.known.size >= MAX_ENTRIES) this.known.delete(this.known.keys().next().value as string);
    this.known.set(key, { user, expiresAt: expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(expiresAt), generation });
    return user;
  }
}

/**
 * A read shared by the requests that arrive together, never older than the request: a caller
 * gets the result of a read that started after it called. While one read runs, everyone who
 * arrives waits for the next one, which they all share; so under load (PostgreSQL, where a read
 * is a round trip) the generation costs about two reads per round trip, not one per request.
 */
export class FreshRead<T> {
  private running: Promise<T> | null = null;
  private next: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) return this.start();
    // The running read may have started before this call, so it could miss a change made just before: wait for the next.
    this.next ??= this.running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.next = null;
        return this.start();
      });
    return this.next;
  }

  private start(): Promise<T> {
    const run = this.read().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }
}
