import type { SyncDb } from './sync-db.js';

/** A value as it was last seen, and when. */
export interface Cached<T> {
  key: string;
  value: T;
  savedAt: string;
}

/**
 * What a rep has seen, kept so it shows at once and offline: customer cards by address
 * (`cards`), and small marks such as "this Message-ID is logged" or "this notice was shown" (`marks`).
 */
export class IdbCardCache {
  constructor(
    private readonly db: SyncDb,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  async getCard<T>(key: string): Promise<Cached<T> | null> {
    return ((await this.db.get('cards', key.toLowerCase())) as Cached<T> | undefined) ?? null;
  }

  async putCard<T>(key: string, value: T): Promise<void> {
    await this.db.put('cards', { key: key.toLowerCase(), value, savedAt: this.now() });
  }

  async deleteCard(key: string): Promise<void> {
    await this.db.delete('cards', key.toLowerCase());
  }

  /** Rewrites cached cards in place (an offline change shown before the hub has it); `change` returns null to leave one as it is. */
  async updateCards<T>(change: (value: T) => T | null): Promise<number> {
    const tx = this.db.transaction('cards', 'readwrite');
    let changed = 0;
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      const entry = cursor.value as Cached<T>;
      const next = change(entry.value);
      if (next === null) continue;
      await cursor.update({ ...entry, value: next });
      changed += 1;
    }
    await tx.done;
    return changed;
  }

  async getMark<T>(key: string): Promise<T | null> {
    return ((await this.db.get('marks', key)) as Cached<T> | undefined)?.value ?? null;
  }

  async putMark<T>(key: string, value: T): Promise<void> {
    await this.db.put('marks', { key, value, savedAt: this.now() });
  }

  /** Forgets every card and mark (the rep switched hubs or accounts). */
  async clear(): Promise<void> {
    const tx = this.db.transaction(['cards', 'marks'], 'readwrite');
    await Promise.all([tx.objectStore('cards').clear(), tx.objectStore('marks').clear(), tx.done]);
  }
}
