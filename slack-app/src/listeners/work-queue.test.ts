import { describe, expect, it } from 'vitest';
import { WorkQueue } from './work-queue.js';

describe('WorkQueue', () => {
  it('runs a few jobs at once, the rest in their turn, and refuses past the waiting limit', async () => {
    const queue = new WorkQueue(2, 1);
    const order: string[] = [];
    const gates: Array<() => void> = [];
    const job = (name: string) => () => new Promise<void>((resolve) => gates.push(() => (order.push(name), resolve())));
    const a = queue.run(job('a'));
    const b = queue.run(job('b'));
    const c = queue.run(job('c'));
    expect(await queue.run(job('d'))).toBe(false);
    expect(queue.load).toEqual({ running: 2, waiting: 1 });
    gates.shift()?.();
    gates.shift()?.();
    await Promise.all([a, b]);
    gates.shift()?.();
    expect(await c).toBe(true);
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
