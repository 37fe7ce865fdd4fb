import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  diffQuerySchema,
  draftInputSchema,
  draftPatchSchema,
  policyDetailSchema,
  policyDiffSchema,
  policyInputSchema,
  policyListQuerySchema,
  policyPatchSchema,
  policySummarySchema,
  policyVersionSchema,
  policyVersionSummarySchema,
  returnInputSchema,
  versionParams,
} from '../../../contracts/policies.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import { policiesPolicy as policy } from './policies.policy.js';
import { createPolicy, getPolicy, listPolicies, updatePolicy } from './policies.service.js';
import {
  approveVersion,
  createDraft,
  diffVersions,
  editDraft,
  getVersion,
  listVersions,
  publishVersion,
  returnVersion,
  submitVersion,
} from './versions.service.js';

const tags = ['policies'];

export const registerPolicyRoutes: RouteModule = (app, deps) => {
  const { db } = deps;
  app.get(
    '/api/policies',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary:
          'Documents with status, classification and next review; filter overdue=true for overdue reviews',
        querystring: policyListQuerySchema,
        response: { 200: pageOf(policySummarySchema), ...errors },
      },
    },
    (req) => listPolicies(contextOf(req, db), req.query),
  );
  app.post(
    '/api/policies',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Create a document with its first draft',
        body: policyInputSchema,
        response: { 201: policyDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createPolicy(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/policies/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'A document with its published version and the version being worked on',
        params: idParams,
        response: { 200: policyDetailSchema, ...errors },
      },
    },
    (req) => getPolicy(contextOf(req, db), req.params.id),
  );
  app.patch(
    '/api/policies/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change title, kind, owner, classification or review interval',
        params: idParams,
        body: policyPatchSchema,
        response: { 200: policyDetailSchema, ...errors },
      },
    },
    (req) => updatePolicy(contextOf(req, db), req.params.id, req.body),
  );
  registerVersionRoutes(app, deps);
};

const registerVersionRoutes: RouteModule = (app, { db }) => {
  app.get(
    '/api/policies/:id/versions',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Version history, newest first',
        params: idParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(policyVersionSummarySchema), ...errors },
      },
    },
    (req) => listVersions(contextOf(req, db), req.params.id, req.query),
  );
  app.post(
    '/api/policies/:id/versions',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Start a new draft (only one version is worked on at a time)',
        params: idParams,
        body: draftInputSchema,
        response: { 201: policyDetailSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createDraft(contextOf(req, db), req.params.id, req.body)),
  );
  app.get(
    '/api/policies/:id/versions/:number',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'One version with its text rendered',
        params: versionParams,
        response: { 200: policyVersionSchema, ...errors },
      },
    },
    (req) => getVersion(contextOf(req, db), req.params.id, req.params.number),
  );
  app.patch(
    '/api/policies/:id/versions/:number',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Edit a draft; a submitted version is immutable',
        params: versionParams,
        body: draftPatchSchema,
        response: { 200: policyVersionSchema, ...errors },
      },
    },
    (req) => editDraft(contextOf(req, db), req.params.id, req.params.number, req.body),
  );
  const transition = (
    path: string,
    access: (typeof policy)[keyof typeof policy],
    summary: string,
    run: typeof submitVersion,
  ) =>
    app.post(
      `/api/policies/:id/versions/:number/${path}`,
      {
        config: { access },
        schema: { tags, summary, params: versionParams, response: { 200: policyDetailSchema, ...errors } },
      },
      (req) => run(contextOf(req, db), req.params.id, req.params.number),
    );
  transition('submit', policy.manage, 'Submit a draft for review', submitVersion);
  transition('approve', policy.approve, 'Approve a version in review (not by its author)', approveVersion);
  transition(
    'publish',
    policy.manage,
    'Publish an approved version; the previous one is superseded',
    publishVersion,
  );
  app.post(
    '/api/policies/:id/versions/:number/return',
    {
      config: { access: policy.approve },
      schema: {
        tags,
        summary: 'Send a version in review back to draft with a reason',
        params: versionParams,
        body: returnInputSchema,
        response: { 200: policyDetailSchema, ...errors },
      },
    },
    (req) => returnVersion(contextOf(req, db), req.params.id, req.params.number, req.body.reason),
  );
  app.get(
    '/api/policies/:id/diff',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Line-based difference between two versions as hunks',
        params: idParams,
        querystring: diffQuerySchema,
        response: { 200: policyDiffSchema, ...errors },
      },
    },
    (req) => diffVersions(contextOf(req, db), req.params.id, req.query.from, req.query.to),
  );
};
