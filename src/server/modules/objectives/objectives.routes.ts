import {
  kpiInputSchema,
  measurementInputSchema,
  measurementSchema,
  objectiveInputSchema,
  objectiveListQuerySchema,
  objectiveSchema,
} from '../../../contracts/objectives.js';
import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import { objectivesPolicy as policy } from './objectives.policy.js';
import {
  addKpi,
  createObjective,
  getObjective,
  listMeasurements,
  listObjectives,
  recordMeasurement,
} from './objectives.service.js';

export const registerObjectiveRoutes: RouteModule = (app, { db }) => {
  const tags = ['objectives'];
  app.get(
    '/api/objectives',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Objectives with their KPIs, latest values and on/off-track status',
        querystring: objectiveListQuerySchema,
        response: { 200: pageOf(objectiveSchema), ...errors },
      },
    },
    (req) => listObjectives(contextOf(req, db), req.query),
  );
  app.post(
    '/api/objectives',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Set an objective with owner, area, due date and KPIs',
        body: objectiveInputSchema,
        response: { 201: objectiveSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createObjective(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/objectives/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'An objective',
        params: idParams,
        response: { 200: objectiveSchema, ...errors },
      },
    },
    (req) => getObjective(contextOf(req, db), req.params.id),
  );
  app.post(
    '/api/objectives/:id/kpis',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Add a KPI to an objective',
        params: idParams,
        body: kpiInputSchema,
        response: { 201: objectiveSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await addKpi(contextOf(req, db), req.params.id, req.body)),
  );
  app.get(
    '/api/kpis/:id/measurements',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Measurements of a KPI, newest first',
        params: idParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(measurementSchema), ...errors },
      },
    },
    (req) => listMeasurements(contextOf(req, db), req.params.id, req.query),
  );
  app.post(
    '/api/kpis/:id/measurements',
    {
      config: { access: policy.measure },
      schema: {
        tags,
        summary: 'Record a measurement (the objective owner, or objectives.manage)',
        params: idParams,
        body: measurementInputSchema,
        response: { 201: objectiveSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordMeasurement(contextOf(req, db), req.params.id, req.body)),
  );
};
