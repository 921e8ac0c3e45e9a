import { blockAction, viewSubmission } from '@rapport/slack-app/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabaseHandle } from '../support/databases.js';
import { blockText, startSlackHub, type SlackHub } from './slack-hub.js';

interface Picker {
  options?: Array<{ text: { text: string }; value: string }>;
  initial_option?: { value: string };
}

/** The Slack deal modal over a team's own pipeline: signed requests to a running hub, Slack's Web API a local stand-in. */
describe.each(ENGINES)('Slack stage pickers over an edited pipeline on $engine', ({ engine, available }) => {
  let database: TestDatabaseHandle;
  let s: SlackHub;
  let dealId: string;

  beforeAll(async () => {
    if (!available) return;
    database = await freshDatabase(engine);
    s = await startSlackHub(await database.open());
    const partners = await s.hub.services.pipelines.create({ user: s.users.mia, surface: 'api' }, {
      name: 'Partner channel',
      stages: [{ name: 'Sourced', probability: 5 }, { name: 'Co-selling 共同销售', id: 'co-sell', probability: 40 }, { name: 'Signed', probability: 100, outcome: 'won' }],
    });
    const ann = { user: s.users.ann, surface: 'api' as const };
    const acme = await s.hub.services.accounts.create(ann, { name: 'Acme Corp', domains: ['acme.example'] });
    dealId = (await s.hub.services.deals.create(ann, { title: 'Acme via partner', accountId: acme.id, amount: { minor: 1_250_000, currency: 'EUR' }, pipelineId: partners.id })).id;
  });
  afterAll(async () => {
    await s?.close();
    await database?.drop();
  });

  it.skipIf(!available)('offers the deal\'s own stages and closes it as won when it enters the stage that counts as won', async () => {
    await s.send(s.form(blockAction({ id: s.slackIds.ann }, { action_id: 'deal_update', value: dealId }, s.api.responseUrl('open'))));
    const opened = s.api.callsTo('views.open').at(-1)?.args.view as { callback_id: string; private_metadata: string; blocks: Array<{ block_id?: string; element?: Picker }> };
    const picker = opened.blocks.find((b) => b.block_id === 'stage')?.element;
    expect(picker?.options?.map((o) => o.text.text)).toEqual(['Sourced', 'Co-selling 共同销售', 'Signed']);
    expect(picker?.initial_option?.value).toBe('sourced');
    const submit = (id: string, stage: string) =>
      s.send(s.form(viewSubmission({ id: s.slackIds.ann }, { id, callback_id: opened.callback_id, private_metadata: opened.private_metadata }, { stage: { value: { type: 'static_select', selected_option: { value: stage } } } })));
    await submit('V0COSELL', 'co-sell');
    const actor = { user: s.users.ann, surface: 'api' as const };
    expect(await s.hub.services.deals.get(actor, dealId)).toMatchObject({ stageId: 'co-sell', probability: 40, status: 'open' });
    expect(blockText(s.api.callsTo('chat.postEphemeral').at(-1)?.args)).toContain('Co-selling 共同销售');
    await s.send(s.form(blockAction({ id: s.slackIds.ann }, { action_id: 'deal_update', value: dealId }, s.api.responseUrl('again'))));
    const again = s.api.callsTo('views.open').at(-1)?.args.view as { callback_id: string; private_metadata: string };
    await s.send(s.form(viewSubmission({ id: s.slackIds.ann }, { id: 'V0SIGNED', callback_id: again.callback_id, private_metadata: again.private_metadata }, { stage: { value: { type: 'static_select', selected_option: { value: 'signed' } } } })));
    expect(await s.hub.services.deals.get(actor, dealId)).toMatchObject({ stageId: 'signed', status: 'won', probability: 100 });
  });
});
