import { z } from 'zod';
import { defineRoute } from '../route.js';
import { Health } from '../schemas.js';

export const systemRoutes = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    summary: 'Is the hub up, and on which database',
    tag: 'System',
    auth: false,
    response: Health,
    status: 200,
    alsoAnswers: { 503: 'Degraded: the database does not answer' },
  }),
  openapi: defineRoute({
    method: 'GET',
    path: '/api/v1/openapi.json',
    summary: 'This API as an OpenAPI 3.1 document',
    tag: 'System',
    auth: false,
    response: z.record(z.string(), z.unknown()),
    status: 200,
  }),
};
