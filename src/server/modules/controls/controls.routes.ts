import { z } from 'zod';
import {
  controlDetailSchema,
  controlInputSchema,
  controlListQuerySchema,
  controlPatchSchema,
  controlRequirementsRequestSchema,
  controlSummarySchema,
} from '../../../contracts/controls.js';
import { pageOf } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import { controlsPolicy as policy } from './controls.policy.js';
import {
  addControlRequirements,
  createControl,
  deleteControl,
  getControl,
  listControls,
  removeControlRequirement,
  updateControl,
} from './controls.service.js';

export const registerControlRoutes: RouteModule = (app, { db }) => {
  const tags = ['controls'];
  app.get(
    '/api/controls',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Controls with owner, scope and health; filter by scope, status, owner, evidence or failing',
        querystring: controlListQuerySchema,
        response: { 200: pageOf(controlSummarySchema), ...errors },
      },
    },
    (req) => listControls(contextOf(req, db), req.query),
  );
  app.post(
    '/api/controls',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Create a control, optionally mapped to requirements',
        body: controlInputSchema,
        response: { 201: controlDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createControl(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/controls/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'A control with its implementation statement and mapped requirements',
        params: idParams,
        response: { 200: controlDetailSchema, ...errors },
      },
    },
    (req) => getControl(contextOf(req, db), req.params.id),
  );
  app.patch(
    '/api/controls/:id',
    {
      config: { access: policy.editOwn },
      schema: {
        tags,
        summary: 'Change a control (owners edit their own; others need controls.manage)',
        params: idParams,
        body: controlPatchSchema,
        response: { 200: controlDetailSchema, ...errors },
      },
    },
    (req) => updateControl(contextOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/api/controls/:id',
    {
      config: { access: policy.manage },
      schema: { tags, summary: 'Delete a control', params: idParams, response: { ...noContent, ...errors } },
    },
    async (req, reply) => {
      await deleteControl(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/controls/:id/requirements',
    {
      config: { access: policy.editOwn },
      schema: {
        tags,
        summary: 'Map a control to more requirements',
        params: idParams,
        body: controlRequirementsRequestSchema,
        response: { 200: controlDetailSchema, ...errors },
      },
    },
    (req) => addControlRequirements(contextOf(req, db), req.params.id, req.body.requirementIds),
  );
  app.delete(
    '/api/controls/:id/requirements/:requirementId',
    {
      config: { access: policy.editOwn },
      schema: {
        tags,
        summary: 'Remove a requirement from a control',
        params: z.strictObject({ id: z.uuid(), requirementId: z.uuid() }),
        response: { 200: controlDetailSchema, ...errors },
      },
    },
    (req) => removeControlRequirement(contextOf(req, db), req.params.id, req.params.requirementId),
  );
};
