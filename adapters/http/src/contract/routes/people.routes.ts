import { DisplayName, Id, Instant, Role, UserInput, UserPatch } from '@rapport/core';
import { z } from 'zod';
import { IdParams, PageQuery, pageOf } from '../common.js';
import { defineRoute } from '../route.js';
import { CreatedToken, Me, Pipeline, Team, TokenInfo, User } from '../schemas.js';

export const peopleRoutes = {
  me: defineRoute({ method: 'GET', path: '/api/v1/me', summary: 'Who this token belongs to', tag: 'People', auth: true, response: Me, status: 200 }),
  listUsers: defineRoute({ method: 'GET', path: '/api/v1/users', summary: 'List colleagues, by name', tag: 'People', auth: true, query: PageQuery.extend({ teamId: Id.optional(), role: Role.optional() }), response: pageOf(User), status: 200 }),
  createUser: defineRoute({ method: 'POST', path: '/api/v1/users', summary: 'Add a person (admins)', tag: 'People', auth: true, body: UserInput, response: User, status: 201, idempotent: true }),
  updateUser: defineRoute({ method: 'PATCH', path: '/api/v1/users/{id}', summary: 'Change a person (admins; anyone their own name, time zone, quiet hours)', tag: 'People', auth: true, params: IdParams, body: UserPatch, response: User, status: 200 }),
  listTeams: defineRoute({ method: 'GET', path: '/api/v1/teams', summary: 'List teams', tag: 'People', auth: true, response: z.object({ items: z.array(Team) }), status: 200 }),
  createTeam: defineRoute({ method: 'POST', path: '/api/v1/teams', summary: 'Create a team (admins)', tag: 'People', auth: true, body: z.strictObject({ name: DisplayName() }), response: Team, status: 201, idempotent: true }),
  listPipelines: defineRoute({ method: 'GET', path: '/api/v1/pipelines', summary: 'Pipelines and their stages, default first (with teamId: the company-wide ones and that team\'s)', tag: 'Deals', auth: true, query: z.object({ teamId: Id.optional() }), response: z.object({ items: z.array(Pipeline) }), status: 200 }),
  listTokens: defineRoute({ method: 'GET', path: '/api/v1/tokens', summary: 'Your personal access tokens', tag: 'Tokens', auth: true, response: z.object({ items: z.array(TokenInfo) }), status: 200 }),
  createToken: defineRoute({ method: 'POST', path: '/api/v1/tokens', summary: 'Create a personal access token (the secret is shown once)', tag: 'Tokens', auth: true, body: z.strictObject({ name: z.string().trim().min(1).max(100), expiresAt: Instant.nullable().default(null) }), response: CreatedToken, status: 201 }),
  revokeToken: defineRoute({ method: 'DELETE', path: '/api/v1/tokens/{id}', summary: 'Revoke a token', tag: 'Tokens', auth: true, params: IdParams, response: null, status: 204 }),
};
