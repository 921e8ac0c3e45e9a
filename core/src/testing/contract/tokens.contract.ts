import { describe, expect, it } from 'vitest';
import { aToken } from '../builders.js';
import { expectCrmError, type ContractContext } from './support.js';

export function describeTokenContract({ write, read }: ContractContext): void {
  describe('tokens', () => {
    it('stores a token exactly and finds it by id and by hash', async () => {
      const token = aToken({
        name: 'CI ключ 🔑',
        createdAt: '2026-03-01T12:34:56.789Z',
        lastUsedAt: '2026-03-02T00:00:00.001Z',
        expiresAt: null,
        revokedAt: null,
      });
      await write((uow) => uow.tokens.insert(token));
      expect(await read((uow) => uow.tokens.get(token.id))).toEqual(token);
      expect(await read((uow) => uow.tokens.findByHash(token.tokenHash))).toEqual(token);
      expect(await read((uow) => uow.tokens.findByHash('f'.repeat(64)))).toBeNull();
      expect(await read((uow) => uow.tokens.get('tok_missing'))).toBeNull();
    });

    it("lists a user's tokens newest first, then by id descending", async () => {
      const older = aToken({ userId: 'usr_ann', createdAt: '2026-01-01T00:00:00.000Z' });
      const tieA = aToken({ userId: 'usr_ann', createdAt: '2026-02-01T00:00:00.000Z' });
      const tieB = aToken({ userId: 'usr_ann', createdAt: '2026-02-01T00:00:00.000Z' });
      const someoneElse = aToken({ userId: 'usr_bob', createdAt: '2026-03-01T00:00:00.000Z' });
      await write(async (uow) => {
        for (const t of [tieA, older, someoneElse, tieB]) await uow.tokens.insert(t);
      });
      expect((await read((uow) => uow.tokens.listByUser('usr_ann'))).map((t) => t.id)).toEqual([tieB.id, tieA.id, older.id]);
      expect(await read((uow) => uow.tokens.listByUser('usr_nobody'))).toEqual([]);
    });

    it('refuses a second token with the same hash and changes nothing', async () => {
      const first = aToken();
      await write((uow) => uow.tokens.insert(first));
      const clash = aToken({ tokenHash: first.tokenHash });
      await expectCrmError(write((uow) => uow.tokens.insert(clash)), 'conflict', 'hash');
      expect(await read((uow) => uow.tokens.get(clash.id))).toBeNull();
      expect(await read((uow) => uow.tokens.findByHash(first.tokenHash))).toEqual(first);
    });

    it('updates a token, refuses a hash another token holds, and reports an unknown one', async () => {
      const [a, b] = [aToken(), aToken()];
      await write(async (uow) => {
        await uow.tokens.insert(a);
        await uow.tokens.insert(b);
      });
      const revoked = { ...a, revokedAt: '2026-04-01T08:00:00.000Z', lastUsedAt: '2026-03-31T08:00:00.000Z' };
      expect(await write((uow) => uow.tokens.update(revoked))).toBe(true);
      expect(await read((uow) => uow.tokens.get(a.id))).toEqual(revoked);
      await expectCrmError(write((uow) => uow.tokens.update({ ...b, tokenHash: a.tokenHash })), 'conflict', 'hash');
      expect(await read((uow) => uow.tokens.get(b.id))).toEqual(b);
      expect(await write((uow) => uow.tokens.update(aToken({ id: 'tok_ghost' })))).toBe(false);
      expect(await read((uow) => uow.tokens.get('tok_ghost'))).toBeNull();
    });
  });
}
