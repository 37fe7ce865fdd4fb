import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  riskDetailSchema,
  riskHeatmapSchema,
  riskHistoryEventSchema,
  riskInputSchema,
  riskListQuerySchema,
  riskMatrixInputSchema,
  riskMatrixSchema,
  riskOverviewSchema,
  riskPatchSchema,
  riskSummarySchema,
} from '../../../contracts/risks.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { sendDownload } from '../../kernel/http/downloads.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import { approveRiskAcceptance } from './risk-acceptance.service.js';
import { getRiskMatrix, putRiskMatrix } from './risk-matrix.service.js';
import { exportRiskPlan, riskHeatmap, riskOverview } from './risk-reports.service.js';
import { risksPolicy as policy } from './risks.policy.js';
import { createRisk, deleteRisk, getRisk, listRisks, riskHistory, updateRisk } from './risks.service.js';

const registerReportRoutes: RouteModule = (app, { db }) => {
  const tags = ['risks'];
  app.get(
    '/api/risk-matrix',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The risk matrix: level labels and score bands',
        response: { 200: riskMatrixSchema, ...errors },
      },
    },
    (req) => getRiskMatrix(contextOf(req, db)),
  );
  app.put(
    '/api/risk-matrix',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Set the matrix size (3–5 levels per axis, by its labels) and score bands',
        body: riskMatrixInputSchema,
        response: { 200: riskMatrixSchema, ...errors },
      },
    },
    (req) => putRiskMatrix(contextOf(req, db), req.body),
  );
  app.get(
    '/api/risks/heatmap',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Risks that are not closed, counted per likelihood × impact cell, inherent and residual',
        response: { 200: riskHeatmapSchema, ...errors },
      },
    },
    (req) => riskHeatmap(contextOf(req, db)),
  );
  app.get(
    '/api/risks/overview',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Open risks by residual level, overdue reviews and untreated risks',
        response: { 200: riskOverviewSchema, ...errors },
      },
    },
    (req) => riskOverview(contextOf(req, db)),
  );
  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(
      `/api/risks/treatment-plan.${format}`,
      {
        config: { access: policy.read },
        schema: { tags, summary: `The risk treatment plan as ${format.toUpperCase()}`, response: errors },
      },
      async (req, reply) => {
        const file = await exportRiskPlan(contextOf(req, db), format);
        return sendDownload(reply, file.body, file.fileName, file.contentType);
      },
    );
  }
};

export const registerRiskRoutes: RouteModule = (app, deps) => {
  const { db } = deps;
  const tags = ['risks'];
  registerReportRoutes(app, deps);
  app.get(
    '/api/risks',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary:
          'The risk register; filter by residual level, treatment, status, owner, asset or overdue review',
        querystring: riskListQuerySchema,
        response: { 200: pageOf(riskSummarySchema), ...errors },
      },
    },
    (req) => listRisks(contextOf(req, db), req.query),
  );
  app.post(
    '/api/risks',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Register a risk',
        body: riskInputSchema,
        response: { 201: riskDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createRisk(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/risks/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'A risk with its assets, treatment and mitigating controls',
        params: idParams,
        response: { 200: riskDetailSchema, ...errors },
      },
    },
    (req) => getRisk(contextOf(req, db), req.params.id),
  );
  app.patch(
    '/api/risks/:id',
    {
      config: { access: policy.editOwn },
      schema: {
        tags,
        summary: 'Assess or treat a risk (owners change their own; others need risks.manage)',
        params: idParams,
        body: riskPatchSchema,
        response: { 200: riskDetailSchema, ...errors },
      },
    },
    (req) => updateRisk(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/risks/:id/acceptance/approve',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary:
          'The approver named on the acceptance approves it, from their own session; the risk is then accepted',
        params: idParams,
        response: { 200: riskDetailSchema, ...errors },
      },
    },
    (req) => approveRiskAcceptance(contextOf(req, db), req.params.id, getRisk),
  );
  app.delete(
    '/api/risks/:id',
    {
      config: { access: policy.manage },
      schema: { tags, summary: 'Delete a risk', params: idParams, response: { ...noContent, ...errors } },
    },
    async (req, reply) => {
      await deleteRisk(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/risks/:id/history',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: "The risk's changes from the audit log, newest first",
        params: idParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(riskHistoryEventSchema), ...errors },
      },
    },
    (req) => riskHistory(contextOf(req, db), req.params.id, req.query),
  );
};
