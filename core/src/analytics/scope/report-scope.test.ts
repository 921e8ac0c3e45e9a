import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../testing/world.js';
import { resolveScope } from './report-scope.js';

describe('report scopes', () => {
  let w: World;
  beforeEach(async () => {
    w = await createWorld();
  });
  const scope = (user: World['users']['ann'], requested?: string) => w.store.read((uow) => resolveScope(uow, user, requested));

  it('defaults to a rep\'s own, a manager\'s team, an admin\'s everyone', async () => {
    expect((await scope(w.users.ann)).info).toEqual({ kind: 'user', id: w.users.ann.id, name: 'Ann' });
    const team = await scope(w.users.mia);
    expect(team.info).toMatchObject({ kind: 'team', name: 'East' });
    expect(team.members.map((m) => m.name)).toEqual(['Ann', 'Mia', 'Raj']);
    expect(team.ownerIds).toHaveLength(3);
    const all = await scope(w.users.admin);
    expect(all).toMatchObject({ info: { kind: 'everyone', id: null }, ownerIds: undefined });
    expect(all.members).toHaveLength(6);
  });

  it('says what to ask for instead', async () => {
    await expect(scope(w.users.admin, 'team')).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/scope=team_/) });
    await expect(scope(w.users.ann, 'everything')).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'scope' }] });
    await expect(scope(w.users.mia, 'usr_nobody')).rejects.toMatchObject({ code: 'not_found' });
    await expect(scope(w.users.raj, w.users.ann.id)).rejects.toMatchObject({ code: 'forbidden' });
    const loner = await w.services.users.create(null, { name: 'Lou', email: 'lou@rapport.test', role: 'manager' });
    await expect(scope(loner, 'team')).rejects.toMatchObject({ code: 'not_found', message: expect.stringMatching(/not in a team/) });
    expect((await scope(w.users.admin, w.users.will.teamId ?? '')).members.map((m) => m.name)).toEqual(['Bo', 'Will']);
  });
});
