import { z } from 'zod';
import {
  auditCheckpointSchema,
  auditEventQuerySchema,
  auditEventSchema,
  auditVerificationSchema,
  consistencyProofSchema,
  consistencyQuerySchema,
  inclusionProofSchema,
  inclusionQuerySchema,
} from '../../../contracts/audit.js';
import { pageOf } from '../../../contracts/paging.js';
import { createCheckpoint } from '../../kernel/audit/audit-checkpoints.js';
import { proveConsistency, proveInclusion } from '../../kernel/audit/audit-proofs.js';
import { currentVerification } from '../../kernel/audit/audit-verification-cache.js';
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
        summary:
          'The Merkle log checked against every trusted signed checkpoint: the daily full re-hash, extended over newer events',
        response: { 200: auditVerificationSchema, ...errors },
      },
    },
    (req) => currentVerification(contextOf(req, db), { trustedPublicKeys: keyring.trustedPublicKeys }),
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

  app.get(
    '/api/audit-log/consistency',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'RFC 6962 proof that the log grew from an older size without changing what it held',
        querystring: consistencyQuerySchema,
        response: { 200: consistencyProofSchema, ...errors },
      },
    },
    (req) => proveConsistency(contextOf(req, db), req.query.from, req.query.to),
  );

  app.get(
    '/api/audit-events/:seq/inclusion',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'RFC 6962 proof that one event is in the log',
        params: z.strictObject({ seq: z.coerce.number().int().min(1) }),
        querystring: inclusionQuerySchema,
        response: { 200: inclusionProofSchema, ...errors },
      },
    },
    (req) => proveInclusion(contextOf(req, db), req.params.seq, req.query.treeSize),
  );
};
