import { asCrmError, type CrmError, type ErrorCode } from '@rapport/core';
import type { SyncDb } from './sync-db.js';

/** A change waiting for the hub, in the order the rep made it. */
export interface OutboxEntry<Op = unknown> {
  seq: number;
  /** Sent as the Idempotency-Key: a resend after a lost answer changes nothing twice. */
  key: string;
  op: Op;
  /** What the rep did, in their words ("Move Acme renewal to Proposal"). */
  label: string;
  createdAt: string;
  attempts: number;
  /** `refused`: the hub said no (conflict, permission, bad input); kept until the rep dismisses it. */
  state: 'pending' | 'refused';
  error: { code: ErrorCode; message: string } | null;
}

export type NewOutboxEntry<Op> = Pick<OutboxEntry<Op>, 'op' | 'label'> & { key?: string; createdAt?: string };

/** Errors that say "try again later": the change stays pending and the drain stops, keeping order. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['unavailable', 'rate_limited', 'unauthenticated']);

export interface DrainResult {
  sent: number;
  refused: number;
  /** Why the drain stopped early (the hub is unreachable, the token was refused), if it did. */
  stoppedBy: CrmError | null;
}

/**
 * The outbox: changes made while the hub is out of reach, sent in order when it is back.
 *
 * Every entry is written before anything is sent and removed only once the hub has answered,
 * so a worker stopped at any moment loses nothing; a change that was sent but whose answer was
 * lost is sent again with the same idempotency key, and the hub answers it without applying it
 * twice. A change the hub refuses is kept, marked refused with the hub's reason, for the rep to see.
 */
export class IdbOutbox<Op = unknown> {
  private draining: Promise<DrainResult> | null = null;

  constructor(
    private readonly db: SyncDb,
    private readonly newKey: () => string = () => crypto.randomUUID(),
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Queues one change in its own transaction. */
  async enqueue(entry: NewOutboxEntry<Op>): Promise<OutboxEntry<Op>> {
    return (await this.enqueueMany([entry]))[0] as OutboxEntry<Op>;
  }

  /** Queues several changes in one transaction: all or none. */
  async enqueueMany(entries: ReadonlyArray<NewOutboxEntry<Op>>): Promise<Array<OutboxEntry<Op>>> {
    const tx = this.db.transaction('outbox', 'readwrite');
    const stored = await Promise.all(
      entries.map(async (entry) => {
        const row = { key: entry.key ?? this.newKey(), op: entry.op, label: entry.label, createdAt: entry.createdAt ?? this.now(), attempts: 0, state: 'pending' as const, error: null };
        const seq = (await tx.store.add(row)) as number;
        return { ...row, seq };
      }),
    );
    await tx.done;
    return stored;
  }

  /** Every entry, oldest first: pending and refused. */
  async list(): Promise<Array<OutboxEntry<Op>>> {
    return (await this.db.getAll('outbox')) as Array<OutboxEntry<Op>>;
  }

  async pendingCount(): Promise<number> {
    return (await this.list()).filter((e) => e.state === 'pending').length;
  }

  /** Forgets a refused change once the rep has seen it. */
  async dismiss(seq: number): Promise<void> {
    await this.db.delete('outbox', seq);
  }

  /**
   * Sends pending changes oldest first, one at a time. One drain runs at a time: a call while
   * one runs gets that drain's result. A transient failure stops the drain so order is kept.
   */
  drain(send: (entry: OutboxEntry<Op>) => Promise<void>): Promise<DrainResult> {
    this.draining ??= this.run(send).finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private async run(send: (entry: OutboxEntry<Op>) => Promise<void>): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, refused: 0, stoppedBy: null };
    for (;;) {
      const next = await this.nextPending();
      if (!next) return result;
      await this.db.put('outbox', { ...next, attempts: next.attempts + 1 });
      try {
        await send(next);
      } catch (thrown) {
        const error = asCrmError(thrown);
        if (TRANSIENT.has(error.code)) {
          result.stoppedBy = error;
          return result;
        }
        await this.db.put('outbox', { ...next, attempts: next.attempts + 1, state: 'refused', error: { code: error.code, message: error.message } });
        result.refused += 1;
        continue;
      }
      await this.db.delete('outbox', next.seq);
      result.sent += 1;
    }
  }

  private async nextPending(): Promise<OutboxEntry<Op> | null> {
    let cursor = await this.db.transaction('outbox').store.openCursor();
    while (cursor) {
      const entry = cursor.value as OutboxEntry<Op>;
      if (entry.state === 'pending') return entry;
      cursor = await cursor.continue();
    }
    return null;
  }
}
