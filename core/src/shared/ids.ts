/** Prefixes make an id say what it is in logs, URLs and support tickets. */
export const ID_PREFIXES = {
  user: 'usr',
  team: 'team',
  account: 'acc',
  contact: 'con',
  deal: 'deal',
  pipeline: 'pipe',
  activity: 'act',
  reminder: 'rem',
  event: 'evt',
  token: 'tok',
  stageChange: 'stg',
  delivery: 'dlv',
  target: 'tgt',
  campaign: 'cmp',
  importJob: 'imp',
  customField: 'fld',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/** Where new ids come from. Injected so tests get predictable ids. */
export interface Ids {
  next(kind: IdKind): string;
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

function randomSource(): RandomSource {
  const source = (globalThis as { crypto?: RandomSource }).crypto;
  if (!source) throw new Error('Web Crypto (globalThis.crypto) is required to make ids');
  return source;
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

/**
 * Time-ordered ids (ULID layout, lower case): 10 characters of milliseconds then 16 random,
 * so ids sort by creation and keyset pagination on id follows creation order.
 * Ids made within one millisecond by one generator still sort in creation order.
 */
export class TimeOrderedIds implements Ids {
  private lastMs = -1;
  private lastRandom: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  next(kind: IdKind): string {
    const ms = this.now();
    let random: number[];
    if (ms <= this.lastMs) {
      random = increment(this.lastRandom);
    } else {
      const bytes = randomSource().getRandomValues(new Uint8Array(16));
      random = Array.from(bytes, (b) => b % 32);
      this.lastMs = ms;
    }
    this.lastRandom = random;
    const body = encodeTime(Math.max(ms, this.lastMs)) + random.map((d) => CROCKFORD[d]).join('');
    return `${ID_PREFIXES[kind]}_${body}`;
  }
}

function increment(digits: number[]): number[] {
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

/** Counting ids (`deal_000001`, …) for tests and fixtures, not for stored data. */
export class SequentialIds implements Ids {
  private counters = new Map<IdKind, number>();

  next(kind: IdKind): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${ID_PREFIXES[kind]}_${String(n).padStart(6, '0')}`;
  }
}
