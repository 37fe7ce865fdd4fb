import { z } from 'zod';
import {
  incidentDetailSchema,
  incidentInputSchema,
  incidentListQuerySchema,
  incidentPatchSchema,
  incidentSettingsSchema,
  incidentSummarySchema,
  publishInputSchema,
  reportPatchSchema,
  reportSchema,
  reportSubmitSchema,
  reviewInputSchema,
  timelineInputSchema,
  transitionInputSchema,
  triageInputSchema,
} from '../../../contracts/incidents.js';
import { pageOf } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { sendDownload } from '../../kernel/http/downloads.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import { registerCustomerNoticeRoutes } from './customer-notices.routes.js';
import { exportReportMarkdown, exportReportPdf } from './incident-report-export.js';
import { correctReport, submitReport, triageIncident, updateReport } from './incident-reports.service.js';
import { publishIncident, reviewIncident } from './incident-review.service.js';
import { getIncidentSettings, putIncidentSettings } from './incident-settings.service.js';
import { incidentsPolicy as policy } from './incidents.policy.js';
import {
  addTimelineEntry,
  getIncident,
  listIncidents,
  reportIncident,
  transitionIncident,
  updateIncident,
} from './incidents.service.js';
import { registerOutageRoutes } from './outages.routes.js';

const reportParams = z.strictObject({ id: z.uuid(), reportId: z.uuid() });
const tags = ['incidents'];
const detail = { 200: incidentDetailSchema, ...errors };

const registerReportRoutes: RouteModule = (app, { db }) => {
  app.patch(
    '/api/incidents/:id/reports/:reportId',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Edit a draft report',
        params: reportParams,
        body: reportPatchSchema,
        response: { 200: reportSchema, ...errors },
      },
    },
    (req) => updateReport(contextOf(req, db), req.params.id, req.params.reportId, req.body),
  );
  app.post(
    '/api/incidents/:id/reports/:reportId/submit',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Mark a report submitted (who, when, the reference); it is frozen from then on',
        params: reportParams,
        body: reportSubmitSchema,
        response: { 200: reportSchema, ...errors },
      },
    },
    (req) => submitReport(contextOf(req, db), req.params.id, req.params.reportId, req.body),
  );
  app.post(
    '/api/incidents/:id/reports/:reportId/corrections',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Correct a submitted report: its next version as a draft',
        params: reportParams,
        response: { 201: reportSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await correctReport(contextOf(req, db), req.params.id, req.params.reportId)),
  );
  app.get(
    '/api/incidents/:id/reports/:reportId/export.md',
    {
      config: { access: policy.read },
      schema: { tags, summary: 'A report as Markdown', params: reportParams, response: errors },
    },
    async (req, reply) => {
      const file = await exportReportMarkdown(contextOf(req, db), req.params.id, req.params.reportId);
      return sendDownload(reply, file.body, file.fileName, 'text/markdown; charset=utf-8');
    },
  );
  app.get(
    '/api/incidents/:id/reports/:reportId/export.pdf',
    {
      config: { access: policy.read },
      schema: { tags, summary: 'A report as PDF', params: reportParams, response: errors },
    },
    async (req, reply) => {
      const file = await exportReportPdf(contextOf(req, db), req.params.id, req.params.reportId);
      return sendDownload(reply, file.body, file.fileName, 'application/pdf');
    },
  );
  app.get(
    '/api/incident-settings',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Main establishment, registrations and time zone for reporting',
        response: { 200: incidentSettingsSchema, ...errors },
      },
    },
    (req) => getIncidentSettings(contextOf(req, db)),
  );
  app.put(
    '/api/incident-settings',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Correct where the organisation reports',
        body: incidentSettingsSchema,
        response: { 200: incidentSettingsSchema, ...errors },
      },
    },
    (req) => putIncidentSettings(contextOf(req, db), req.body),
  );
};

export const registerIncidentRoutes: RouteModule = (app, deps) => {
  const { db } = deps;
  registerReportRoutes(app, deps);
  registerOutageRoutes(app, deps);
  registerCustomerNoticeRoutes(app, deps);
  app.get(
    '/api/incidents',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Incidents visible to the caller (handlers: all; reporters: their own; auditors: in scope)',
        querystring: incidentListQuerySchema,
        response: { 200: pageOf(incidentSummarySchema), ...errors },
      },
    },
    (req) => listIncidents(contextOf(req, db), req.query),
  );
  app.post(
    '/api/incidents',
    {
      config: { access: policy.report },
      schema: {
        tags,
        summary: 'Report an incident',
        body: incidentInputSchema,
        response: { 201: incidentDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await reportIncident(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/incidents/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'An incident with its timeline and reports',
        params: idParams,
        response: detail,
      },
    },
    (req) => getIncident(contextOf(req, db), req.params.id),
  );
  app.patch(
    '/api/incidents/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Edit an incident, its links to risks and controls',
        params: idParams,
        body: incidentPatchSchema,
        response: detail,
      },
    },
    (req) => updateIncident(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/incidents/:id/transition',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Move the incident to its next status',
        params: idParams,
        body: transitionInputSchema,
        response: detail,
      },
    },
    (req) => transitionIncident(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/incidents/:id/timeline',
    {
      config: { access: policy.report },
      schema: {
        tags,
        summary: 'Append a note or an action (reporters: to their own incidents)',
        params: idParams,
        body: timelineInputSchema,
        response: detail,
      },
    },
    (req) => addTimelineEntry(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/incidents/:id/triage',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Classify the incident; opens the reports that are due, each a task with its deadline',
        params: idParams,
        body: triageInputSchema,
        response: detail,
      },
    },
    (req) => triageIncident(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/incidents/:id/review',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Record the post-incident review; may raise a nonconformity',
        params: idParams,
        body: reviewInputSchema,
        response: detail,
      },
    },
    (req) => reviewIncident(contextOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/api/incidents/:id/publication',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Publish a status update on the public status page (or withdraw the incident)',
        params: idParams,
        body: publishInputSchema,
        response: detail,
      },
    },
    (req) => publishIncident(contextOf(req, db), req.params.id, req.body),
  );
};
