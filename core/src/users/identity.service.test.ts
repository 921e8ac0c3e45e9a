import { describe, expect, it } from 'vitest';
import { CrmError } from '../shared/errors.js';
import { createWorld } from '../testing/world.js';

describe('IdentityService', () => {
  it('finds a Slack user by their profile email, then by the kept link', async () => {
    const w = await createWorld();
    const ids = w.services.identities;
    expect(await ids.findLinked('slack', 'U_ANN')).toEqual({ status: 'unknown' });
    const byEmail = await ids.linkByEmail('slack', 'U_ANN', 'ANN@rapport.test');
    expect(byEmail).toMatchObject({ status: 'linked', user: { id: w.users.ann.id, identities: { slackUserId: 'U_ANN' } } });
    expect(await ids.findLinked('slack', 'U_ANN')).toMatchObject({ status: 'linked', user: { id: w.users.ann.id } });
  });

  it('does not take over a user already linked to another Slack account, and knows nobody by a strange email', async () => {
    const w = await createWorld();
    await w.services.identities.linkByEmail('slack', 'U_ANN', 'ann@rapport.test');
    expect(await w.services.identities.linkByEmail('slack', 'U_OTHER', 'ann@rapport.test')).toMatchObject({ status: 'taken' });
    expect(await w.services.identities.linkByEmail('slack', 'U_NEW', 'stranger@else.test')).toEqual({ status: 'unknown' });
    expect(await w.services.identities.linkByEmail('slack', 'U_NEW', null)).toEqual({ status: 'unknown' });
  });

  it('reports a switched-off user as inactive', async () => {
    const w = await createWorld();
    await w.services.users.update(null, w.users.bo.id, { active: false });
    expect(await w.services.identities.linkByEmail('slack', 'U_BO', 'bo@rapport.test')).toMatchObject({ status: 'inactive' });
  });

  it('links with a one-time code: once, within 15 minutes, moving the Slack id off anyone else', async () => {
    const w = await createWorld();
    const ids = w.services.identities;
    await ids.linkByEmail('slack', 'U_SHARED', 'raj@rapport.test');
    const { code } = await ids.issueLinkCode(w.as(w.users.ann));
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const linked = await ids.redeemLinkCode('slack', 'U_SHARED', code.toLowerCase().replace('-', ' '));
    expect(linked).toMatchObject({ id: w.users.ann.id, identities: { slackUserId: 'U_SHARED' } });
    expect((await w.services.users.get(null, w.users.raj.id)).identities.slackUserId).toBeNull();
    await expect(ids.redeemLinkCode('slack', 'U_SHARED', code)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('used already') });

    const late = await ids.issueLinkCode(w.as(w.users.bo));
    w.clock.advance(15 * 60_000 + 1);
    await expect(ids.redeemLinkCode('slack', 'U_BO', late.code)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('expired') });
    await expect(ids.redeemLinkCode('slack', 'U_BO', 'nonsense')).rejects.toBeInstanceOf(CrmError);
    expect(await ids.findLinked('slack', 'U_BO')).toEqual({ status: 'unknown' });
  });
});
