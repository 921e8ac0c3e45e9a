import { changedFields, recordEvent } from '../events/record-event.js';
import { assertMayAssignTo, assertMayChange, type Owned } from '../permissions/permissions.js';
import { invalidInput, notFound } from '../shared/errors.js';
import { PageRequest, type Page } from '../shared/page.js';
import { parseInput } from '../shared/validate.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { Actor, ServiceDeps, WriteOptions } from './context.js';
import { assertVersion, saveNextVersion } from './versioned.js';

/** An account or a contact: a record of the customer base that a rep owns. */
export interface CustomerRecord extends Owned {
  id: string;
  version: number;
  updatedAt: string;
}

/** The part of a customer record's repository the shared steps use. */
interface CustomerRecordRepository<T, F> {
  get(id: string): Promise<T | null>;
  list(filter: F, page: PageRequest): Promise<Page<T>>;
  insert(record: T): Promise<void>;
  update(next: T): Promise<boolean>;
  delete(id: string): Promise<void>;
}

/** Which customer record a service keeps, as its events, permissions and messages name it. */
export interface CustomerRecordKind<T, F> {
  entity: 'account' | 'contact';
  plural: 'accounts' | 'contacts';
  repository(uow: UnitOfWork): CustomerRecordRepository<T, F>;
}

/**
 * What the account and contact services do alike: read, list, change with optimistic
 * concurrency, delete after detaching what points at the record, and merge a duplicate. Each
 * service adds its own checks and what moves (see AccountService, ContactService).
 */
export abstract class CustomerRecordService<T extends CustomerRecord, F> {
  protected constructor(
    protected readonly deps: ServiceDeps,
    private readonly kind: CustomerRecordKind<T, F>,
  ) {}

  async get(_actor: Actor, id: string): Promise<T> {
    const record = await this.deps.store.read((uow) => this.kind.repository(uow).get(id));
    if (!record) throw notFound(this.kind.entity, id);
    return record;
  }

  async list(_actor: Actor, filter: F, page: PageRequest): Promise<Page<T>> {
    const request = parseInput(PageRequest, page, 'page');
    return this.deps.store.read((uow) => this.kind.repository(uow).list(filter, request));
  }

  /** Stores a new record and its `created` event, in the caller's unit of work. */
  protected async insert(uow: UnitOfWork, actor: Actor, record: T): Promise<T> {
    await this.kind.repository(uow).insert(record);
    await recordEvent(uow, this.deps, actor, { type: `${this.kind.entity}.created`, entityType: this.kind.entity, entityId: record.id, after: record });
    return record;
  }

  /**
   * Changes a record its actor may change. `check` runs the service's own checks and returns
   * the changes; a change that alters nothing writes nothing and records no event.
   */
  protected async change(
    actor: Actor,
    id: string,
    options: WriteOptions,
    newOwnerId: string | undefined,
    check: (uow: UnitOfWork, current: T) => Promise<Partial<T>>,
  ): Promise<T> {
    const { entity, plural } = this.kind;
    return this.deps.store.transaction(async (uow) => {
      const current = await this.require(uow, id);
      assertVersion(current, options.expectedVersion, entity);
      await assertMayChange(uow, actor.user, current, plural);
      if (newOwnerId && newOwnerId !== current.ownerId) await assertMayAssignTo(uow, actor.user, newOwnerId, plural);
      const changes = await check(uow, current);
      const diff = changedFields(current, { ...current, ...changes }, ['version', 'updatedAt']);
      if (!diff) return current;
      const next = await saveNextVersion((r) => this.kind.repository(uow).update(r), current, changes, this.now(), entity);
      await recordEvent(uow, this.deps, actor, { type: `${entity}.updated`, entityType: entity, entityId: id, ...diff });
      return next;
    });
  }

  /** Deletes a record once `detach` has unlinked (or refused because of) what points at it. */
  protected async remove(actor: Actor, id: string, options: WriteOptions, detach: (uow: UnitOfWork, current: T, now: string) => Promise<void>): Promise<void> {
    const { entity, plural } = this.kind;
    await this.deps.store.transaction(async (uow) => {
      const current = await this.require(uow, id);
      assertVersion(current, options.expectedVersion, entity);
      await assertMayChange(uow, actor.user, current, plural);
      await detach(uow, current, this.now());
      await this.kind.repository(uow).delete(id);
      await recordEvent(uow, this.deps, actor, { type: `${entity}.deleted`, entityType: entity, entityId: id, before: current });
    });
  }

  /**
   * Merges a duplicate into the record kept: `move` relinks what pointed at the duplicate and
   * says how many of each moved, the duplicate is deleted (freeing its unique values), then
   * the record kept takes `combine`'s fields.
   */
  protected async mergeRecords(
    actor: Actor,
    keepId: string,
    duplicateId: string,
    move: (uow: UnitOfWork, now: string) => Promise<Record<string, number>>,
    combine: (keep: T, duplicate: T) => Partial<T>,
  ): Promise<T> {
    const { entity, plural } = this.kind;
    if (keepId === duplicateId) throw invalidInput(`Pick two different ${plural} to merge.`, [{ path: 'duplicateId', message: `Same as the ${entity} kept.` }]);
    return this.deps.store.transaction(async (uow) => {
      const keep = await this.require(uow, keepId);
      const duplicate = await this.require(uow, duplicateId);
      await assertMayChange(uow, actor.user, keep, plural);
      await assertMayChange(uow, actor.user, duplicate, plural);
      const now = this.now();
      const moved = await move(uow, now);
      await this.kind.repository(uow).delete(duplicateId);
      const next = await saveNextVersion((r) => this.kind.repository(uow).update(r), keep, combine(keep, duplicate), now, entity);
      await recordEvent(uow, this.deps, actor, {
        type: `${entity}.merged`,
        entityType: entity,
        entityId: keepId,
        before: { kept: keep, duplicate },
        after: { [entity]: next, moved },
      });
      return next;
    });
  }

  protected now(): string {
    return this.deps.clock.now().toISOString();
  }

  private async require(uow: UnitOfWork, id: string): Promise<T> {
    const record = await this.kind.repository(uow).get(id);
    if (!record) throw notFound(this.kind.entity, id);
    return record;
  }
}
