import type { RemoteKind } from './connector.schema.js';

/**
 * A remote CRM, as a connector adapter package (`@rapport/hubspot`, …) offers it. Every method
 * may throw `CrmError`: `unauthenticated` when the remote refuses the token (the connection is
 * then marked revoked), `rate_limited` with `details.retryAfterMs` when the remote asks to wait,
 * `unavailable` when it cannot be reached, `invalid_input` when it refuses a write (its message
 * says which remote property is missing or wrong).
 */
export interface CrmConnector {
  /** `hubspot`, `pipedrive`. */
  readonly provider: string;
  /** Who the token belongs to (the portal or company), to label the connection. */
  identify(): Promise<{ accountId: string; label: string }>;
  readSchema(): Promise<RemoteSchema>;
  /**
   * One page of records of `object` changed since `cursor` (null: from the start, for the
   * initial sync). Passing `nextCursor` back resumes after an interruption.
   */
  readChanges(object: string, cursor: string | null): Promise<RemotePage>;
  /**
   * Checks a webhook request and turns it into notifications. Throws `unauthenticated` when
   * its signature does not match or its timestamp is too old.
   */
  parseWebhook(request: WebhookRequest): Promise<ChangeNotification[]>;
  /** One record again by id, with its associations (after a webhook named it). */
  readOne(object: string, remoteId: string): Promise<RemoteRecord>;
  /** Writes a change back; returns the remote record (with its id, when it was created). */
  write(change: RemoteWrite): Promise<RemoteRecord>;
}

export interface RemoteSchema {
  /** The objects `readChanges` reads, in the order an initial sync should read them (companies before contacts before deals). */
  objects: string[];
  properties: RemoteProperty[];
  pipelines: RemotePipeline[];
  owners: RemoteOwner[];
}

export interface RemoteProperty {
  /** The remote object the property belongs to (`companies`, …). */
  object: string;
  name: string;
  label: string;
  /** The remote's type, reduced to what a custom field can hold. */
  type: 'text' | 'number' | 'date' | 'checkbox' | 'select' | 'multi_select';
  options: { value: string; label: string }[];
}

export interface RemotePipeline {
  remoteId: string;
  label: string;
  stages: { remoteId: string; label: string; probability: number; closed: 'won' | 'lost' | null }[];
}

export interface RemoteOwner {
  remoteId: string;
  email: string;
  name: string;
}

/** A remote record in the remote's own terms; `associations` holds the remote ids it links to, by kind. */
export interface RemoteRecord {
  kind: RemoteKind;
  remoteId: string;
  /** The remote object it came from (`notes`, `calls`, … for activities). */
  object: string;
  properties: Record<string, string | null>;
  associations: Partial<Record<RemoteKind, string[]>>;
  modifiedAt: string;
  url: string | null;
  archived: boolean;
}

export interface RemotePage {
  records: RemoteRecord[];
  /** Where to resume, or to poll from once `hasMore` is false: the caller stores it either way. */
  nextCursor: string;
  /** True while more pages are there to read now. */
  hasMore: boolean;
  /** The remote's total, when it tells one. */
  total: number | null;
}

export interface WebhookRequest {
  method: string;
  /** The full URI the remote called, as it signed it. */
  uri: string;
  headers: Record<string, string | undefined>;
  body: string;
}

/** A remote record changed or was deleted: the sync re-reads it, so a duplicate notification changes nothing. */
export interface ChangeNotification {
  /** The remote's id for this notification (for logs); may repeat when the remote retries. */
  eventId: string;
  object: string;
  remoteId: string;
  change: 'created' | 'changed' | 'deleted';
  occurredAt: string;
}

export interface RemoteWrite {
  kind: RemoteKind;
  /** Null to create. */
  remoteId: string | null;
  /** Remote property values to set. */
  properties: Record<string, string | null>;
  /** Remote records to associate a created record with. */
  associations: Partial<Record<RemoteKind, string[]>>;
}
