import { CrmError, type AccessToken } from '@rapport/core';
import type { peopleRoutes } from '@rapport/http';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

const tokenInfo = (t: AccessToken) => ({ id: t.id, name: t.name, prefix: t.prefix, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, expiresAt: t.expiresAt, revokedAt: t.revokedAt });

export function peopleHandlers({ services, store }: HttpDeps): Handlers<typeof peopleRoutes> {
  return {
    me: async ({ actor }) => ({
      user: actor.user,
      team: actor.user.teamId ? await store.read((uow) => uow.teams.get(actor.user.teamId as string)) : null,
    }),
    listUsers: async ({ actor, query }) =>
      services.users.list(actor, { ...(query.teamId ? { teamId: query.teamId } : {}), ...(query.role ? { role: query.role } : {}) }, { limit: query.limit, cursor: query.cursor }),
    createUser: async ({ actor, body }) => services.users.create(actor, body),
    updateUser: async ({ actor, params, body }) => services.users.update(actor, params.id, body),
    listTeams: async () => ({ items: await services.users.listTeams() }),
    createTeam: async ({ actor, body }) => services.users.createTeam(actor, body.name),
    listPipelines: async ({ actor, query }) => ({ items: await services.pipelines.list(actor, query.teamId === undefined ? {} : { teamId: query.teamId }) }),
    listTokens: async ({ actor }) => ({ items: (await services.tokens.list(actor, actor.user.id)).map(tokenInfo) }),
    createToken: async ({ actor, body }) => {
      const { token, secret } = await services.tokens.create(actor, actor.user.id, body.name, body.expiresAt);
      return { ...tokenInfo(token), secret };
    },
    revokeToken: async ({ actor, params }) => {
      const token = await store.read((uow) => uow.tokens.get(params.id));
      // Someone else's token does not exist for you.
      if (!token || (token.userId !== actor.user.id && actor.user.role !== 'admin')) throw new CrmError('not_found', `No token with id ${params.id}.`);
      await services.tokens.revoke(actor, params.id);
    },
  };
}
