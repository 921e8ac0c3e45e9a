import { ActivityInput, ActivityType, Id, Instant } from '@rapport/core';
import { csv, IdParams, PageQuery, pageOf } from '../common.js';
import { defineRoute } from '../route.js';
import { Activity, LoggedActivity } from '../schemas.js';
import { z } from 'zod';

export const ActivityListQuery = PageQuery.extend({
  contactId: Id.optional(),
  accountId: Id.optional(),
  dealId: Id.optional(),
  authorId: Id.optional(),
  externalId: z.string().min(1).max(1000).optional(),
  type: csv(ActivityType).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
});

export const activityRoutes = {
  listActivities: defineRoute({ method: 'GET', path: '/api/v1/activities', summary: 'List activities, newest first', description: 'contactId, accountId and dealId together match any of them.', tag: 'Activities', auth: true, query: ActivityListQuery, response: pageOf(Activity), status: 200 }),
  logActivity: defineRoute({
    method: 'POST',
    path: '/api/v1/activities',
    summary: 'Log an email, call, meeting, note or chat message',
    description: 'An activity whose externalId (an email\'s Message-ID, a Slack permalink) was logged before is not logged again: the first one comes back with created=false.',
    tag: 'Activities',
    auth: true,
    body: ActivityInput,
    response: LoggedActivity,
    status: 201,
    alsoAnswers: { 200: 'Already logged: the activity with this externalId, created=false' },
    idempotent: true,
  }),
  getActivity: defineRoute({ method: 'GET', path: '/api/v1/activities/{id}', summary: 'Get an activity', tag: 'Activities', auth: true, params: IdParams, response: Activity, status: 200 }),
  deleteActivity: defineRoute({ method: 'DELETE', path: '/api/v1/activities/{id}', summary: 'Delete an activity (its author, their manager or an admin)', tag: 'Activities', auth: true, params: IdParams, response: null, status: 204 }),
};
