import { readCursor, type CrmEvent, type EntityType, type EventFilter, type EventRepository, type Page, type PageRequest, type Surface } from '@rapport/core';
import type { Insertable, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { EventsTable } from '../database.js';
import type { Engine } from '../engine.js';
import { expectInserted } from '../errors.js';
import { afterKeyset, matchesNothing, pageOfRows } from '../sql-paging.js';

export const toEvent = (row: Selectable<EventsTable>, engine: Engine): CrmEvent => ({
  id: row.id,
  type: row.type,
  entityType: row.entity_type as EntityType,
  entityId: row.entity_id,
  actorId: row.actor_id,
  surface: row.surface as Surface,
  before: engine.readNullableJson(row.before),
  after: engine.readNullableJson(row.after),
  at: row.at,
});

/** An event as its row (also what a bulk insert writes). */
export const eventRow = (event: CrmEvent, engine: Engine): Insertable<EventsTable> => ({
  id: event.id,
  type: event.type,
  entity_type: event.entityType,
  entity_id: event.entityId,
  actor_id: event.actorId,
  surface: event.surface,
  before: engine.nullableJson(event.before),
  after: engine.nullableJson(event.after),
  at: event.at,
});

export class SqlEventRepository implements EventRepository {
  constructor(private readonly ctx: SqlContext) {}

  async append(event: CrmEvent): Promise<void> {
    const { engine } = this.ctx;
    const result = await this.ctx.db
      .insertInto('events')
      .values(eventRow(event, engine))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    expectInserted(result, 'event', event.id);
  }

  async list(filter: EventFilter, page: PageRequest): Promise<Page<CrmEvent>> {
    const after = readCursor(page.cursor, 2);
    if (matchesNothing(filter.types)) return { items: [], nextCursor: null };
    let query = this.ctx.db.selectFrom('events').selectAll();
    if (filter.entityType !== undefined) query = query.where('entity_type', '=', filter.entityType);
    if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
    if (filter.types) query = query.where('type', 'in', filter.types);
    if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    if (after) query = query.where(afterKeyset(['at', 'id'], after, true));
    const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
    return pageOfRows(rows, page.limit, (row) => [row.at, row.id], (row) => toEvent(row, this.ctx.engine));
  }
}
