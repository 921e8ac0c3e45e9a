import { describe, expect, it } from 'vitest';
import { reminderValue } from '../../views/reminder-buttons.js';
import { fakeClient, listenerWorld } from '../listener-world.fixture.js';
import type { ButtonArgs } from './action-args.js';
import { reminderButton } from './reminder-buttons.js';

describe('reminder buttons', () => {
  it('marks a reminder done once, and a second click only shows it is already done', async () => {
    const { world, deps } = await listenerWorld();
    const reminder = await world.services.reminders.create(world.as(world.users.ann), { title: 'Call José', due: 'tomorrow 9am', contactId: world.contacts.jose.id });
    const { client, calls } = fakeClient({ U_ANN: 'ann@rapport.test' });
    const click = (value: string) =>
      reminderButton(deps)({
        ack: async () => {},
        body: { user: { id: 'U_ANN' }, container: { type: 'message', channel_id: 'D1', message_ts: '1.2' } },
        action: { value },
        client,
      } as unknown as ButtonArgs);
    await click(reminderValue(reminder));
    await click(reminderValue(reminder));
    expect((await world.services.reminders.get(world.as(world.users.ann), reminder.id)).status).toBe('done');
    const updates = calls.filter((c) => c.method === 'chat.update').map((c) => String(c.args.text));
    expect(updates).toEqual([expect.stringContaining('Done: *Call José*'), expect.stringContaining('already done')]);
  });

  it('snoozes until tomorrow in the person’s own zone', async () => {
    const { world, deps } = await listenerWorld();
    const reminder = await world.services.reminders.create(world.as(world.users.ann), { title: 'Send deck', due: 'in 1 hour' });
    const { client } = fakeClient({ U_ANN: 'ann@rapport.test' });
    await reminderButton(deps)({ ack: async () => {}, body: { user: { id: 'U_ANN' }, container: { type: 'message', channel_id: 'D1', message_ts: '1.2' } }, action: { value: reminderValue(reminder, 'tomorrow') }, client } as unknown as ButtonArgs);
    const snoozed = await world.services.reminders.get(world.as(world.users.ann), reminder.id);
    expect(new Date(snoozed.snoozedUntil ?? '').toLocaleString('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', day: '2-digit' })).toBe('03, 09:00');
  });
});
