import {
  activityCreateSchema,
  activityListQuerySchema,
  activityPatchSchema,
  activitySchema,
  scheduleInputSchema,
  schedulePreviewSchema,
} from '../../../contracts/activities.js';
import { pageOf } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import { activitiesPolicy as policy } from './activities.policy.js';
import {
  createActivity,
  getActivity,
  listActivities,
  previewSchedule,
  updateActivity,
} from './activities.service.js';

export const registerActivityRoutes: RouteModule = (app, { db }) => {
  const tags = ['activities'];
  app.get(
    '/api/activities',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Recurring activities',
        querystring: activityListQuerySchema,
        response: { 200: pageOf(activitySchema), ...errors },
      },
    },
    (req) => listActivities(contextOf(req, db), req.query),
  );
  app.get(
    '/api/activities/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'One recurring activity',
        params: idParams,
        response: { 200: activitySchema, ...errors },
      },
    },
    (req) => getActivity(contextOf(req, db), req.params.id),
  );
  app.post(
    '/api/activities',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Create a recurring activity (RRULE or cron schedule, UTC)',
        body: activityCreateSchema,
        response: { 201: activitySchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createActivity(contextOf(req, db), req.body)),
  );
  app.patch(
    '/api/activities/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change a recurring activity; active=false pauses it',
        params: idParams,
        body: activityPatchSchema,
        response: { 200: activitySchema, ...errors },
      },
    },
    (req) => updateActivity(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/activities/schedule-preview',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The next five occurrences of a schedule, or a 400 naming its problem',
        body: scheduleInputSchema,
        response: { 200: schedulePreviewSchema, ...errors },
      },
    },
    (req) => previewSchedule(req.body),
  );
};
