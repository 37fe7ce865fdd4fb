import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  announceChangeSchema,
  announcementResultSchema,
  subprocessorInputSchema,
  subprocessorNotificationSchema,
  subprocessorSchema,
  subscriberSchema,
} from '../../../contracts/trust-center.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import {
  announceChange,
  createSubprocessor,
  listNotifications,
  listSubprocessors,
  listSubscribers,
  updateSubprocessor,
} from './subprocessors.service.js';
import { trustCenterPolicy as policy } from './trust-center.policy.js';

export const registerSubprocessorRoutes: RouteModule = (app, { db, config }) => {
  const tags = ['trust-center'];
  app.get(
    '/api/subprocessors',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Sub-processors',
        querystring: pageQuerySchema,
        response: { 200: pageOf(subprocessorSchema), ...errors },
      },
    },
    (req) => listSubprocessors(contextOf(req, db), req.query),
  );
  app.post(
    '/api/subprocessors',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Add a sub-processor',
        body: subprocessorInputSchema,
        response: { 201: subprocessorSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createSubprocessor(contextOf(req, db), req.body)),
  );
  app.put(
    '/api/subprocessors/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change a sub-processor',
        params: idParams,
        body: subprocessorInputSchema,
        response: { 200: subprocessorSchema, ...errors },
      },
    },
    (req) => updateSubprocessor(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/subprocessors/:id/announcements',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Tell every verified subscriber about an intended change and the date it takes effect',
        params: idParams,
        body: announceChangeSchema,
        response: { 200: announcementResultSchema, ...errors },
      },
    },
    (req) => announceChange(contextOf(req, db), req.params.id, req.body, config.publicUrl),
  );
  app.get(
    '/api/subprocessor-notifications',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Who was told about which change, when, and who objected',
        querystring: pageQuerySchema,
        response: { 200: pageOf(subprocessorNotificationSchema), ...errors },
      },
    },
    (req) => listNotifications(contextOf(req, db), req.query),
  );
  app.get(
    '/api/subprocessor-subscribers',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Subscribers to sub-processor changes',
        querystring: pageQuerySchema,
        response: { 200: pageOf(subscriberSchema), ...errors },
      },
    },
    (req) => listSubscribers(contextOf(req, db), req.query),
  );
};

export const tokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
