import { Instant } from '@rapport/core';
import { z } from 'zod';
import { Empty } from '../common.js';
import { defineRoute } from '../route.js';

/** A user's logging address: the whole address only in the answer to a rotation. */
export const LoggingAddress = z.object({
  address: z.string().nullable().describe('log+<secret>@<domain>: given only when made (POST …/rotate); null otherwise.'),
  hint: z.string().nullable().describe('The address with its secret cut short, to recognise it; null until the first one is made.'),
  domain: z.string(),
  createdAt: Instant.nullable(),
  accepting: z.boolean().describe('Whether this hub takes mail now (its SMTP listener is on).'),
});

export const mailRoutes = {
  getLoggingAddress: defineRoute({
    method: 'GET',
    path: '/api/v1/me/logging-address',
    summary: 'Your logging address: BCC or forward mail to it from any client to log it',
    description: 'The secret is kept only as a hash, so the whole address is shown once, when made; this answers its hint and when it was made.',
    tag: 'Mail',
    auth: true,
    response: LoggingAddress,
    status: 200,
  }),
  rotateLoggingAddress: defineRoute({
    method: 'POST',
    path: '/api/v1/me/logging-address/rotate',
    summary: 'Make a new logging address (shown once); the previous one stops working at once',
    tag: 'Mail',
    auth: true,
    body: Empty,
    response: LoggingAddress,
    status: 200,
  }),
};
