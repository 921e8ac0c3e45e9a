import { createHash, randomBytes } from 'node:crypto';
import type { AnalyticsStore, Clock, User } from '@rapport/core';

/** What a user sees of their logging address: the whole address only right after rotating it. */
export interface LoggingAddressView {
  /** `log+<secret>@<domain>`: given once, when made; null otherwise. */
  address: string | null;
  /** The address with its secret cut short (`log+k3p7…@crm.example.com`), to recognise it; null before the first one. */
  hint: string | null;
  domain: string;
  createdAt: string | null;
  /** Whether this hub takes mail (SMTP is on); an address can be made either way. */
  accepting: boolean;
}

interface Current {
  hash: string;
  hint: string;
  createdAt: string;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const SECRET_LENGTH = 24;
const PREFIX = 'log+';
const userKey = (userId: string) => `logging-address/user/${userId}`;
const secretKey = (hash: string) => `logging-address/secret/${hash}`;

/** 24 symbols of 32 (120 bits), lower case: a mail address's local part may lose its case on the way. */
function newSecret(): string {
  return Array.from(randomBytes(SECRET_LENGTH), (b) => BASE32[b & 31]).join('');
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Per-user logging addresses (`log+<secret>@<domain>`) for mail from any client. The secret is
 * its own (never an API token), kept only as a SHA-256 hash with the settings, and shown once
 * when made: whoever holds it can put mail into that user's activity log, so a copy of the
 * database or a backup must not give it away. A user who lost theirs rotates it, which ends the old one.
 */
export class LoggingAddressService {
  constructor(
    private readonly deps: { store: AnalyticsStore; clock: Clock },
    private readonly options: { domain: string; accepting: boolean },
  ) {}

  async show(user: User): Promise<LoggingAddressView> {
    const current = await this.deps.store.read((uow) => uow.settings.get<Current>(userKey(user.id)));
    return this.view(null, current);
  }

  /** Makes a new address for `user`; the previous one stops being accepted at once. */
  async rotate(user: User): Promise<LoggingAddressView> {
    const secret = newSecret();
    const next: Current = { hash: hashOf(secret), hint: `${PREFIX}${secret.slice(0, 4)}…@${this.options.domain}`, createdAt: this.deps.clock.now().toISOString() };
    await this.deps.store.transaction(async (uow) => {
      const previous = await uow.settings.get<Current>(userKey(user.id));
      if (previous) await uow.settings.set(secretKey(previous.hash), null);
      await uow.settings.set(secretKey(next.hash), { userId: user.id });
      await uow.settings.set(userKey(user.id), next);
    });
    return this.view(`${PREFIX}${secret}@${this.options.domain}`, next);
  }

  /**
   * The active user whose current address this is, or null. Only `log+<secret>@<this domain>`
   * is looked up (any case); anything else is nobody's.
   */
  async ownerOf(address: string): Promise<User | null> {
    const at = address.lastIndexOf('@');
    if (at < 0 || address.slice(at + 1).toLowerCase() !== this.options.domain.toLowerCase()) return null;
    const local = address.slice(0, at).toLowerCase();
    if (!local.startsWith(PREFIX) || local.length !== PREFIX.length + SECRET_LENGTH) return null;
    const hash = hashOf(local.slice(PREFIX.length));
    return this.deps.store.read(async (uow) => {
      const owner = await uow.settings.get<{ userId: string }>(secretKey(hash));
      if (!owner) return null;
      const current = await uow.settings.get<Current>(userKey(owner.userId));
      const user = await uow.users.get(owner.userId);
      return current?.hash === hash && user?.active ? user : null;
    });
  }

  private view(address: string | null, current: Current | null): LoggingAddressView {
    return { address, hint: current?.hint ?? null, domain: this.options.domain, createdAt: current?.createdAt ?? null, accepting: this.options.accepting };
  }
}
