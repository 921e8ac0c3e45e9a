import { Id } from '@rapport/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { CustomerCard, LookupResult } from '../schemas.js';

export const LookupQuery = z.strictObject({
  q: z.string().min(1, 'Type something to look up.').max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const CardQuery = z
  .strictObject({
    email: z.string().max(320).optional(),
    contactId: Id.optional(),
    accountId: Id.optional(),
  })
  .refine((q) => [q.email, q.contactId, q.accountId].filter((v) => v !== undefined).length === 1, {
    message: 'Give exactly one of email, contactId or accountId.',
    path: ['email'],
  });

export const lookupRoutes = {
  lookup: defineRoute({
    method: 'GET',
    path: '/api/v1/lookup',
    summary: 'Find customers by email, web domain or name',
    description: 'Exact email first (case-insensitive, "+tag" aware), then accounts by the address\'s domain, then names matched word by word in any script.',
    tag: 'Lookup',
    auth: true,
    query: LookupQuery,
    response: LookupResult,
    status: 200,
  }),
  card: defineRoute({
    method: 'GET',
    path: '/api/v1/cards',
    summary: 'The customer card for an email address, a contact or an account',
    description: 'Contact, account, open deals, last activities and the open reminders you may see. 404 when nobody matches.',
    tag: 'Lookup',
    auth: true,
    query: CardQuery,
    response: CustomerCard,
    status: 200,
  }),
};
