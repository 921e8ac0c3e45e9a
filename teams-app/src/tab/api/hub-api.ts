import type { Account, Deal, User } from '@rapport/core';
import { RapportClient, type Api, type OperationId, type RouteInput, type RouteOutput, type Versioned } from '@rapport/http';

/**
 * The hub's REST API as the tab uses it: the typed client with the host's bearer on every call
 * (a Teams single sign-on token or a personal token), changes labelled as made in Teams, and a
 * small cache of the accounts and people the board names.
 */
const ACCOUNT_BATCH = 200;

export class HubApi {
  private readonly client: RapportClient;
  private readonly accounts = new Map<string, Promise<Account | null>>();
  private readonly people = new Map<string, User>();
  private readonly teamLists = new Map<string, Promise<User[]>>();

  constructor(baseUrl: string, token: () => Promise<string>, fetchFn: typeof fetch = (input, init) => fetch(input, init)) {
    const labelled: typeof fetch = (input, init) => fetchFn(input, { ...init, headers: { ...(init?.headers as Record<string, string>), 'x-rapport-surface': 'teams' } });
    this.client = new RapportClient({ baseUrl, token, fetch: labelled, timeoutMs: 20_000 });
  }

  call<K extends OperationId>(operation: K, input: RouteInput<Api[K]>): Promise<RouteOutput<Api[K]>> {
    return this.client.call(operation, input);
  }

  callVersioned<K extends OperationId>(operation: K, input: RouteInput<Api[K]>): Promise<Versioned<RouteOutput<Api[K]>>> {
    return this.client.callVersioned(operation, input);
  }

  /** The names of these accounts, each fetched once, in batches of up to 200 per request. */
  async accountNames(ids: readonly string[]): Promise<Map<string, string>> {
    const missing = [...new Set(ids)].filter((id) => !this.accounts.has(id));
    for (let i = 0; i < missing.length; i += ACCOUNT_BATCH) {
      const batch = missing.slice(i, i + ACCOUNT_BATCH);
      const page = this.client.call('listAccounts', { query: { ids: batch.join(','), limit: ACCOUNT_BATCH } }).catch(() => ({ items: [] as Account[], nextCursor: null }));
      for (const id of batch) this.accounts.set(id, page.then((p) => p.items.find((a) => a.id === id) ?? null));
    }
    const found = await Promise.all([...new Set(ids)].map(async (id) => [id, (await this.accounts.get(id))?.name ?? '—'] as const));
    return new Map(found);
  }

  /** Everyone in one team (or the company); asked once, and kept for naming owners and authors. */
  users(teamId?: string): Promise<User[]> {
    const key = teamId ?? '*';
    let list = this.teamLists.get(key);
    if (!list) {
      list = this.listUsers(teamId);
      list.catch(() => this.teamLists.delete(key));
      this.teamLists.set(key, list);
    }
    return list;
  }

  private async listUsers(teamId?: string): Promise<User[]> {
    const users: User[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.client.call('listUsers', { query: { limit: 200, ...(teamId ? { teamId } : {}), ...(cursor ? { cursor } : {}) } });
      users.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    for (const user of users) this.people.set(user.id, user);
    return users;
  }

  person(id: string): User | undefined {
    return this.people.get(id);
  }

  /** Moves a deal, refused (412) if it changed since `version` was read. */
  moveStage(deal: Deal, stageId: string): Promise<Deal> {
    return this.client.call('moveDealStage', { params: { id: deal.id }, body: { stageId }, ifMatch: deal.version, idempotencyKey: `teams-${deal.id}-${deal.version}-${stageId}` });
  }
}
