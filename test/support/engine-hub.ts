import { createTestHub, type TestHub } from '@rapport/server/testing';
import { afterAll, beforeAll } from 'vitest';
import { freshDatabase, type Engine, type TestDatabaseHandle } from './databases.js';

/** A listening test hub on a fresh database of the engine, started before the suite's tests and closed after them. */
export interface EngineHub {
  readonly t: TestHub;
  readonly url: string;
}

/** Registers the suite's hooks; read `t` and `url` inside tests (they are set once the hub listens). */
export function useEngineHub(engine: Engine, available: boolean): EngineHub {
  let database: TestDatabaseHandle | undefined;
  const state: { t?: TestHub; url?: string } = {};
  beforeAll(async () => {
    if (!available) return;
    database = await freshDatabase(engine);
    state.t = await createTestHub({ store: await database.open(), config: { port: 0 } });
    state.url = (await state.t.hub.listen()).url;
  });
  afterAll(async () => {
    await state.t?.hub.close();
    await database?.drop();
  });
  return {
    get t() {
      if (!state.t) throw new Error('The hub is not started yet: read it inside a test or a later hook.');
      return state.t;
    },
    get url() {
      if (!state.url) throw new Error('The hub is not listening yet: read it inside a test or a later hook.');
      return state.url;
    },
  };
}
