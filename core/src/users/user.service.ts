import { changedFields, recordEvent } from '../events/record-event.js';
import { assertAdmin, maySeeUser } from '../permissions/permissions.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { conflict, forbidden, invalidInput, notFound } from '../shared/errors.js';
import { definedOnly } from '../shared/objects.js';
import { PageRequest, type Page } from '../shared/page.js';
import { DisplayName } from '../shared/schema.js';
import { parseInput } from '../shared/validate.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { Team, User} from './user.schema.js';
import { UserInput, UserPatch, type Role } from './user.schema.js';
import { markCredentialsChanged } from './credentials-generation.js';

/**
 * People and teams. `actor` null means the hub's own trusted code (the CLI on the hub's
 * machine, first-start seeding): it may do what an admin may.
 */
export class UserService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: Actor | null, input: UserInput): Promise<User> {
    if (actor) assertAdmin(actor.user, 'add people');
    const data = parseInput(UserInput, input, 'user');
    return this.deps.store.transaction(async (uow) => {
      if (await uow.users.findByEmail(data.email)) throw conflict(`There is already a user with the address ${data.email}.`);
      if (data.teamId && !(await uow.teams.get(data.teamId))) throw invalidInput(`No team with id ${data.teamId}.`, [{ path: 'teamId', message: 'Unknown team.' }]);
      const now = this.now();
      const user: User = { id: this.deps.ids.next('user'), ...data, active: true, createdAt: now, updatedAt: now };
      await uow.users.insert(user);
      await recordEvent(uow, this.deps, actor, { type: 'user.created', entityType: 'user', entityId: user.id, after: user });
      return user;
    });
  }

  /** Admins change anyone; people change their own name, time zone and quiet hours. */
  async update(actor: Actor | null, id: string, patch: UserPatch): Promise<User> {
    const data = parseInput(UserPatch, patch, 'user change');
    return this.deps.store.transaction(async (uow) => {
      const current = await requireUser(uow, id);
      if (actor && actor.user.role !== 'admin') {
        const own = actor.user.id === id;
        const selfService = Object.keys(definedOnly(data)).every((k) => ['name', 'timeZone', 'quietHours'].includes(k));
        if (!own || !selfService) throw forbidden('You can change your own name, time zone and quiet hours; an admin changes the rest.');
      }
      if (data.email && data.email !== current.email && (await uow.users.findByEmail(data.email))) throw conflict(`There is already a user with the address ${data.email}.`);
      if (data.teamId && !(await uow.teams.get(data.teamId))) throw invalidInput(`No team with id ${data.teamId}.`, [{ path: 'teamId', message: 'Unknown team.' }]);
      const { identities, ...fields } = data;
      const next: User = {
        ...current,
        ...(definedOnly(fields) as Partial<User>),
        identities: identities ? { ...current.identities, ...(definedOnly(identities) as Partial<User['identities']>) } : current.identities,
        updatedAt: this.now(),
      };
      const diff = changedFields(current, next, ['updatedAt']);
      if (!diff) return current;
      await uow.users.update(next);
      await markCredentialsChanged(uow, this.deps.ids);
      await recordEvent(uow, this.deps, actor, { type: 'user.updated', entityType: 'user', entityId: id, ...diff });
      return next;
    });
  }

  async get(_actor: Actor | null, id: string): Promise<User> {
    const user = await this.deps.store.read((uow) => uow.users.get(id));
    if (!user) throw notFound('user', id);
    return user;
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.deps.store.read((uow) => uow.users.findByEmail(email.trim().toLowerCase()));
  }

  async findByIdentity(kind: 'slack' | 'entra', value: string): Promise<User | null> {
    return this.deps.store.read((uow) => uow.users.findByIdentity(kind, value));
  }

  /** Everyone can list colleagues (names appear on every record). */
  async list(_actor: Actor | null, filter: { teamId?: string; role?: Role; active?: boolean }, page: PageRequest): Promise<Page<User>> {
    const request = parseInput(PageRequest, page, 'page');
    return this.deps.store.read((uow) => uow.users.list(filter, request));
  }

  async createTeam(actor: Actor | null, name: string): Promise<Team> {
    if (actor) assertAdmin(actor.user, 'create teams');
    const teamName = parseInput(DisplayName(), name, 'team name');
    return this.deps.store.transaction(async (uow) => {
      if ((await uow.teams.list()).some((t) => t.name.toLowerCase() === teamName.toLowerCase())) throw conflict(`There is already a team called ${teamName}.`);
      const team: Team = { id: this.deps.ids.next('team'), name: teamName, createdAt: this.now() };
      await uow.teams.insert(team);
      await recordEvent(uow, this.deps, actor, { type: 'team.created', entityType: 'team', entityId: team.id, after: team });
      return team;
    });
  }

  async listTeams(): Promise<Team[]> {
    return this.deps.store.read((uow) => uow.teams.list());
  }

  /** Whether `actor` may see another user's private things (reminders, reports). */
  maySee(actor: Actor, subject: User): boolean {
    return maySeeUser(actor.user, subject);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

export async function requireUser(uow: UnitOfWork, id: string): Promise<User> {
  const user = await uow.users.get(id);
  if (!user) throw notFound('user', id);
  return user;
}
