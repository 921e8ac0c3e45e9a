import { describe, expect, it } from 'vitest';
import { fakeClient, listenerWorld } from '../listener-world.fixture.js';
import { crmCommand, type CommandArgs } from './crm.js';

async function run(text: string, userId: string, emails: Record<string, string>) {
  const { world, deps } = await listenerWorld();
  const steps: string[] = [];
  const replies: Array<{ text: string; blocks: unknown[]; response_type: string }> = [];
  const { client } = fakeClient(emails);
  const args = {
    command: { text, user_id: userId, channel_id: 'C1' },
    ack: async () => void steps.push('ack'),
    respond: async (message: { text: string; blocks: unknown[]; response_type: string }) => {
      steps.push('respond');
      replies.push(message);
    },
    client,
  } as unknown as CommandArgs;
  await crmCommand(deps)(args);
  return { world, steps, replies };
}

describe('/crm', () => {
  it('acks first, then answers the person only, with the outcome of the core command', async () => {
    const { steps, replies } = await run('find ann lee', 'U_ANN', { U_ANN: 'ann@rapport.test' });
    expect(steps).toEqual(['ack', 'respond']);
    expect(replies[0]).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Ann Lee') });
  });

  it('moves a deal as the Slack user’s Rapport user, with the core’s permissions', async () => {
    const ann = await run('deal acme renewal stage proposal', 'U_ANN', { U_ANN: 'ann@rapport.test' });
    expect(ann.replies[0]?.text).toContain('Moved “Acme renewal” to Proposal');
    expect((await ann.world.reload(ann.world.deals.acmeRenewal)).stageId).toBe('proposal');
    const bo = await run('deal acme renewal stage proposal', 'U_BO', { U_BO: 'bo@rapport.test' });
    expect(bo.replies[0]?.text).toContain('Not allowed');
  });

  it('says what it understood and what to type for text it cannot read', async () => {
    const { replies } = await run('deal acme', 'U_ANN', { U_ANN: 'ann@rapport.test' });
    expect(JSON.stringify(replies[0]?.blocks)).toContain('Understood');
  });

  it('does nothing for a Slack user Rapport does not know, and says what to do', async () => {
    const { world, replies } = await run('deal acme renewal win', 'U_X', { U_X: 'nobody@else.test' });
    expect(replies[0]?.text).toContain('Rapport does not know you yet (no Rapport user has nobody@else.test)');
    expect((await world.reload(world.deals.acmeRenewal)).status).toBe('open');
  });
});
