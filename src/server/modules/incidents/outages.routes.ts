import { z } from 'zod';
import {
  availabilityQuerySchema,
  availabilityRowSchema,
  importResultSchema,
  monitoringNetworkSchema,
  outageInputSchema,
  outageListQuerySchema,
  outageSchema,
  slaSettingsSchema,
} from '../../../contracts/availability.js';
import { pageOf } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import { availabilityFor, getSlaSettings, putSlaSettings } from './availability.service.js';
import { getMonitoringNetwork, putMonitoringNetwork } from './incident-settings.service.js';
import { incidentsPolicy as policy } from './incidents.policy.js';
import {
  gatusImportSchema,
  importGatus,
  importPrometheus,
  importUpptime,
  importUptimeKuma,
  prometheusImportSchema,
  upptimeImportSchema,
  uptimeKumaImportSchema,
} from './monitoring-import.service.js';
import { endOutage, listOutages, recordOutage } from './outages.service.js';

const tags = ['outages'];

export const registerOutageRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/outages',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Outages, newest first',
        querystring: outageListQuerySchema,
        response: { 200: pageOf(outageSchema), ...errors },
      },
    },
    (req) => listOutages(contextOf(req, db), req.query),
  );
  app.post(
    '/api/outages',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Record an outage or a maintenance window',
        body: outageInputSchema,
        response: { 201: outageSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await recordOutage(contextOf(req, db), req.body)),
  );
  app.post(
    '/api/outages/:id/end',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'End an open outage',
        params: idParams,
        body: z.strictObject({ endedAt: z.iso.datetime({ offset: true }) }),
        response: { 200: outageSchema, ...errors },
      },
    },
    (req) => endOutage(contextOf(req, db), req.params.id, req.body.endedAt),
  );
  app.post(
    '/api/outages/import/upptime',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: "Import Upptime's history/summary.json (idempotent; the file is kept)",
        body: upptimeImportSchema,
        response: { 200: importResultSchema, ...errors },
      },
    },
    (req) => importUpptime(contextOf(req, db), req.body),
  );
  app.post(
    '/api/outages/import/gatus',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: "Import Gatus's /api/v1/endpoints/statuses (idempotent; the answer is kept)",
        body: gatusImportSchema,
        response: { 200: importResultSchema, ...errors },
      },
    },
    (req) => importGatus(contextOf(req, db), req.body),
  );
  app.post(
    '/api/outages/import/uptime-kuma',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: "Import an Uptime Kuma status page's JSON and heartbeats (idempotent; both are kept)",
        body: uptimeKumaImportSchema,
        response: { 200: importResultSchema, ...errors },
      },
    },
    (req) => importUptimeKuma(contextOf(req, db), req.body),
  );
  app.post(
    '/api/outages/import/prometheus',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Import down windows of an up-style metric from Prometheus query_range (idempotent)',
        body: prometheusImportSchema,
        response: { 200: importResultSchema, ...errors },
      },
    },
    (req) => importPrometheus(contextOf(req, db), req.body),
  );
  app.get(
    '/api/availability',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Monthly availability per service and location against the SLA, with service credits',
        querystring: availabilityQuerySchema,
        response: { 200: z.array(availabilityRowSchema), ...errors },
      },
    },
    (req) => availabilityFor(contextOf(req, db), [req.query.month]),
  );
  app.get(
    '/api/sla-settings',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'SLA target, per-service targets and the service-credit table',
        response: { 200: slaSettingsSchema, ...errors },
      },
    },
    (req) => getSlaSettings(contextOf(req, db)),
  );
  app.put(
    '/api/sla-settings',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Set the SLA target, per-service targets and the service-credit table',
        body: slaSettingsSchema,
        response: { 200: slaSettingsSchema, ...errors },
      },
    },
    (req) => putSlaSettings(contextOf(req, db), req.body),
  );
  app.get(
    '/api/monitoring-network',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Whether monitoring imports may contact private networks',
        response: { 200: monitoringNetworkSchema, ...errors },
      },
    },
    (req) => getMonitoringNetwork(contextOf(req, db)),
  );
  app.put(
    '/api/monitoring-network',
    {
      config: { access: policy.admin },
      schema: {
        tags,
        summary: 'Allow or stop monitoring imports from contacting private networks (administrators)',
        body: monitoringNetworkSchema,
        response: { 200: monitoringNetworkSchema, ...errors },
      },
    },
    (req) => putMonitoringNetwork(contextOf(req, db), req.body),
  );
};
