import {
  checkInputSchema,
  checkListQuerySchema,
  checkPatchSchema,
  checkResultPushSchema,
  checkResultSchema,
  checkSchema,
  metricSampleListQuerySchema,
  metricSampleSchema,
  metricSamplesRequestSchema,
  metricSamplesResponseSchema,
} from '../../../contracts/checks.js';
import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import { listCheckResults } from '../evidence/index.js';
import { pushCheckResult, runCheck } from './check-runner.js';
import { checksPolicy as policy } from './checks.policy.js';
import { createCheck, deleteCheck, findCheck, getCheck, listChecks, updateCheck } from './checks.service.js';
import { listMetricSamples, recordMetricSamples } from './metric-samples.service.js';

/** 10 000 samples of ~120 bytes each do not fit the default 1 MiB body limit. */
const SAMPLES_BODY_LIMIT = 4 * 1024 * 1024;

export const registerCheckRoutes: RouteModule = (app, { db }) => {
  const tags = ['checks'];
  app.get(
    '/api/checks',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Checks with status; filter by status, kind, control',
        querystring: checkListQuerySchema,
        response: { 200: pageOf(checkSchema), ...errors },
      },
    },
    (req) => listChecks(contextOf(req, db), req.query),
  );
  app.post(
    '/api/checks',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Create a check',
        body: checkInputSchema,
        response: { 201: checkSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createCheck(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/checks/:id',
    {
      config: { access: policy.read },
      schema: { tags, summary: 'One check', params: idParams, response: { 200: checkSchema, ...errors } },
    },
    (req) => getCheck(contextOf(req, db), req.params.id),
  );
  app.patch(
    '/api/checks/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change a check; controlIds replaces its controls, config is checked against its kind',
        params: idParams,
        body: checkPatchSchema,
        response: { 200: checkSchema, ...errors },
      },
    },
    (req) => updateCheck(contextOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/api/checks/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Delete a check (its results stay as evidence)',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await deleteCheck(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/checks/:id/run',
    {
      config: { access: policy.report },
      schema: {
        tags,
        summary: 'Run a check now and record its result',
        params: idParams,
        response: { 200: checkResultSchema, ...errors },
      },
    },
    (req) => runCheck(contextOf(req, db), req.params.id),
  );
  app.post(
    '/api/checks/:id/results',
    {
      config: { access: policy.report },
      schema: {
        tags,
        summary: 'Push a result to a ci-push check (e.g. from CI with an API token)',
        params: idParams,
        body: checkResultPushSchema,
        response: { 201: checkResultSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await pushCheckResult(contextOf(req, db), req.params.id, req.body)),
  );
  app.get(
    '/api/checks/:id/results',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Results of a check, newest first',
        params: idParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(checkResultSchema), ...errors },
      },
    },
    async (req) => {
      const ctx = contextOf(req, db);
      await findCheck(ctx, req.params.id);
      return listCheckResults(ctx, req.params.id, req.query);
    },
  );
  app.post(
    '/api/metric-samples',
    {
      config: { access: policy.report },
      bodyLimit: SAMPLES_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Record up to 10 000 metric samples, all or nothing',
        body: metricSamplesRequestSchema,
        response: { 201: metricSamplesResponseSchema, ...errors, 413: errors[400] },
      },
    },
    async (req, reply) => reply.status(201).send(await recordMetricSamples(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/metric-samples',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Samples of one metric, newest first',
        querystring: metricSampleListQuerySchema,
        response: { 200: pageOf(metricSampleSchema), ...errors },
      },
    },
    (req) => listMetricSamples(contextOf(req, db), req.query),
  );
};
