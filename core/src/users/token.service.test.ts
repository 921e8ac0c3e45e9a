import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../testing/world.js';

describe('TokenService', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  it('authenticates with the secret shown once, and stores only its hash', async () => {
    const { token, secret } = await world.services.tokens.create(null, world.users.ann.id, 'laptop');
    expect(secret).toMatch(/^rpt_[A-Za-z0-9]{40}$/);
    expect(token.tokenHash).not.toContain(secret.slice(4));
    expect((await world.services.tokens.authenticate(secret)).id).toBe(world.users.ann.id);
    await expect(world.services.tokens.authenticate(`${secret}x`)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('stops working once revoked or expired, or when the user is deactivated', async () => {
    const revoked = await world.services.tokens.create(null, world.users.ann.id, 'old');
    await world.services.tokens.revoke(world.as(world.users.ann), revoked.token.id);
    await expect(world.services.tokens.authenticate(revoked.secret)).rejects.toMatchObject({ code: 'unauthenticated' });

    const expiring = await world.services.tokens.create(null, world.users.ann.id, 'short', '2026-03-02T09:00:00.000Z');
    expect((await world.services.tokens.authenticate(expiring.secret)).id).toBe(world.users.ann.id);
    world.clock.set('2026-03-02T09:00:00.000Z');
    await expect(world.services.tokens.authenticate(expiring.secret)).rejects.toMatchObject({ code: 'unauthenticated' });

    const bo = await world.services.tokens.create(null, world.users.bo.id, 'bo');
    await world.services.users.update(null, world.users.bo.id, { active: false });
    await expect(world.services.tokens.authenticate(bo.secret)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses to create a token that has already expired, saying when it would have ended', async () => {
    const past = new Date(world.clock.now().getTime() - 60_000).toISOString();
    await expect(world.services.tokens.create(null, world.users.ann.id, 'late', past)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining(past) });
    await expect(world.services.tokens.create(null, world.users.ann.id, 'now', world.clock.now().toISOString())).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await world.services.tokens.list(null, world.users.ann.id)).toEqual([]);
  });

  it('lets people manage only their own tokens unless they are admins', async () => {
    const { token } = await world.services.tokens.create(null, world.users.ann.id, 'laptop');
    await expect(world.services.tokens.revoke(world.as(world.users.raj), token.id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(world.services.tokens.create(world.as(world.users.raj), world.users.ann.id, 'sneaky')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await world.services.tokens.revoke(world.as(world.users.admin), token.id)).revokedAt).not.toBeNull();
  });
});

describe('UserService', () => {
  it('lets people change their own time zone but not their role', async () => {
    const world = await createWorld();
    const ann = world.as(world.users.ann);
    expect(await world.services.users.update(ann, world.users.ann.id, { timeZone: 'Asia/Tokyo' })).toMatchObject({ timeZone: 'Asia/Tokyo', role: 'rep' });
    await expect(world.services.users.update(ann, world.users.ann.id, { role: 'admin' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(world.services.users.update(ann, world.users.ann.id, { timeZone: 'Mars/Olympus' })).rejects.toThrow(/IANA time zone/);
    await expect(world.services.users.create(ann, { name: 'X', email: 'x@rapport.test' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
