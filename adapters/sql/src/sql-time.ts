import { sql, type RawBuilder } from 'kysely';
import type { Engine } from './engine.js';

/**
 * Instants are stored as ISO text (2026-03-01T09:00:00.000Z, always this form); this turns
 * one into an exact integer on either engine, for the few queries that subtract instants.
 */

/** Whole seconds since the epoch, rounded down (⌊ms / 1000⌋). */
export function epochSeconds(engine: Engine, instant: RawBuilder<unknown>): RawBuilder<number> {
  return engine.kind === 'sqlite'
    ? sql<number>`cast(strftime('%s', ${instant}) as integer)`
    : sql<number>`cast(floor(extract(epoch from cast(${instant} as timestamptz))) as bigint)`;
}
