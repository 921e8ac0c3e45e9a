import { MemoryStore, type Clock, type AnalyticsStore } from '@rapport/core';
import { readConfig, type HubConfig } from '../config.js';
import { createHub, type Hub } from '../hub.js';
import { silentLogger, type Logger } from '../logger.js';

export interface TestHub {
  hub: Hub;
  /** Bearer tokens of a small company: admin, a manager and two reps in team East, a rep in West. */
  tokens: { admin: string; mia: string; ann: string; raj: string; bo: string };
  ids: { admin: string; mia: string; ann: string; raj: string; bo: string };
  /** An in-process request to the hub's app, with a user's token. */
  request(user: keyof TestHub['tokens'] | null, method: string, path: string, init?: { body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

/** A hub with no port and no scheduler timer, over the memory store unless one is given, on the system clock unless one is given. */
export async function createTestHub(options: { store?: AnalyticsStore; config?: Partial<HubConfig>; clock?: Clock; logger?: Logger } = {}): Promise<TestHub> {
  const config = { ...readConfig({ RAPPORT_SCHEDULER: '0' }), ...options.config };
  const hub = await createHub({ config, store: options.store ?? new MemoryStore(), logger: options.logger ?? silentLogger, ...(options.clock ? { clock: options.clock } : {}) });
  const { users, tokens } = hub.services;
  const east = await users.createTeam(null, 'East');
  const west = await users.createTeam(null, 'West');
  const add = (name: string, role: 'rep' | 'manager' | 'admin', teamId: string | null, timeZone = 'Europe/Berlin') =>
    users.create(null, { name, email: `${name.toLowerCase()}@rapport.test`, role, teamId, timeZone });
  const people = {
    admin: await add('Ada', 'admin', null),
    mia: await add('Mia', 'manager', east.id),
    ann: await add('Ann', 'rep', east.id),
    raj: await add('Raj', 'rep', east.id, 'Asia/Shanghai'),
    bo: await add('Bo', 'rep', west.id, 'America/Los_Angeles'),
  };
  const secrets = {} as TestHub['tokens'];
  const ids = {} as TestHub['ids'];
  for (const [key, user] of Object.entries(people) as Array<[keyof TestHub['tokens'], (typeof people)['admin']]>) {
    secrets[key] = (await tokens.create(null, user.id, 'test')).secret;
    ids[key] = user.id;
  }
  return {
    hub,
    tokens: secrets,
    ids,
    request: (user, method, path, init = {}) =>
      Promise.resolve(
        hub.app.request(path, {
          method,
          headers: {
            ...(user ? { authorization: `Bearer ${secrets[user]}` } : {}),
            ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...init.headers,
          },
          ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
        }),
      ),
  };
}
