import { CrmError, systemClock, type Clock } from '@rapport/core';

/** How many failed sign-ins one client address may make per window. A limit of 0 turns the limit off. */
export interface FailedAuthLimit {
  limit: number;
  windowMs: number;
}

/** Addresses remembered at most; past this, finished windows are dropped first, then the oldest. */
const MAX_ADDRESSES = 10_000;

/**
 * Counts failed authentications per client address in fixed windows. Only failures are
 * counted and only failures are refused: a valid token from a limited address still gets in,
 * so a flood of guesses from one office network does not lock its people out. Kept in memory
 * per hub: behind a load balancer each hub limits on its own.
 */
export class FailedAuthLimiter {
  private readonly windows = new Map<string, { failures: number; endsAt: number }>();

  constructor(
    private readonly settings: FailedAuthLimit,
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Records a failed authentication from `address`; returns the error to answer with: the
   * original one, or `rate_limited` (with when to retry) once the address is over its limit.
   */
  fail(address: string, error: unknown): unknown {
    if (this.settings.limit <= 0) return error;
    const now = this.clock.now().getTime();
    let window = this.windows.get(address);
    if (!window || window.endsAt <= now) {
      this.windows.delete(address);
      if (this.windows.size >= MAX_ADDRESSES) this.prune(now);
      window = { failures: 0, endsAt: now + this.settings.windowMs };
      this.windows.set(address, window);
    }
    window.failures += 1;
    if (window.failures <= this.settings.limit) return error;
    const retryAfterMs = window.endsAt - now;
    return new CrmError('rate_limited', `Too many failed sign-ins from your address: ${this.settings.limit} in ${Math.round(this.settings.windowMs / 1000)} s. Wait ${Math.ceil(retryAfterMs / 1000)} s, and check the token you send.`, { details: { retryAfterMs } });
  }

  private prune(now: number): void {
    for (const [address, window] of this.windows) if (window.endsAt <= now) this.windows.delete(address);
    if (this.windows.size >= MAX_ADDRESSES) this.windows.delete(this.windows.keys().next().value as string);
  }
}
