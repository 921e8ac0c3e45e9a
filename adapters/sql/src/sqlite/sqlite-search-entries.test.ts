import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareCodePoints, sortKey } from '@rapport/core';
import { aContact } from '@rapport/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlStore } from '../sql-store.js';
import { createSqliteStore } from './sqlite-store.js';

describe('SQLite search entries in name order', () => {
  let dir: string;
  let store: SqlStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-search-order-'));
    store = await createSqliteStore({ file: join(dir, 'rapport.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const search = async (query: string, limit: number): Promise<string[]> =>
    (await store.read((uow) => uow.search.customers({ words: [query], limit }))).contacts.map((c) => c.id);
  const inNameOrder = (contacts: Array<{ id: string; name: string }>): string[] =>
    [...contacts].sort((a, b) => compareCodePoints(sortKey(a.name), sortKey(b.name)) || compareCodePoints(a.id, b.id)).map((c) => c.id);

  it('gives the first page in name then id order when many people share a name, written in any order', async () => {
    // Each new "Ann Lee" sorts before the last one written, so their numbers run out and the stretch around them is renumbered.
    const lees = Array.from({ length: 80 }, (_, i) => aContact({ id: `con_lee${String(99 - i).padStart(3, '0')}`, name: 'Ann Lee', emails: [] }));
    const others = ['Ann Kay', 'Ann Lea', 'Ann Lee Adams', 'anna lee', 'Ánn Lee'].map((name, i) => aContact({ id: `con_other${i}`, name, emails: [] }));
    for (const contact of [...others.slice(0, 2), ...lees, ...others.slice(2)]) await store.transaction((uow) => uow.contacts.insert(contact));
    const everyone = [...lees, ...others];
    expect(await search('ann', 30)).toEqual(inNameOrder(everyone).slice(0, 30));
    expect(await search('ann', 200)).toEqual(inNameOrder(everyone));
    expect(await search('lee', 3)).toEqual(inNameOrder(everyone.filter((c) => c.name !== 'Ann Kay' && c.name !== 'Ann Lea')).slice(0, 3));
  });

  it('keeps a renamed person in order, and a person whose name is unchanged in place', async () => {
    const ann = aContact({ id: 'con_a', name: 'Ann Zed', emails: [] });
    const bob = aContact({ id: 'con_b', name: 'Ann Bob', emails: [] });
    await store.transaction(async (uow) => {
      await uow.contacts.insert(ann);
      await uow.contacts.insert(bob);
    });
    expect(await search('ann', 10)).toEqual(['con_b', 'con_a']);
    await store.transaction((uow) => uow.contacts.update({ ...ann, name: 'Ann Abel', version: 2 }));
    await store.transaction((uow) => uow.contacts.update({ ...bob, emails: ['bob@acme.com'], version: 2 }));
    expect(await search('ann', 10)).toEqual(['con_a', 'con_b']);
    expect(await search('bob', 10)).toEqual(['con_b']);
  });
});
