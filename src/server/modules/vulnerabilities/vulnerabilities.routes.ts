import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  findingDetailSchema,
  findingListQuerySchema,
  findingStateChangeSchema,
  findingSummarySchema,
  scanImportSchema,
  targetPatchSchema,
  targetSchema,
  vulnerabilityOverviewSchema,
  vulnerabilitySlaSchema,
} from '../../../contracts/vulnerabilities.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { ModuleDeps, RouteModule } from '../../kernel/http/app.js';
import { sendDownload } from '../../kernel/http/downloads.js';
import type { App } from '../../kernel/http/fastify-types.js';
import {
  registerMultipartRoutes,
  uploadErrorResponses,
  withStagedUpload,
} from '../../kernel/http/multipart.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import { changeFindingState, getFinding, listFindings, vulnerabilityOverview } from './findings.service.js';
import { exportFindingsCsv, exportFindingsXlsx } from './findings-export.service.js';
import { readScanUpload } from './scan.upload.js';
import { importScan } from './scan-import.service.js';
import { getSla, putSla } from './sla.service.js';
import { listTargets, mapTarget } from './targets.service.js';
import { vulnerabilitiesPolicy as policy } from './vulnerabilities.policy.js';

const tags = ['vulnerabilities'];

function registerImportRoute(app: App, { db, files, config }: ModuleDeps): void {
  registerMultipartRoutes(app, (scope) => {
    scope.post(
      '/api/vulnerability-scans',
      {
        config: { access: policy.import },
        schema: {
          tags,
          summary: 'Import a scan report (multipart field "file"; optional field "target")',
          description:
            'Trivy, Grype, SARIF 2.1.0, CycloneDX (with vulnerabilities/VEX), OSV-Scanner JSON, OpenVAS/Greenbone XML or Nessus v2; the format is detected from the content. The whole report imports in one transaction or not at all; the same file again changes nothing.',
          consumes: ['multipart/form-data'],
          response: { 201: scanImportSchema, 200: scanImportSchema, ...uploadErrorResponses },
        },
      },
      async (req, reply) => {
        const ctx = contextOf(req, db);
        const upload = await readScanUpload(req, files);
        const result = await withStagedUpload(upload.staged, () =>
          importScan(ctx, {
            fileName: upload.fileName,
            sha256: upload.staged.sha256,
            read: () => upload.staged.read(),
            target: upload.target,
            evidenceUrl: `${config.publicUrl}/vulnerabilities?scan=${upload.staged.sha256}`,
          }),
        );
        return reply.status(result.duplicate ? 200 : 201).send(result);
      },
    );
  });
}

export const registerVulnerabilityRoutes: RouteModule = (app, deps) => {
  const { db } = deps;
  registerImportRoute(app, deps);
  app.get(
    '/api/vulnerabilities',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary:
          'Vulnerability findings, soonest fix-by first; filter by service, asset, severity, state, overdue',
        querystring: findingListQuerySchema,
        response: { 200: pageOf(findingSummarySchema), ...errors },
      },
    },
    (req) => listFindings(contextOf(req, db), req.query),
  );
  app.get(
    '/api/vulnerabilities.csv',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The filtered findings as CSV (formula-safe), at most 50,000 rows',
        querystring: findingListQuerySchema,
        response: errors,
      },
    },
    async (req, reply) =>
      sendDownload(
        reply,
        await exportFindingsCsv(contextOf(req, db), req.query),
        'vulnerabilities.csv',
        'text/csv; charset=utf-8',
      ),
  );
  app.get(
    '/api/vulnerabilities.xlsx',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The filtered findings as XLSX (text cells only, never formulas), at most 50,000 rows',
        querystring: findingListQuerySchema,
        response: errors,
      },
    },
    async (req, reply) =>
      sendDownload(
        reply,
        await exportFindingsXlsx(contextOf(req, db), req.query),
        'vulnerabilities.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
  );
  app.get(
    '/api/vulnerabilities/overview',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Open and overdue findings per severity, and open findings per week (12 weeks)',
        response: { 200: vulnerabilityOverviewSchema, ...errors },
      },
    },
    (req) => vulnerabilityOverview(contextOf(req, db)),
  );
  app.get(
    '/api/vulnerabilities/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'One finding',
        params: idParams,
        response: { 200: findingDetailSchema, ...errors },
      },
    },
    (req) => getFinding(contextOf(req, db), req.params.id),
  );
  app.put(
    '/api/vulnerabilities/:id/state',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary:
          'Triage a finding: open, in progress, accepted (risk acceptance), false positive, not affected',
        params: idParams,
        body: findingStateChangeSchema,
        response: { 200: findingDetailSchema, ...errors },
      },
    },
    (req) => changeFindingState(contextOf(req, db), req.params.id, req.body),
  );
  app.get(
    '/api/vulnerability-targets',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Scanned images, hosts and repositories, with their asset',
        querystring: pageQuerySchema,
        response: { 200: pageOf(targetSchema), ...errors },
      },
    },
    (req) => listTargets(contextOf(req, db), req.query),
  );
  app.patch(
    '/api/vulnerability-targets/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Map a scan target to an asset (and so to its service and owner)',
        params: idParams,
        body: targetPatchSchema,
        response: { 200: targetSchema, ...errors },
      },
    },
    (req) => mapTarget(contextOf(req, db), req.params.id, req.body.assetId),
  );
  app.get(
    '/api/vulnerability-sla',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Days to fix per severity',
        response: { 200: vulnerabilitySlaSchema, ...errors },
      },
    },
    (req) => getSla(contextOf(req, db)),
  );
  app.put(
    '/api/vulnerability-sla',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Set the days to fix per severity (KEV-listed findings at most kevDays)',
        body: vulnerabilitySlaSchema,
        response: { 200: vulnerabilitySlaSchema, ...errors },
      },
    },
    (req) => putSla(contextOf(req, db), req.body),
  );
};
