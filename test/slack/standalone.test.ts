import { createServices, systemClock, TimeOrderedIds, ensureDefaultPipeline } from '@rapport/core';
import { readSlackProcessConfig, silentLogger, startSlackProcess, type SlackProcess } from '@rapport/server';
import { signedForm, SlackApiStandIn, slashCommand } from '@rapport/slack-app/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabaseHandle } from '../support/databases.js';
import { blockText } from './slack-hub.js';

const SECRET = 'standalone-secret';

/** The Slack app on its own against a hub's database, as `rapport slack serve` runs it. */
describe.each(ENGINES)('the Slack app on its own, on $engine', ({ engine, available }) => {
  let database: TestDatabaseHandle;
  let api: SlackApiStandIn;
  let running: SlackProcess;

  beforeAll(async () => {
    if (!available) return;
    database = await freshDatabase(engine);
    const hubStore = await database.open();
    const deps = { store: hubStore, clock: systemClock, ids: new TimeOrderedIds() };
    await ensureDefaultPipeline(deps);
    const services = createServices(deps);
    const ann = await services.users.create(null, { name: 'Ann Lee', email: 'ann@rapport.test', timeZone: 'Asia/Shanghai' });
    await services.accounts.create({ user: ann, surface: 'api' }, { name: '深圳华为技术有限公司', domains: ['huawei.example'] });
    await hubStore.close();
    api = await new SlackApiStandIn().start();
    api.users.set('U0ANN', { email: 'ann@rapport.test', name: 'Ann' });
    const config = readSlackProcessConfig({
      DATABASE_URL: database.databaseUrl ?? undefined,
      RAPPORT_DATA_DIR: database.dataDir,
      PORT: '0',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-standalone',
      SLACK_API_URL: api.apiUrl,
      RAPPORT_SCHEDULER: '0',
    });
    running = await startSlackProcess(config, silentLogger);
  });
  afterAll(async () => {
    await running?.stop();
    await api?.close();
    await database?.drop();
  });

  it.skipIf(!available)('serves /slack/events from the hub database', async () => {
    expect(running.store.kind).toBe(engine);
    const request = signedForm(SECRET, slashCommand({ id: 'U0ANN' }, 'find 华为', api.responseUrl('alone')));
    const response = await fetch(`${running.url}/slack/events`, { method: 'POST', headers: request.headers, body: request.body });
    expect(response.status).toBe(200);
    await running.slack.idle();
    expect(blockText(api.responses.find((r) => r.id === 'alone')?.body)).toContain('深圳华为技术有限公司');
  });

  it.skipIf(!available)('refuses to start without the Slack settings', () => {
    expect(() => readSlackProcessConfig({ SLACK_BOT_TOKEN: 'xoxb' })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});
