import { AccountInput, AccountPatch, Id, Lifecycle, MAX_PAGE_SIZE } from '@rapport/core';
import { z } from 'zod';
import { csv, IdParams, PageQuery, pageOf } from '../common.js';
import { customFieldListParams } from '../custom-field-params.js';
import { defineRoute } from '../route.js';
import { Account } from '../schemas.js';

export const AccountListQuery = PageQuery.extend({
  ownerId: csv(Id).optional(),
  lifecycle: csv(Lifecycle).optional(),
  /** Up to 200 ids: just these accounts (by name, one page), to name many records in one request. */
  ids: csv(Id).pipe(z.array(Id).max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} ids at once.`)).optional(),
  ...customFieldListParams,
});

export const accountRoutes = {
  listAccounts: defineRoute({ method: 'GET', path: '/api/v1/accounts', summary: 'List accounts by name, or fetch up to 200 by id', tag: 'Accounts', auth: true, query: AccountListQuery, response: pageOf(Account), status: 200 }),
  createAccount: defineRoute({ method: 'POST', path: '/api/v1/accounts', summary: 'Create an account', tag: 'Accounts', auth: true, body: AccountInput, response: Account, status: 201, versioned: true, idempotent: true }),
  getAccount: defineRoute({ method: 'GET', path: '/api/v1/accounts/{id}', summary: 'Get an account', tag: 'Accounts', auth: true, params: IdParams, response: Account, status: 200, versioned: true }),
  updateAccount: defineRoute({ method: 'PATCH', path: '/api/v1/accounts/{id}', summary: 'Change an account', tag: 'Accounts', auth: true, params: IdParams, body: AccountPatch, response: Account, status: 200, versioned: true }),
  deleteAccount: defineRoute({ method: 'DELETE', path: '/api/v1/accounts/{id}', summary: 'Delete an account without deals', tag: 'Accounts', auth: true, params: IdParams, response: null, status: 204, versioned: true }),
  mergeAccounts: defineRoute({
    method: 'POST',
    path: '/api/v1/accounts/{id}/merge',
    summary: 'Merge a duplicate into this account',
    description: 'Moves the duplicate\'s contacts, deals, activities, reminders and domains here, then deletes it.',
    tag: 'Accounts',
    auth: true,
    params: IdParams,
    body: z.strictObject({ duplicateId: Id }),
    response: Account,
    status: 200,
    versioned: true,
    idempotent: true,
  }),
};
