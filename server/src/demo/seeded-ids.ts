import { ID_PREFIXES, type Clock, type IdKind, type Ids } from '@rapport/core';
import type { Random } from './random.js';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Ids in the same layout as the hub's time-ordered ids (10 characters of the clock's
 * milliseconds, then 16 more), with the tail drawn from a seeded generator: a demo seeded
 * twice at the same instant gets the same ids, and ids still sort by creation.
 */
export class SeededIds implements Ids {
  private lastMs = -1;
  private lastTail: number[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly random: Random,
  ) {}

  next(kind: IdKind): string {
    const ms = Math.max(this.clock.now().getTime(), this.lastMs);
    if (ms === this.lastMs) {
      this.lastTail = increment(this.lastTail);
    } else {
      this.lastTail = Array.from({ length: 16 }, () => Math.floor(this.random.next() * 32));
      this.lastMs = ms;
    }
    return `${ID_PREFIXES[kind]}_${encodeTime(ms)}${this.lastTail.map((d) => CROCKFORD[d]).join('')}`;
  }
}

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i += 1) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function increment(digits: readonly number[]): number[] {
  const out = [...digits];
  for (let i = out.length - 1; i >= 0; i -= 1) {
    const digit = (out[i] ?? 0) + 1;
    if (digit < 32) {
      out[i] = digit;
      return out;
    }
    out[i] = 0;
  }
  return out;
}
