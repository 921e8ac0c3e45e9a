import { forbidden } from '../shared/errors.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { User } from '../users/user.schema.js';

/**
 * Who may change what. Everyone reads the customer base; reps change what they own or
 * collaborate on; managers change their team's; admins change everything.
 */
export interface Owned {
  ownerId: string;
  collaboratorIds?: readonly string[];
}

export const isAdmin = (user: User): boolean => user.role === 'admin';
export const isManager = (user: User): boolean => user.role === 'manager';

/** True when `actor` manages the team `member` belongs to. */
export function managesMember(actor: User, member: Pick<User, 'teamId'> | null): boolean {
  return isManager(actor) && actor.teamId !== null && member !== null && member.teamId === actor.teamId;
}

/** Whether `actor` may change a record owned by `owner` (loaded by the caller when needed). */
export function mayChange(actor: User, record: Owned, owner: Pick<User, 'teamId'> | null): boolean {
  if (isAdmin(actor)) return true;
  if (record.ownerId === actor.id || record.collaboratorIds?.includes(actor.id)) return true;
  return managesMember(actor, owner);
}

async function ownerOf(uow: UnitOfWork, actor: User, record: Owned): Promise<User | null> {
  if (!isManager(actor)) return null;
  return uow.users.get(record.ownerId);
}

/** Throws `forbidden` unless `actor` may change the record. `what` names it in the message. */
export async function assertMayChange(uow: UnitOfWork, actor: User, record: Owned, what: string): Promise<void> {
  if (mayChange(actor, record, await ownerOf(uow, actor, record))) return;
  throw forbidden(
    isManager(actor)
      ? `You can change ${what} owned by your team; this one belongs to another team.`
      : `You can change ${what} you own or collaborate on; ask its owner or a manager.`,
  );
}

/** Throws `forbidden` unless `actor` may make `userId` the owner or assignee of something. */
export async function assertMayAssignTo(uow: UnitOfWork, actor: User, userId: string, what: string): Promise<void> {
  if (userId === actor.id || isAdmin(actor)) return;
  if (isManager(actor) && managesMember(actor, await uow.users.get(userId))) return;
  throw forbidden(
    isManager(actor)
      ? `You can give ${what} to people in your team only.`
      : `You can create ${what} for yourself only; a manager can assign it to someone else.`,
  );
}

/** Whether `actor` may see things private to `subject` (their reminders, their reports). */
export function maySeeUser(actor: User, subject: Pick<User, 'id' | 'teamId'>): boolean {
  return actor.id === subject.id || isAdmin(actor) || managesMember(actor, subject);
}

/** The user ids `actor` may see private things of, or null for "everyone" (admins). */
export async function visibleUserIds(uow: UnitOfWork, actor: User): Promise<string[] | null> {
  if (isAdmin(actor)) return null;
  if (isManager(actor) && actor.teamId) {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await uow.users.list({ teamId: actor.teamId }, { limit: 200, cursor });
      ids.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (!ids.includes(actor.id)) ids.push(actor.id);
    return ids;
  }
  return [actor.id];
}

export function assertAdmin(actor: User, what: string): void {
  if (!isAdmin(actor)) throw forbidden(`Only an admin can ${what}.`);
}
