import { describe, expect, it } from 'vitest';
import { FreshRead } from './caching-token-service.js';

describe('FreshRead', () => {
  it('serves fifty callers arriving together with two reads, each newer than the call', async () => {
    let value = 0;
    let reads = 0;
    const fresh = new FreshRead(async () => {
      reads += 1;
      return value;
    });
    const first = fresh.get();
    value = 1; // a change committed after the first read started
    const rest = await Promise.all(Array.from({ length: 49 }, () => fresh.get()));
    expect(await first).toBe(0);
    expect(new Set(rest)).toEqual(new Set([1]));
    expect(reads).toBe(2);
  });

  it('reads again for a caller arriving after the last read finished, and survives a failed read', async () => {
    let fail = true;
    let value = 'a';
    const fresh = new FreshRead(async () => {
      if (fail) throw new Error('database away');
      return value;
    });
    await expect(fresh.get()).rejects.toThrow('database away');
    fail = false;
    expect(await fresh.get()).toBe('a');
    value = 'b';
    expect(await fresh.get()).toBe('b');
  });
});
