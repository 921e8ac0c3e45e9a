import { createServices, MemoryStore, systemClock, TimeOrderedIds } from '@rapport/core';
import { linkWorkspaceUsers } from './link-workspace.js';
import { SlackApiStandIn } from '../testing/slack-api-stand-in.js';
import { webApi } from '@slack/bolt';
import { afterAll, describe, expect, it } from 'vitest';

describe('linking Rapport users to Slack by email', () => {
  const api = new SlackApiStandIn();
  afterAll(() => api.close());

  it('links everyone the workspace knows by email, so reminder DMs reach them before they use the app', async () => {
    await api.start();
    const store = new MemoryStore();
    const services = createServices({ store, clock: systemClock, ids: new TimeOrderedIds() });
    const ann = await services.users.create(null, { name: 'Ann', email: 'ann@rapport.test' });
    const bo = await services.users.create(null, { name: 'Bo', email: 'bo@rapport.test' });
    api.users.set('U0ANN', { email: 'Ann@Rapport.test', name: 'Ann' });
    const client = new webApi.WebClient('xoxb-test', { slackApiUrl: api.apiUrl });
    const logger = { debug() {}, info() {}, warn() {}, error() {} };
    expect(await linkWorkspaceUsers({ services, store, client, logger })).toBe(1);
    expect((await services.users.get(null, ann.id)).identities.slackUserId).toBe('U0ANN');
    expect((await services.users.get(null, bo.id)).identities.slackUserId).toBeNull();
    expect(await linkWorkspaceUsers({ services, store, client, logger })).toBe(0);
    expect(api.callsTo('users.lookupByEmail')).toHaveLength(3);
  });
});
