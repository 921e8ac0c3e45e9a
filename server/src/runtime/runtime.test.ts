import { ManualClock, MemoryStore, type Notifier, type ReminderNotice } from '@rapport/core';
import { afterEach, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createHub, type Hub } from '../hub.js';
import { createLogger, silentLogger } from '../logger.js';
import { slackSurface } from '../slack/slack.surface.js';
import type { SurfaceContext, SurfaceFactory } from './hub-surface.js';

const NOW = '2026-05-04T08:00:00.000Z';

/** A reminder channel that records what it was handed. */
class Inbox implements Notifier {
  readonly channel = 'inbox';
  readonly delivered: ReminderNotice[] = [];
  reaches(): boolean {
    return true;
  }
  async deliver(notice: ReminderNotice): Promise<void> {
    this.delivered.push(notice);
  }
}

/** A made-up surface, as a newcomer would add one: a route, a reminder channel, and what it was built from. */
function echoSurface(): { factory: SurfaceFactory; built: SurfaceContext[]; inbox: Inbox; started: boolean[] } {
  const built: SurfaceContext[] = [];
  const started: boolean[] = [];
  const inbox = new Inbox();
  const factory: SurfaceFactory = (context) => {
    built.push(context);
    return {
      name: 'echo',
      notifiers: [inbox],
      mount: (app) => app.get('/echo/person', async (c) => c.json(await context.services.users.findByEmail(c.req.query('email') ?? ''))),
      start: async ({ background }) => {
        started.push(background);
      },
    };
  };
  return { factory, built, inbox, started };
}

describe('one runtime per process', () => {
  let hub: Hub | null = null;
  afterEach(async () => {
    await hub?.close();
    hub = null;
  });

  it('builds one set of services and hands it to every surface: a token revoked through a surface is refused by the API at once', async () => {
    const echo = echoSurface();
    hub = await createHub({ config: { ...readConfig({ RAPPORT_SCHEDULER: '0' }), port: 0 }, store: new MemoryStore(), logger: silentLogger, surfaces: [echo.factory] });
    expect(echo.built).toHaveLength(1);
    expect(echo.built[0]?.services).toBe(hub.services);

    const ann = await hub.services.users.create(null, { name: 'Ann', email: 'ann@rapport.test', timeZone: 'UTC' });
    const { secret, token } = await hub.services.tokens.create(null, ann.id, 'laptop');
    const me = () => hub!.app.request('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
    expect((await me()).status).toBe(200);
    // The API now remembers the token; a second set of services would keep it working for seconds.
    await echo.built[0]!.services.tokens.revoke(null, token.id);
    expect((await me()).status).toBe(401);
  });

  it('mounts each surface from its factory: its routes beside the API, its reminder channel, its start in the scheduler\'s process', async () => {
    const echo = echoSurface();
    const clock = new ManualClock(NOW);
    hub = await createHub({ config: { ...readConfig({ RAPPORT_SCHEDULER: '1', HOST: '127.0.0.1' }), port: 0 }, store: new MemoryStore(), clock, logger: silentLogger, surfaces: [echo.factory] });
    const ann = await hub.services.users.create(null, { name: 'Ann', email: 'ann@rapport.test', timeZone: 'UTC' });
    const { url } = await hub.listen();
    expect(echo.started).toEqual([true]);

    const person = (await (await fetch(`${url}/echo/person?email=ann@rapport.test`)).json()) as { name: string };
    expect(person.name).toBe('Ann');

    await hub.services.reminders.create({ user: ann, surface: 'api' }, { title: 'Call Acme back', dueAt: '2026-05-04T07:59:00Z' });
    await hub.scheduler.runOnce();
    expect(echo.inbox.delivered.map((n) => n.reminder.title)).toEqual(['Call Acme back']);
  });

  it('starts surfaces without their timed work in a worker that does not run the scheduler', async () => {
    const echo = echoSurface();
    hub = await createHub({ config: { ...readConfig({ RAPPORT_SCHEDULER: '1' }), port: 0 }, store: new MemoryStore(), logger: silentLogger, surfaces: [echo.factory], background: false });
    await hub.listen();
    expect(echo.started).toEqual([false]);
  });

  it('leaves out a surface that is not configured, saying in the log what to set', async () => {
    const lines: string[] = [];
    hub = await createHub({ config: readConfig({ RAPPORT_SCHEDULER: '0' }), store: new MemoryStore(), logger: createLogger('info', (line) => lines.push(line)), surfaces: [slackSurface] });
    expect(hub.surfaces).toEqual([]);
    expect(lines.some((line) => line.includes('slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to turn it on'))).toBe(true);
    expect((await hub.app.request('/slack/events', { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('mounts the Slack app on the hub\'s services when its settings are set', async () => {
    const built: SurfaceContext[] = [];
    const watched: SurfaceFactory = (context) => {
      built.push(context);
      return slackSurface(context);
    };
    const config = readConfig({ RAPPORT_SCHEDULER: '0', SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-test' });
    hub = await createHub({ config, store: new MemoryStore(), logger: silentLogger, surfaces: [watched] });
    expect(hub.surfaces.map((s) => s.name)).toEqual(['slack']);
    expect(built[0]?.services).toBe(hub.services);
    // Unsigned: refused by the Slack app itself, so the route is there.
    expect((await hub.app.request('/slack/events', { method: 'POST', body: 'command=%2Fcrm' })).status).toBe(401);
  });
});
