import { recordEvent } from '../events/record-event.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { CrmError, invalidInput } from '../shared/errors.js';
import { normalizeEmail } from '../shared/email.js';
import type { UnitOfWork } from '../store/store.port.js';
import { markCredentialsChanged } from './credentials-generation.js';
import { hashToken } from './token.service.js';
import type { User } from './user.schema.js';

/** The chat platforms a Rapport user can be known by. */
export type IdentityKind = 'slack' | 'entra';

const FIELD: Record<IdentityKind, 'slackUserId' | 'entraObjectId'> = { slack: 'slackUserId', entra: 'entraObjectId' };

/** How long a link code can be used after it was made. */
export const LINK_CODE_TTL_MS = 15 * 60_000;
/** Link codes live with the idempotency records, under these two names; the hub drops both after a day. */
const CODE_SPACE = 'identity-link';
const USED_SPACE = 'identity-link-used';
/** No 0/O, 1/I/L: read aloud or typed from a screen without mistakes. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export type IdentityResult =
  | { status: 'linked'; user: User }
  /** Nobody in Rapport has this platform id or that email address. */
  | { status: 'unknown' }
  /** The person was found, but their Rapport account is switched off. */
  | { status: 'inactive'; user: User }
  /** The email's Rapport user is already linked to another account on the platform. */
  | { status: 'taken'; user: User };

interface WebCrypto {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

function newCode(): string {
  const bytes = (globalThis as unknown as { crypto: WebCrypto }).crypto.getRandomValues(new Uint8Array(16));
  let code = '';
  for (const byte of bytes) {
    if (byte < 248 && code.length < 8) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}`;
}

/** "k7q2 9xmd", "K7Q29XMD" and "K7Q2-9XMD" are the same code. */
const normalizeCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * Who a person on a chat platform is in Rapport. A platform id that was linked before finds
 * its user at once; otherwise the platform's (verified) profile email does, and the link is
 * kept. When the emails differ, the person makes a one-time link code where they are signed in
 * to Rapport and types it on the platform.
 */
export class IdentityService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The user linked to this platform id, or null. Inactive users are returned as inactive. */
  async findLinked(kind: IdentityKind, externalId: string): Promise<IdentityResult> {
    const user = await this.deps.store.read((uow) => uow.users.findByIdentity(kind, externalId));
    if (!user) return { status: 'unknown' };
    return user.active ? { status: 'linked', user } : { status: 'inactive', user };
  }

  /**
   * Links the platform id to the Rapport user with this email, unless that user is already
   * linked to another account on the platform (then `taken`: a link code settles it).
   */
  async linkByEmail(kind: IdentityKind, externalId: string, email: string | null): Promise<IdentityResult> {
    const linked = await this.findLinked(kind, externalId);
    if (linked.status !== 'unknown' || !email) return linked;
    return this.deps.store.transaction(async (uow) => {
      const user = await uow.users.findByEmail(normalizeEmail(email));
      if (!user) return { status: 'unknown' } as const;
      if (!user.active) return { status: 'inactive', user } as const;
      const current = user.identities[FIELD[kind]];
      if (current === externalId) return { status: 'linked', user } as const;
      if (current !== null) return { status: 'taken', user } as const;
      return { status: 'linked', user: await setIdentity(uow, this.deps, user, kind, externalId) } as const;
    });
  }

  /** A one-time code that links the actor's account on a chat platform when typed there. */
  async issueLinkCode(actor: Actor): Promise<{ code: string; expiresAt: string }> {
    const code = newCode();
    const now = this.deps.clock.now();
    const expiresAt = new Date(now.getTime() + LINK_CODE_TTL_MS).toISOString();
    const key = await hashToken(normalizeCode(code));
    await this.deps.store.transaction((uow) =>
      uow.idempotency.put({ userId: CODE_SPACE, key, fingerprint: CODE_SPACE, status: 200, body: JSON.stringify({ userId: actor.user.id, expiresAt }), createdAt: now.toISOString() }),
    );
    return { code, expiresAt };
  }

  /** Links the platform id to the user who made the code. A code works once, for 15 minutes. */
  async redeemLinkCode(kind: IdentityKind, externalId: string, code: string): Promise<User> {
    const normalized = normalizeCode(typeof code === 'string' ? code : '');
    const refused = (why: string) => invalidInput(`${why} Make a new code in Rapport (rapport user link-code, or your Rapport settings) and type it within 15 minutes.`, [{ path: 'code', message: why }]);
    if (normalized.length !== 8) throw refused('A link code has 8 letters and digits, like K7Q2-9XMD.');
    const key = await hashToken(normalized);
    return this.deps.store.transaction(async (uow) => {
      const record = await uow.idempotency.get(CODE_SPACE, key);
      if (!record) throw refused('That link code is not one Rapport made.');
      const { userId, expiresAt } = JSON.parse(record.body) as { userId: string; expiresAt: string };
      if (expiresAt <= this.deps.clock.now().toISOString()) throw refused('That link code has expired.');
      try {
        await uow.idempotency.put({ userId: USED_SPACE, key, fingerprint: USED_SPACE, status: 200, body: '', createdAt: this.deps.clock.now().toISOString() });
      } catch (error) {
        if (error instanceof CrmError && error.code === 'conflict') throw refused('That link code was used already.');
        throw error;
      }
      const user = await uow.users.get(userId);
      if (!user || !user.active) throw new CrmError('unauthenticated', 'The Rapport account that made this code is switched off. Ask an admin.');
      const previous = await uow.users.findByIdentity(kind, externalId);
      if (previous && previous.id !== user.id) await setIdentity(uow, this.deps, previous, kind, null);
      return user.identities[FIELD[kind]] === externalId ? user : setIdentity(uow, this.deps, user, kind, externalId);
    });
  }
}

async function setIdentity(uow: UnitOfWork, deps: Pick<ServiceDeps, 'clock' | 'ids'>, user: User, kind: IdentityKind, externalId: string | null): Promise<User> {
  const next: User = { ...user, identities: { ...user.identities, [FIELD[kind]]: externalId }, updatedAt: deps.clock.now().toISOString() };
  await uow.users.update(next);
  await markCredentialsChanged(uow, deps.ids);
  await recordEvent(uow, deps, null, {
    type: 'user.updated',
    entityType: 'user',
    entityId: user.id,
    before: { identities: user.identities },
    after: { identities: next.identities },
  });
  return next;
}
