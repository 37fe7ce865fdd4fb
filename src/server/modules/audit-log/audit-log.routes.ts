import {
  auditCheckpointSchema,
  auditEventQuerySchema,
  auditEventSchema,
  auditVerificationSchema,
} from '../../../contracts/audit.js';
import { pageOf } from '../../../contracts/paging.js';
import { createCheckpoint, verifyOrganizationAuditLog } from '../../kernel/audit/audit-checkpoints.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors } from '../../kernel/http/route-schemas.js';
import { auditLogPolicy as policy } from './audit-log.policy.js';
import { listAuditEvents } from './audit-log.service.js';

export const registerAuditLogRoutes: RouteModule = (app, { db, keyring }) => {
  const tags = ['audit log'];
  app.get(
    '/api/audit-events',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Audit events, newest first, with filters',
        querystring: auditEventQuerySchema,
        response: { 200: pageOf(auditEventSchema), ...errors },
      },
    },
    (req) => listAuditEvents(contextOf(req, db), req.query),
  );

  app.get(
    '/api/audit-log/verification',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Recompute the Merkle log and check it against every trusted signed checkpoint',
        response: { 200: auditVerificationSchema, ...errors },
      },
    },
    (req) => verifyOrganizationAuditLog(contextOf(req, db), { trustedPublicKeys: keyring.trustedPublicKeys }),
  );

  app.post(
    '/api/audit-log/checkpoints',
    {
      config: { access: policy.checkpoint },
      schema: {
        tags,
        summary: 'Verify the log and sign a checkpoint of its current root',
        response: { 201: auditCheckpointSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createCheckpoint(contextOf(req, db), keyring)),
  );
};
