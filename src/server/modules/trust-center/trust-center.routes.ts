import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  certificationInputSchema,
  certificationSchema,
  trustSettingsResponseSchema,
  trustSettingsSchema,
} from '../../../contracts/trust-center.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import {
  createCertification,
  deleteCertification,
  getSettings,
  listCertifications,
  putSettings,
  updateCertification,
} from './settings.service.js';
import { trustCenterPolicy as policy } from './trust-center.policy.js';

export const registerTrustCenterRoutes: RouteModule = (app, { db }) => {
  const tags = ['trust-center'];
  app.get(
    '/api/trust-center/settings',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Trust-center settings',
        response: { 200: trustSettingsResponseSchema, ...errors },
      },
    },
    (req) => getSettings(contextOf(req, db)),
  );
  app.put(
    '/api/trust-center/settings',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change the trust-center settings (title, theme, SLA, DR, custom domain, published)',
        body: trustSettingsSchema,
        response: { 200: trustSettingsResponseSchema, ...errors },
      },
    },
    (req) => putSettings(contextOf(req, db), req.body),
  );
  app.get(
    '/api/trust-center/certifications',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Certifications and their status',
        querystring: pageQuerySchema,
        response: { 200: pageOf(certificationSchema), ...errors },
      },
    },
    (req) => listCertifications(contextOf(req, db), req.query),
  );
  app.post(
    '/api/trust-center/certifications',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Add a certification',
        body: certificationInputSchema,
        response: { 201: certificationSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createCertification(contextOf(req, db), req.body)),
  );
  app.put(
    '/api/trust-center/certifications/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change a certification',
        params: idParams,
        body: certificationInputSchema,
        response: { 200: certificationSchema, ...errors },
      },
    },
    (req) => updateCertification(contextOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/api/trust-center/certifications/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Remove a certification',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await deleteCertification(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
