/** A stored response to a POST sent with an Idempotency-Key. */
export interface IdempotencyRecord {
  userId: string;
  key: string;
  /** Method, path and a hash of the body: a key reused for another request is refused. */
  fingerprint: string;
  status: number;
  body: string;
  createdAt: string;
}

/** A record whose request is still running: reserved, no response yet. */
export const IDEMPOTENCY_IN_PROGRESS = 0;

export interface IdempotencyRepository {
  get(userId: string, key: string): Promise<IdempotencyRecord | null>;
  /** Inserts; a record for the same user and key throws `conflict` (how a request reserves its key). */
  put(record: IdempotencyRecord): Promise<void>;
  /** Stores the response of a reserved record; returns false when there is no such record. */
  complete(userId: string, key: string, status: number, body: string): Promise<boolean>;
  /** Drops a record (a reservation whose request failed, so the client may retry). */
  release(userId: string, key: string): Promise<void>;
  /** Deletes records created strictly before `createdAt`; returns how many. */
  deleteBefore(createdAt: string): Promise<number>;
}
