import { describe, expect, it } from 'vitest';
import type { UserRepository } from '../../users/user.port.js';
import { aTeam, aUser } from '../builders.js';
import { allPages, badCursors, expectCrmError, idsByName, sortedIds, type ContractContext } from './support.js';

const NAMES = ['Zoë Adams', 'anna Berg', 'Åsa Lind', '李雷', 'Bob Stone', 'bob stone', 'José García', '🙂 Smiley', 'Émile Zola'];

export function describeUserContract({ write, read }: ContractContext): void {
  describe('users', () => {
    it('stores a user exactly as given and hands out copies', async () => {
      const user = aUser({
        name: '王芳 🚀',
        teamId: 'team_sales',
        role: 'manager',
        timeZone: 'Asia/Shanghai',
        quietHours: { start: '21:30', end: '07:00' },
        identities: { slackUserId: 'U024BE7LH', entraObjectId: '7c1f-entra' },
        createdAt: '2026-03-01T12:34:56.789Z',
        updatedAt: '1999-12-31T23:59:59.999Z',
      });
      await write((uow) => uow.users.insert(user));
      user.name = 'changed after insert';
      const stored = await read((uow) => uow.users.get(user.id));
      expect(stored).toEqual({ ...user, name: '王芳 🚀' });
      stored!.identities.slackUserId = 'mutated';
      expect((await read((uow) => uow.users.get(user.id)))?.identities.slackUserId).toBe('U024BE7LH');
      expect(await read((uow) => uow.users.get('usr_missing'))).toBeNull();
    });

    it('gets many by id, skipping unknown ids', async () => {
      const [a, b, c] = [aUser(), aUser(), aUser()];
      await write(async (uow) => {
        for (const u of [a, b, c]) await uow.users.insert(u!);
      });
      expect(sortedIds(await read((uow) => uow.users.getMany([c!.id, 'usr_missing', a!.id])))).toEqual(sortedIds([a!, c!]));
      expect(await read((uow) => uow.users.getMany([]))).toEqual([]);
    });

    it('finds users by email, whatever its case, and by Slack or Entra identity', async () => {
      const ann = aUser({ email: 'ann@example.com', identities: { slackUserId: 'U1', entraObjectId: 'E1' } });
      const bob = aUser({ email: 'bob@example.com', identities: { slackUserId: 'U2', entraObjectId: null } });
      await write(async (uow) => {
        await uow.users.insert(ann);
        await uow.users.insert(bob);
      });
      expect((await read((uow) => uow.users.findByEmail('ANN@Example.com')))?.id).toBe(ann.id);
      expect(await read((uow) => uow.users.findByEmail('nobody@example.com'))).toBeNull();
      expect((await read((uow) => uow.users.findByIdentity('slack', 'U2')))?.id).toBe(bob.id);
      expect((await read((uow) => uow.users.findByIdentity('entra', 'E1')))?.id).toBe(ann.id);
      expect(await read((uow) => uow.users.findByIdentity('entra', 'U1'))).toBeNull();
      expect(await read((uow) => uow.users.findByIdentity('slack', 'U9'))).toBeNull();
    });

    it('keeps one user per email address, whatever its case, on insert and on update', async () => {
      const ann = aUser({ email: 'ann@example.com' });
      const bob = aUser({ email: 'bob@example.com' });
      await write(async (uow) => {
        await uow.users.insert(ann);
        await uow.users.insert(bob);
      });
      await expectCrmError(write((uow) => uow.users.insert(aUser({ email: 'ANN@example.com' }))), 'conflict', 'ann@example.com');
      await expectCrmError(write((uow) => uow.users.update({ ...bob, email: 'ann@example.com' })), 'conflict', 'ann@example.com');
      expect((await read((uow) => uow.users.get(bob.id)))?.email).toBe('bob@example.com');
      expect(await read((uow) => uow.users.count())).toBe(2);
    });

    it('lists users by name (code-point order of the sort key), then id, across pages', async () => {
      const users = NAMES.map((name) => aUser({ name }));
      await write(async (uow) => {
        for (const u of [...users].reverse()) await uow.users.insert(u);
      });
      const { items, pages } = await allPages((page) => read((uow) => uow.users.list({}, page)), 2);
      expect(items.map((u) => u.id)).toEqual(idsByName(users));
      expect(pages).toBe(5);
      expect(await read((uow) => uow.users.count())).toBe(NAMES.length);
    });

    it('filters the list by team, role and active', async () => {
      const users = [
        aUser({ teamId: 'team_a', role: 'rep' }),
        aUser({ teamId: 'team_a', role: 'manager', active: false }),
        aUser({ teamId: 'team_b', role: 'admin' }),
        aUser({ teamId: null, role: 'rep' }),
      ];
      await write(async (uow) => {
        for (const u of users) await uow.users.insert(u);
      });
      const list = (filter: Parameters<UserRepository['list']>[0]) =>
        read(async (uow) => sortedIds((await uow.users.list(filter, { limit: 50 })).items));
      expect(await list({ teamId: 'team_a' })).toEqual(sortedIds(users.slice(0, 2)));
      expect(await list({ role: 'rep' })).toEqual(sortedIds([users[0]!, users[3]!]));
      expect(await list({ active: false })).toEqual([users[1]!.id]);
      expect(await list({ active: true, teamId: 'team_a' })).toEqual([users[0]!.id]);
      expect(await list({})).toEqual(sortedIds(users));
    });

    it('refuses a cursor it did not give', async () => {
      await write((uow) => uow.users.insert(aUser()));
      for (const cursor of badCursors(2)) {
        await expectCrmError(read((uow) => uow.users.list({}, { limit: 5, cursor })), 'invalid_input');
      }
    });

    it('refuses a second user with the same id and keeps the first', async () => {
      const user = aUser({ name: 'First' });
      await write((uow) => uow.users.insert(user));
      await expectCrmError(write((uow) => uow.users.insert({ ...user, name: 'Second' })), 'conflict', user.id);
      expect((await read((uow) => uow.users.get(user.id)))?.name).toBe('First');
    });

    it('updates a user (last write wins) and reports an unknown one', async () => {
      const user = aUser();
      await write((uow) => uow.users.insert(user));
      const next = { ...user, name: 'Ann Lee-Smith', active: false, updatedAt: '2026-02-01T00:00:00.000Z' };
      expect(await write((uow) => uow.users.update(next))).toBe(true);
      expect(await read((uow) => uow.users.get(user.id))).toEqual(next);
      expect(await write((uow) => uow.users.update(aUser({ id: 'usr_ghost' })))).toBe(false);
      expect(await read((uow) => uow.users.get('usr_ghost'))).toBeNull();
    });
  });

  describe('teams', () => {
    it('stores teams, lists them by name then id, and updates them', async () => {
      const teams = ['Vertrieb Süd', 'apac', 'Ämter', '销售一部', 'APAC'].map((name) => aTeam({ name }));
      await write(async (uow) => {
        for (const t of teams) await uow.teams.insert(t);
      });
      expect((await read((uow) => uow.teams.list())).map((t) => t.id)).toEqual(idsByName(teams));
      expect(await read((uow) => uow.teams.get(teams[3]!.id))).toEqual(teams[3]);
      expect(await read((uow) => uow.teams.get('team_missing'))).toBeNull();
      const renamed = { ...teams[0]!, name: 'Vertrieb Nord' };
      expect(await write((uow) => uow.teams.update(renamed))).toBe(true);
      expect(await read((uow) => uow.teams.get(renamed.id))).toEqual(renamed);
      expect(await write((uow) => uow.teams.update(aTeam({ id: 'team_ghost' })))).toBe(false);
      await expectCrmError(write((uow) => uow.teams.insert(teams[1]!)), 'conflict', teams[1]!.id);
    });
  });
}
