import type { Pipeline } from '../deals/pipeline.schema.js';
import type { User } from '../users/user.schema.js';
import type { ImportLinkRepository } from './import-ledger.port.js';
import type { ImportKind, ImportSource } from './import.schema.js';
import type { Ref } from './import-row.js';

/**
 * What one run of an import remembers between rows: the users and pipelines (read once), and
 * each key it resolved or planned (an external id, a name, an email, a domain) → Rapport id.
 * The preview writes nothing, so records it would create are found here by the rows after
 * them; a resumed run starts empty and finds the same records through the stored links.
 * It grows with the distinct keys of the files, not with the rows read.
 */
export class ImportMemo {
  private readonly keys = new Map<string, string>();
  private readonly usersByEmail = new Map<string, User>();
  private readonly usersByName = new Map<string, User>();
  private readonly usersById = new Map<string, User>();

  constructor(
    readonly source: ImportSource,
    users: readonly User[],
    readonly pipelines: readonly Pipeline[],
  ) {
    for (const user of users) {
      this.usersByEmail.set(user.email.toLowerCase(), user);
      this.usersByName.set(user.name.toLowerCase(), user);
      this.usersById.set(user.id, user);
    }
  }

  remember(kind: ImportKind, key: string, recordId: string): void {
    this.keys.set(`${kind}\u0000${key}`, recordId);
  }

  /** Forgets what was planned or written: after a batch rolled back, its records are not there. */
  forget(): void {
    this.keys.clear();
  }

  recall(kind: ImportKind, key: string): string | undefined {
    return this.keys.get(`${kind}\u0000${key}`);
  }

  /** A record the row links to: by the other CRM's id, else by name; through what this run saw, then the stored links. */
  async resolve(links: ImportLinkRepository, kind: ImportKind, ref: Ref): Promise<string | null> {
    for (const key of [ref.id, ref.name === null ? null : nameKey(ref.name)]) {
      if (key === null) continue;
      const known = this.recall(kind, key) ?? (await links.find(this.source, kind, [key])).get(key);
      if (known) {
        this.remember(kind, key, known);
        return known;
      }
    }
    return null;
  }

  /** A Rapport user by email or name, or (Salesforce's OwnerId) by the user file's links. */
  async owner(links: ImportLinkRepository, text: string): Promise<User | null> {
    const lower = text.trim().toLowerCase();
    const direct = this.usersByEmail.get(lower) ?? this.usersByName.get(lower);
    if (direct) return direct;
    const id = this.recall('user', text) ?? (await links.find(this.source, 'user', [text])).get(text);
    return id ? (this.usersById.get(id) ?? null) : null;
  }

  /** A Rapport user by email (the user file's rows). */
  userByEmail(email: string): User | null {
    return this.usersByEmail.get(email.trim().toLowerCase()) ?? null;
  }
}

export const nameKey = (name: string): string => `name:${name.trim().toLowerCase().replace(/\s+/g, ' ')}`;
