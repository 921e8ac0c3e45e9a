import type { Actor } from '../services/context.js';
import type { Clock } from '../shared/clock.js';
import type { Ids } from '../shared/ids.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { CrmEvent, EntityType } from './event.schema.js';
import { queueWriteBack } from '../connectors/write-back.js';

export interface EventFacts {
  type: string;
  entityType: EntityType;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Appends the event for a change, in the same unit of work as the change itself. */
export async function recordEvent(
  uow: UnitOfWork,
  deps: { clock: Clock; ids: Ids },
  actor: Actor | null,
  facts: EventFacts,
): Promise<CrmEvent> {
  const event: CrmEvent = {
    id: deps.ids.next('event'),
    type: facts.type,
    entityType: facts.entityType,
    entityId: facts.entityId,
    actorId: actor?.user.id ?? null,
    surface: actor?.surface ?? 'system',
    before: facts.before ?? null,
    after: facts.after ?? null,
    at: deps.clock.now().toISOString(),
  };
  await uow.events.append(event);
  await queueWriteBack(uow, event);
  return event;
}

/** The fields that differ between two versions of a record, each side holding only those. */
export function changedFields<T extends object>(before: T, after: T, ignore: ReadonlyArray<keyof T> = []): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (ignore.includes(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}
