import { z } from 'zod';
import {
  applicabilityRequestSchema,
  bulkApplicabilityRequestSchema,
  coverageDrillDownQuerySchema,
  coverageSchema,
  frameworkSchema,
  importFrameworkRequestSchema,
  importMappingsRequestSchema,
  importMappingsResponseSchema,
  installBuiltinRequestSchema,
  libraryFrameworkSchema,
  requirementDetailSchema,
  requirementListQuerySchema,
  requirementSummarySchema,
  serviceScopeQuerySchema,
} from '../../../contracts/frameworks.js';
import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import { soaDocumentSchema } from '../../../contracts/soa.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { sendDownload } from '../../kernel/http/downloads.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import { computeCoverage, coverageDrillDown } from './coverage.service.js';
import { frameworksPolicy as policy } from './frameworks.policy.js';
import {
  deleteFramework,
  getFramework,
  importFramework,
  installBuiltin,
  listFrameworks,
  listLibrary,
} from './frameworks.service.js';
import { exportMappings, importMappings } from './mappings.service.js';
import { exportComponentDefinition, exportSystemSecurityPlan } from './oscal-export.service.js';
import {
  getRequirement,
  listRequirements,
  setApplicability,
  setApplicabilityInBulk,
} from './requirements.service.js';
import { buildSoa } from './soa.service.js';
import { exportSoa, soaFormats } from './soa-export.service.js';

/** OSCAL catalogues are large JSON documents (NIST SP 800-53 is ~10 MB). */
const IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

export const registerFrameworkRoutes: RouteModule = (app, { db }) => {
  const tags = ['frameworks'];
  app.get(
    '/api/framework-library',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Built-in frameworks that can be installed',
        response: { 200: z.array(libraryFrameworkSchema), ...errors },
      },
    },
    (req) => listLibrary(contextOf(req, db)),
  );
  app.get(
    '/api/frameworks',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Installed frameworks',
        querystring: pageQuerySchema,
        response: { 200: pageOf(frameworkSchema), ...errors },
      },
    },
    (req) => listFrameworks(contextOf(req, db), req.query),
  );
  app.post(
    '/api/frameworks/builtin',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Install a built-in framework (and the built-in mappings)',
        body: installBuiltinRequestSchema,
        response: { 201: frameworkSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await installBuiltin(contextOf(req, db), req.body.key)),
  );
  app.post(
    '/api/frameworks/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Import an OSCAL catalog, or a profile resolved against an installed framework',
        body: importFrameworkRequestSchema,
        response: { 201: frameworkSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await importFramework(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/frameworks/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'One framework',
        params: idParams,
        response: { 200: frameworkSchema, ...errors },
      },
    },
    (req) => getFramework(contextOf(req, db), req.params.id),
  );
  app.delete(
    '/api/frameworks/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Remove a framework with its requirements, applicability and control mappings',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await deleteFramework(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/frameworks/:id/requirements',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Requirements in catalogue order with applicability and implementation status',
        params: idParams,
        querystring: requirementListQuerySchema,
        response: { 200: pageOf(requirementSummarySchema), ...errors },
      },
    },
    (req) => listRequirements(contextOf(req, db), req.params.id, req.query),
  );
  app.post(
    '/api/frameworks/:id/applicability',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Decide the applicability of many requirements at once',
        params: idParams,
        body: bulkApplicabilityRequestSchema,
        response: { 200: z.object({ updated: z.number().int() }), ...errors },
      },
    },
    (req) => setApplicabilityInBulk(contextOf(req, db), req.params.id, req.body),
  );
  app.get(
    '/api/requirements/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'A requirement with its controls and cross-framework mappings',
        params: idParams,
        response: { 200: requirementDetailSchema, ...errors },
      },
    },
    (req) => getRequirement(contextOf(req, db), req.params.id),
  );
  app.put(
    '/api/requirements/:id/applicability',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Decide whether a requirement applies, with a justification',
        params: idParams,
        body: applicabilityRequestSchema,
        response: { 200: requirementDetailSchema, ...errors },
      },
    },
    (req) => setApplicability(contextOf(req, db), req.params.id, req.body),
  );
  app.get(
    '/api/frameworks/:id/soa',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The Statement of Applicability (optionally for one service)',
        params: idParams,
        querystring: serviceScopeQuerySchema,
        response: { 200: soaDocumentSchema, ...errors },
      },
    },
    (req) => buildSoa(contextOf(req, db), req.params.id, req.query.serviceId),
  );
  for (const format of soaFormats) {
    app.get(
      `/api/frameworks/:id/soa.${format}`,
      {
        config: { access: policy.read },
        schema: {
          tags,
          summary: `The Statement of Applicability as ${format.toUpperCase()}`,
          params: idParams,
          querystring: serviceScopeQuerySchema,
          response: errors,
        },
      },
      async (req, reply) => {
        const file = await exportSoa(contextOf(req, db), req.params.id, format, req.query.serviceId);
        return sendDownload(reply, file.body, file.fileName, file.contentType);
      },
    );
  }
  app.get(
    '/api/coverage',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Coverage of every installed framework (optionally for one service)',
        querystring: serviceScopeQuerySchema,
        response: { 200: z.array(coverageSchema), ...errors },
      },
    },
    (req) => computeCoverage(contextOf(req, db), req.query.serviceId),
  );
  app.get(
    '/api/frameworks/:id/coverage/requirements',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The requirements behind a coverage figure',
        params: idParams,
        querystring: coverageDrillDownQuerySchema,
        response: { 200: pageOf(requirementSummarySchema), ...errors },
      },
    },
    (req) => coverageDrillDown(contextOf(req, db), req.params.id, req.query, req.query.serviceId),
  );
  app.get(
    '/api/frameworks/:id/oscal-ssp.json',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'An OSCAL 1.0.6 system security plan of the platform against this framework',
        params: idParams,
        response: errors,
      },
    },
    async (req, reply) => {
      const file = await exportSystemSecurityPlan(contextOf(req, db), req.params.id);
      return sendDownload(reply, file.body, file.fileName, 'application/json; charset=utf-8');
    },
  );
  app.get(
    '/api/services/:id/oscal-component-definition.json',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'An OSCAL 1.0.6 component definition of a service: the baseline controls plus its own',
        params: idParams,
        response: errors,
      },
    },
    async (req, reply) => {
      const file = await exportComponentDefinition(contextOf(req, db), req.params.id);
      return sendDownload(reply, file.body, file.fileName, 'application/json; charset=utf-8');
    },
  );
  app.post(
    '/api/mappings/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Import cross-framework mappings from CSV (all rows or none)',
        body: importMappingsRequestSchema,
        response: { 200: importMappingsResponseSchema, ...errors },
      },
    },
    (req) => importMappings(contextOf(req, db), req.body.csv),
  );
  app.get(
    '/api/mappings.csv',
    {
      config: { access: policy.read },
      schema: { tags, summary: 'Every cross-framework mapping as CSV', response: errors },
    },
    async (req, reply) =>
      sendDownload(
        reply,
        await exportMappings(contextOf(req, db)),
        'tillit-mappings.csv',
        'text/csv; charset=utf-8',
      ),
  );
};
