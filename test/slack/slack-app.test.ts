import { blockAction, blockSuggestion, eventCallback, messageShortcut, slackSignature, viewSubmission } from '@rapport/slack-app/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabaseHandle } from '../support/databases.js';
import { blockText, mrkdwnTexts, startSlackHub, SIGNING_SECRET, type SlackHub } from './slack-hub.js';

/**
 * The Slack app mounted in a running hub, on each database engine. Requests are signed exactly
 * as Slack signs them and sent over HTTP to /slack/events; Slack's Web API is a local stand-in
 * (Slack's servers cannot be reached from tests) that records each call and checks every
 * payload against Block Kit's limits.
 */
describe.each(ENGINES)('the Slack app in a hub on $engine', ({ engine, available }) => {
  let database: TestDatabaseHandle;
  let s: SlackHub;
  let acmeId: string;
  let dealId: string;

  beforeAll(async () => {
    if (!available) return;
    database = await freshDatabase(engine);
    s = await startSlackHub(await database.open());
    const ann = { user: s.users.ann, surface: 'api' as const };
    const acme = await s.hub.services.accounts.create(ann, { name: 'Acme Corp', domains: ['acme.example'] });
    acmeId = acme.id;
    await s.hub.services.contacts.create(ann, { name: 'Lucía Fernández', emails: ['lucia@acme.example'], accountId: acme.id, title: 'CTO' });
    dealId = (await s.hub.services.deals.create(ann, { title: 'Acme renewal', accountId: acme.id, amount: { minor: 1_250_000, currency: 'EUR' }, expectedCloseDate: '2027-03-31' })).id;
  });
  afterAll(async () => {
    await s?.close();
    await database?.drop();
  });

  it.skipIf(!available)('refuses missing, stale and tampered signatures with 401 and does nothing', async () => {
    const command = s.form({ command: '/crm', text: 'deal acme win', user_id: s.slackIds.ann, response_url: s.api.responseUrl('nope') });
    const unsigned = await fetch(`${s.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: command.body });
    const stale = await fetch(`${s.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackSignature(SIGNING_SECRET, command.body, Math.floor(Date.now() / 1000) - 600) },
      body: command.body,
    });
    const tampered = await fetch(`${s.url}/slack/events`, { method: 'POST', headers: command.headers, body: command.body.replace('win', 'lose') });
    expect([unsigned.status, stale.status, tampered.status]).toEqual([401, 401, 401]);
    expect(s.api.responses.filter((r) => r.id === 'nope')).toEqual([]);
    expect((await s.hub.services.deals.get({ user: s.users.ann, surface: 'api' }, dealId)).status).toBe('open');
  });

  it.skipIf(!available)('answers /crm find with the customer card, escaped, within the limits', async () => {
    const { ack, reply } = await s.crm(s.slackIds.ann, 'find lucia@acme.example');
    expect(ack.status).toBe(200);
    expect(reply).toMatchObject({ response_type: 'ephemeral' });
    const text = blockText(reply);
    expect(text).toContain('Lucía Fernández · Acme Corp');
    expect(text).toContain('Acme renewal');
    expect(text).toContain('€12,500');
    const buttons = JSON.stringify(reply?.blocks);
    for (const label of ['Log a note', 'Move stage', 'Remind me', 'Open in browser']) expect(buttons).toContain(label);
  });

  it.skipIf(!available)('never lets a customer name ping a channel', async () => {
    await s.hub.services.accounts.create({ user: s.users.ann, surface: 'api' }, { name: '<!channel> & <@U0MIA> Ltd' });
    const { reply } = await s.crm(s.slackIds.ann, 'find channel');
    const parsed = [String(reply?.text), ...mrkdwnTexts(reply?.blocks)];
    expect(parsed.join('\n')).toContain('&lt;!channel&gt; &amp; &lt;@U0MIA&gt; Ltd');
    for (const text of parsed) {
      expect(text).not.toContain('<!channel>');
      expect(text).not.toContain('<@U0MIA>');
    }
  });

  it.skipIf(!available)('tells an unknown Slack user what to do, and does nothing else for them', async () => {
    const { reply } = await s.crm(s.slackIds.stranger, 'deal acme win');
    expect(reply?.text).toContain('Rapport does not know you yet');
    expect((await s.hub.services.deals.get({ user: s.users.ann, surface: 'api' }, dealId)).status).toBe('open');
  });

  it.skipIf(!available)('links a Slack user whose email differs with a one-time code', async () => {
    expect((await s.crm(s.slackIds.bo, 'help')).reply?.text).toContain('Rapport does not know you yet');
    const { code } = await s.hub.services.identities.issueLinkCode({ user: s.users.bo, surface: 'cli' });
    expect(blockText((await s.crm(s.slackIds.bo, `link ${code}`)).reply)).toContain('Slack now acts as Bo Rep');
    expect((await s.crm(s.slackIds.bo, `link ${code}`)).reply?.text).toContain('used already');
    expect(blockText((await s.crm(s.slackIds.bo, 'pipeline')).reply)).toContain('no open deals');
  });

  it.skipIf(!available)('says what it understood and what to type when the input is wrong', async () => {
    const { reply } = await s.crm(s.slackIds.ann, 'deal acme stagee proposal');
    const text = blockText(reply);
    expect(text).toMatch(/Understood/);
    expect(text).toMatch(/Try:/);
    expect((await s.crm(s.slackIds.ann, 'dael acme')).reply?.text).toContain('Did you mean "deal"');
  });

  it.skipIf(!available)('moves a deal, refuses another rep, and offers a pick when several deals match', async () => {
    expect(blockText((await s.crm(s.slackIds.ann, 'deal acme stage proposal')).reply)).toContain('Moved “Acme renewal” to Proposal');
    expect((await s.crm(s.slackIds.bo, 'deal acme amount 1')).reply?.text).toContain('Not allowed');
    const second = await s.hub.services.deals.create({ user: s.users.ann, surface: 'api' }, { title: 'Acme expansion', accountId: acmeId, amount: { minor: 500_000, currency: 'EUR' } });
    const { reply } = await s.crm(s.slackIds.ann, 'deal acme close 2027-06-30');
    expect(blockText(reply)).toContain('2 open deals match');
    const pick = (reply?.blocks as Array<{ accessory?: { action_id: string; value: string } }>).map((b) => b.accessory).find((a) => a?.value.includes(second.id));
    expect(pick?.action_id).toBe('pick_deal');
    const click = () => s.send(s.form(blockAction({ id: s.slackIds.ann }, { action_id: 'pick_deal', value: pick?.value ?? '' }, s.api.responseUrl('pick'))));
    await click();
    await click();
    expect(s.api.responses.filter((r) => r.id === 'pick')).toHaveLength(1);
    expect(s.api.responses.find((r) => r.id === 'pick')?.body).toMatchObject({ replace_original: true });
    expect((await s.hub.services.deals.get({ user: s.users.ann, surface: 'api' }, second.id)).expectedCloseDate).toBe('2027-06-30');
  });

  it.skipIf(!available)('sets a reminder in the person’s own time zone, and shows pipeline and help', async () => {
    const { reply } = await s.crm(s.slackIds.ann, 'remind tomorrow 9am call Lucía about Acme');
    expect(reply?.text).toContain('(Europe/Berlin)');
    const [reminder] = (await s.hub.services.reminders.list({ user: s.users.ann, surface: 'api' }, { statuses: ['open'] }, { limit: 10 })).items;
    expect(new Date(reminder?.dueAt ?? '').toLocaleTimeString('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' })).toBe('09:00');
    expect(blockText((await s.crm(s.slackIds.ann, 'pipeline')).reply)).toContain('Proposal');
    expect(blockText((await s.crm(s.slackIds.ann, 'help')).reply)).toContain('/crm find');
    expect((await s.crm(s.slackIds.mia, 'pipeline team')).reply?.text).toContain('East');
  });

  it.skipIf(!available)('updates a deal from its modal once, however often the modal is submitted', async () => {
    await s.send(s.form(blockAction({ id: s.slackIds.ann }, { action_id: 'deal_update', value: dealId }, s.api.responseUrl('open'))));
    const opened = s.api.callsTo('views.open').at(-1)?.args.view as { callback_id: string; private_metadata: string };
    expect(opened.callback_id).toBe('deal_update_modal');
    const values = {
      stage: { value: { type: 'static_select', selected_option: { value: 'negotiation' } } },
      amount: { value: { type: 'plain_text_input', value: '15k' } },
      close: { value: { type: 'datepicker', selected_date: '2027-04-30' } },
      note: { value: { type: 'plain_text_input', value: 'Verbal yes from Lucía' } },
    };
    const submit = s.form(viewSubmission({ id: s.slackIds.ann }, { id: 'V0DEAL', callback_id: opened.callback_id, private_metadata: opened.private_metadata }, values));
    expect((await s.send(submit)).status).toBe(200);
    await s.send(s.form(viewSubmission({ id: s.slackIds.ann }, { id: 'V0DEAL', callback_id: opened.callback_id, private_metadata: opened.private_metadata }, values)));
    const actor = { user: s.users.ann, surface: 'api' as const };
    expect(await s.hub.services.deals.get(actor, dealId)).toMatchObject({ stageId: 'negotiation', amount: { minor: 1_500_000 }, expectedCloseDate: '2027-04-30' });
    const notes = await s.hub.services.activities.list(actor, { about: { dealIds: [dealId] }, types: ['note'] }, { limit: 10 });
    expect(notes.items.filter((n) => n.body === 'Verbal yes from Lucía')).toHaveLength(1);
    expect(blockText(s.api.callsTo('chat.postEphemeral').at(-1)?.args)).toContain('Updated “Acme renewal”');

    const badAmount = await s.send(s.form(viewSubmission({ id: s.slackIds.ann }, { id: 'V0BAD', callback_id: opened.callback_id, private_metadata: opened.private_metadata }, { amount: { value: { type: 'plain_text_input', value: 'lots' } } })));
    expect(await badAmount.json()).toMatchObject({ response_action: 'errors', errors: { amount: expect.stringContaining('12.5k') } });
  });

  it.skipIf(!available)('creates a reminder from the Remind me modal with date and time pickers', async () => {
    const contact = (await s.hub.services.lookup.lookup({ user: s.users.ann, surface: 'api' }, 'lucia@acme.example'))[0];
    const contactId = contact?.kind === 'contact' ? contact.contact.id : '';
    await s.send(s.form(blockAction({ id: s.slackIds.ann }, { action_id: 'card_remind_me', value: contactId }, s.api.responseUrl('remind'))));
    const view = s.api.callsTo('views.open').at(-1)?.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(JSON.stringify(view.blocks)).toContain('Time (Europe/Berlin)');
    await s.send(s.form(viewSubmission({ id: s.slackIds.ann }, { id: 'V0REM', callback_id: view.callback_id, private_metadata: view.private_metadata }, {
      what: { value: { type: 'plain_text_input', value: 'Send the contract' } },
      day: { value: { type: 'datepicker', selected_date: '2030-01-15' } },
      time: { value: { type: 'timepicker', selected_time: '14:30' } },
    })));
    const reminders = await s.hub.services.reminders.list({ user: s.users.ann, surface: 'api' }, { statuses: ['open'] }, { limit: 20 });
    expect(reminders.items.find((r) => r.title === 'Send the contract')).toMatchObject({ dueAt: '2030-01-15T13:30:00.000Z', contactId, accountId: acmeId });
  });

  it.skipIf(!available)('DMs a due reminder, respects quiet hours, and marks it done once however often Done is clicked', async () => {
    await s.crm(s.slackIds.ann, 'help'); // Slack knows Ann from here on
    const actor = { user: s.users.ann, surface: 'api' as const };
    const due = await s.hub.services.reminders.create(actor, { title: 'Call Lucía back', dueAt: new Date(Date.now() - 60_000).toISOString(), accountId: acmeId });
    await s.hub.scheduler.runOnce();
    const dm = s.api.callsTo('chat.postMessage').find((c) => blockText(c.args).includes('Call Lucía back'));
    expect(dm?.args.channel).toBe(s.slackIds.ann);
    expect(blockText(dm?.args)).toContain('Acme Corp');
    const stored = [...s.api.messages.values()].find((m) => m.text.includes('Call Lucía back'));
    const done = (stored?.blocks.at(-1) as { elements: Array<{ action_id: string; value: string }> }).elements[0];
    const click = () => s.send(s.form(blockAction({ id: s.slackIds.ann }, { action_id: done?.action_id ?? '', value: done?.value ?? '' }, s.api.responseUrl('done'), { type: 'message', channel_id: stored?.channel ?? '', message_ts: stored?.ts ?? '' })));
    await click();
    await click();
    expect((await s.hub.services.reminders.get(actor, due.id)).status).toBe('done');
    expect(stored?.text).toContain('is already done');
    expect(s.api.callsTo('chat.update').map((c) => c.args.text)).toEqual([expect.stringContaining('Done: '), expect.stringContaining('already done')]);

    const clock = (offsetHours: number) => new Date(Date.now() + offsetHours * 3_600_000).toLocaleTimeString('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    await s.hub.services.users.update(null, s.users.mia.id, { quietHours: { start: clock(-1), end: clock(1) } });
    await s.hub.services.reminders.create({ user: s.users.mia, surface: 'api' }, { title: 'Quiet please', dueAt: new Date(Date.now() - 60_000).toISOString() });
    await s.crm(s.slackIds.mia, 'help');
    await s.hub.scheduler.runOnce();
    expect(s.api.callsTo('chat.postMessage').some((c) => blockText(c.args).includes('Quiet please'))).toBe(false);
  });

  it.skipIf(!available)('hands a DM Slack rate-limited back to the scheduler, to retry after Retry-After', async () => {
    await s.crm(s.slackIds.ann, 'help'); // Slack knows Ann from here on
    const actor = { user: s.users.ann, surface: 'api' as const };
    const reminder = await s.hub.services.reminders.create(actor, { title: 'Rate limited ping', dueAt: new Date(Date.now() - 1000).toISOString() });
    s.api.rateLimit('chat.postMessage', 1);
    await s.hub.scheduler.runOnce();
    const [delivery] = await s.hub.store.read((uow) => uow.deliveries.listForReminder(reminder.id));
    const slack = (await s.hub.store.read((uow) => uow.deliveries.listForReminder(reminder.id))).find((d) => d.channel === 'slack');
    expect(delivery).toBeDefined();
    expect(slack).toMatchObject({ status: 'retrying', lastError: expect.stringContaining('wait 1 s') });
    expect(Date.parse(slack?.nextAttemptAt ?? '') - Date.parse(slack?.updatedAt ?? '')).toBe(1000);
  });

  it.skipIf(!available)('publishes App Home on open, and handles a retried event once', async () => {
    const before = s.api.callsTo('views.publish').length;
    const event = eventCallback({ type: 'app_home_opened', user: s.slackIds.ann, channel: 'D0ANN', tab: 'home' }, 'Ev0HOME1');
    expect((await s.send(s.json(event))).status).toBe(200);
    expect((await s.send(s.json(event), { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    const published = s.api.callsTo('views.publish').slice(before);
    expect(published).toHaveLength(1);
    const home = blockText({ blocks: (published[0]?.args.view as { blocks: unknown[] }).blocks });
    expect(home).toContain('Open deals by close date');
    expect(home).toContain('Acme renewal');
  });

  it.skipIf(!available)('saves a Slack message to a customer once, by its permalink', async () => {
    const message = { ts: '1769990000.000100', text: 'Lucía says: budget approved &amp; signed &lt;soon&gt;' };
    await s.send(s.form(messageShortcut({ id: s.slackIds.ann }, 'save_message_to_crm', message, s.api.responseUrl('shortcut'))));
    const view = s.api.callsTo('views.open').at(-1)?.args.view as { callback_id: string; private_metadata: string; blocks: Array<{ element?: { initial_value?: string } }> };
    expect(view.blocks[1]?.element?.initial_value).toBe('Lucía says: budget approved & signed <soon>');
    const options = await (await s.send(s.form(blockSuggestion({ id: s.slackIds.ann }, 'customer', 'acme')))).json();
    expect(options.options[0]).toMatchObject({ value: acmeId });
    // Found from the first character typed, as one character is a whole Chinese family name.
    const first = await (await s.send(s.form(blockSuggestion({ id: s.slackIds.ann }, 'customer', 'A')))).json();
    expect(first.options.map((o: { value: string }) => o.value)).toContain(acmeId);
    const submit = (id: string) =>
      s.send(s.form(viewSubmission({ id: s.slackIds.ann }, { id, callback_id: view.callback_id, private_metadata: view.private_metadata }, {
        customer: { customer: { type: 'external_select', selected_option: { value: acmeId } } },
        text: { value: { type: 'plain_text_input', value: 'Lucía says: budget approved & signed <soon>' } },
      })));
    await submit('V0SAVE1');
    await submit('V0SAVE2');
    const chats = await s.hub.services.activities.list({ user: s.users.ann, surface: 'api' }, { about: { accountIds: [acmeId] }, types: ['chat'] }, { limit: 10 });
    expect(chats.items).toHaveLength(1);
    expect(chats.items[0]).toMatchObject({ externalId: 'https://rapport-test.slack.com/archives/C0SALES/p1769990000000100', surface: 'slack', occurredAt: '2026-02-01T23:53:20.000Z' });
    expect(blockText(s.api.callsTo('chat.postEphemeral').at(-1)?.args)).toContain('saved to the CRM before');
  });

  it.skipIf(!available)('posts deal alerts to the channel an admin set, once, without pinging people about their own action', async () => {
    expect((await s.crm(s.slackIds.ann, 'alerts here', 'C0ALERTS')).reply?.text).toContain('Not allowed');
    expect(blockText((await s.crm(s.slackIds.admin, 'alerts here', 'C0ALERTS')).reply)).toContain('<#C0ALERTS>');
    await s.crm(s.slackIds.admin, 'alerts min 5k EUR', 'C0ALERTS');
    await s.slack.alerts.runOnce();
    const small = await s.hub.services.deals.create({ user: s.users.ann, surface: 'api' }, { title: 'Tiny', accountId: acmeId, amount: { minor: 100, currency: 'EUR' } });
    await s.crm(s.slackIds.ann, `deal ${small.id} win`);
    await s.crm(s.slackIds.ann, `deal ${dealId} win`);
    const open = await s.hub.services.deals.list({ user: s.users.mia, surface: 'api' }, { accountId: acmeId, statuses: ['open'] }, { limit: 10 });
    const expansion = open.items.find((d) => d.title === 'Acme expansion');
    await s.hub.services.deals.moveStage({ user: s.users.mia, surface: 'teams' }, expansion?.id ?? '', 'demo');
    expect(await s.slack.alerts.runOnce()).toBe(2);
    expect(await s.slack.alerts.runOnce()).toBe(0);
    const alerts = s.api.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0ALERTS');
    const won = alerts.find((c) => String(c.args.text).includes('won'));
    expect(won?.args.text).toBe('Ann Lee won *Acme renewal* (Acme Corp) · €15,000');
    expect(JSON.stringify(won?.args.blocks)).not.toContain('<@U0ANN>');
    expect(alerts.some((c) => String(c.args.text).includes('Tiny'))).toBe(false);
    const moved = alerts.find((c) => String(c.args.text).includes('moved'));
    expect(blockText(moved?.args)).toContain('Mia Manager moved *Acme expansion* (Acme Corp) from Lead to Demo · €5,000 · owner <@U0ANN>');
  });

  it.skipIf(!available)('opens the card in a browser from the link on the card, escaped', async () => {
    const { reply } = await s.crm(s.slackIds.ann, 'find acme corp');
    const link = JSON.stringify(reply?.blocks).match(/http:\/\/rapport\.test(\/slack\/open\/[^"]+)/)?.[1];
    expect(link).toBeDefined();
    const page = await fetch(`${s.url}${link}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Acme Corp</h1>');
    expect((await fetch(`${s.url}${link}x`)).status).toBe(404);
  });

  it.skipIf(!available)('kept every payload within Block Kit limits', () => {
    expect(s.api.problems()).toEqual([]);
  });
});
