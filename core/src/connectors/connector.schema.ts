/**
 * The connector domain: an existing CRM (HubSpot, Pipedrive, …) as the system of record, and
 * what Rapport keeps to mirror it — which remote record each local record is, where each
 * object's sync stands, and the changes still to write back.
 */

/** The kinds of remote record Rapport mirrors. */
export const REMOTE_KINDS = ['account', 'contact', 'deal', 'user', 'activity', 'reminder', 'pipeline'] as const;
export type RemoteKind = (typeof REMOTE_KINDS)[number];

/** A connection to one remote CRM. The token itself is kept by the hub's configuration, not here. */
export interface Connection {
  id: string;
  /** The connector's name: `hubspot`, `pipedrive`. */
  provider: string;
  /** What a user reads in `rapport sync status` and at start-up ("HubSpot portal 123456"). */
  label: string;
  status: ConnectionStatus;
  /** Why the last sync or push stopped, in words a user can act on; null when all is well. */
  lastError: string | null;
  lastSyncAt: string | null;
  /** A hub holding the sync work: its name and until when (another hub takes over after). */
  leaseOwner: string | null;
  leaseUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `revoked` means the remote refused the token: nothing syncs until it is connected again. */
export type ConnectionStatus = 'active' | 'revoked' | 'error' | 'disconnected';

/** A local record and the remote record it mirrors. One per (connection, kind, local id) and per (connection, kind, remote id). */
export interface RemoteLink {
  connectionId: string;
  kind: RemoteKind;
  localId: string;
  remoteId: string;
  /** The remote record's page ("Open in HubSpot"); null when the remote has none. */
  remoteUrl: string | null;
  /** The remote's last-modified instant when Rapport last read it, for conflicts and duplicate notifications. */
  remoteModifiedAt: string | null;
}

/** Where the sync of one remote object stands. */
export interface SyncCursor {
  connectionId: string;
  /** The remote object's name (`companies`, `deals`, …). */
  object: string;
  /** The remote's cursor or "modified since" instant to resume from; null before the first page. */
  cursor: string | null;
  /** True once the initial sync of this object has read every page. */
  initialDone: boolean;
  /** Records read so far, and the remote's total when it tells one (for a progress bar). */
  recordsRead: number;
  recordsTotal: number | null;
  lastError: string | null;
  updatedAt: string;
}

export type OutboxStatus = 'pending' | 'done' | 'failed';

/** A local change waiting to be written to the remote CRM, pushed in `sequence` order per connection. */
export interface OutboxEntry {
  id: string;
  connectionId: string;
  /** Increasing per connection: entries are pushed in this order. */
  sequence: number;
  kind: RemoteKind;
  localId: string;
  /** `create` makes a remote record (its id is linked when it comes back); `update` changes fields. */
  operation: 'create' | 'update';
  /** Changed fields, in Rapport's terms (`stageId`, `amount`, `expectedCloseDate`, `body`, …). */
  changes: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  /** Not retried before this instant (backoff). */
  nextAttemptAt: string;
  /** The remote's refusal, in words (shown on the card with a retry). */
  lastError: string | null;
  createdAt: string;
}
