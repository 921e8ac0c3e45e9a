import 'fake-indexeddb/auto';
import { CrmError } from '@rapport/core';
import { describe, expect, it } from 'vitest';
import { IdbOutbox, type OutboxEntry } from './idb-outbox.js';
import { openSyncDb } from './sync-db.js';

type Op = { n: number };
let databases = 0;
const outbox = async (): Promise<{ box: IdbOutbox<Op>; reopen: () => Promise<IdbOutbox<Op>> }> => {
  const name = `outbox-${(databases += 1)}`;
  let keys = 0;
  const make = async () => new IdbOutbox<Op>(await openSyncDb(name), () => `key-${(keys += 1)}`);
  return { box: await make(), reopen: make };
};
const changes = (...ns: number[]) => ns.map((n) => ({ op: { n }, label: `change ${n}` }));

describe('IdbOutbox', () => {
  it('sends queued changes in the order they were made, then forgets them', async () => {
    const { box } = await outbox();
    await box.enqueue(changes(1)[0]!);
    await box.enqueueMany(changes(2, 3));
    const sent: number[] = [];
    const result = await box.drain(async (entry) => {
      sent.push(entry.op.n);
    });
    expect(sent).toEqual([1, 2, 3]);
    expect(result).toEqual({ sent: 3, refused: 0, stoppedBy: null });
    expect(await box.list()).toEqual([]);
  });

  it('stops at the first change the hub cannot take yet, and keeps it and the rest in order', async () => {
    const { box } = await outbox();
    await box.enqueueMany(changes(1, 2, 3));
    const offline = await box.drain(async (entry) => {
      if (entry.op.n === 2) throw new CrmError('unavailable', 'Cannot reach the hub.');
    });
    expect(offline.sent).toBe(1);
    expect(offline.stoppedBy?.code).toBe('unavailable');
    expect((await box.list()).map((e) => [e.op.n, e.state, e.attempts])).toEqual([[2, 'pending', 1], [3, 'pending', 0]]);
    const sent: number[] = [];
    await box.drain(async (entry) => {
      sent.push(entry.op.n);
    });
    expect(sent).toEqual([2, 3]);
  });

  it('keeps a change the hub refuses, with its reason, and goes on with the next', async () => {
    const { box } = await outbox();
    await box.enqueueMany(changes(1, 2));
    const result = await box.drain(async (entry) => {
      if (entry.op.n === 1) throw new CrmError('conflict', 'This deal was changed by someone else.');
    });
    expect(result).toMatchObject({ sent: 1, refused: 1 });
    const [refused] = await box.list();
    expect(refused).toMatchObject({ state: 'refused', error: { code: 'conflict', message: 'This deal was changed by someone else.' }, op: { n: 1 } });
    expect(await box.pendingCount()).toBe(0);
    await box.dismiss(refused!.seq);
    expect(await box.list()).toEqual([]);
  });

  it('resends a change whose answer was lost with the same key, after the worker restarts', async () => {
    const { box, reopen } = await outbox();
    await box.enqueueMany(changes(1));
    const keys: string[] = [];
    // The worker is stopped while the request is in flight: the answer never comes back.
    void box.drain(async (entry) => {
      keys.push(entry.key);
      await new Promise(() => {});
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const restarted = await reopen();
    await restarted.drain(async (entry) => {
      keys.push(entry.key);
    });
    expect(keys).toEqual(['key-1', 'key-1']);
    expect(await restarted.list()).toEqual([]);
  });

  it('runs one drain at a time: a second call shares the first', async () => {
    const { box } = await outbox();
    await box.enqueueMany(changes(1, 2));
    const seen: Array<OutboxEntry<Op>> = [];
    const send = async (entry: OutboxEntry<Op>) => {
      seen.push(entry);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const [a, b] = await Promise.all([box.drain(send), box.drain(send)]);
    expect(a).toBe(b);
    expect(seen.map((e) => e.op.n)).toEqual([1, 2]);
  });
});
