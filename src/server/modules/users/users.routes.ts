import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  frameworkScopeRequestSchema,
  frameworkScopeSchema,
  inviteResponseSchema,
  inviteUserRequestSchema,
  updateUserRequestSchema,
  userSchema,
} from '../../../contracts/users.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import { getFrameworkScope, setFrameworkScope } from './framework-scope.service.js';
import { usersPolicy as policy } from './users.policy.js';
import { inviteUser, listUsers, updateUser } from './users.service.js';

export const registerUsersRoutes: RouteModule = (app, { db, config }) => {
  const tags = ['users'];
  app.get(
    '/api/users',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'People with access to Tillit',
        querystring: pageQuerySchema,
        response: { 200: pageOf(userSchema), ...errors },
      },
    },
    (req) => listUsers(contextOf(req, db), req.query),
  );

  app.post(
    '/api/users/invitations',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Invite a person; returns a one-time link valid for 7 days',
        body: inviteUserRequestSchema,
        response: { 201: inviteResponseSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await inviteUser(contextOf(req, db), req.body, config.publicUrl)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change a user’s name, role or status',
        params: idParams,
        body: updateUserRequestSchema,
        response: { 200: userSchema, ...errors },
      },
    },
    (req) => updateUser(contextOf(req, db), req.params.id, req.body),
  );

  app.get(
    '/api/users/:id/framework-scope',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The frameworks an auditor may see',
        params: idParams,
        response: { 200: frameworkScopeSchema, ...errors },
      },
    },
    (req) => getFrameworkScope(contextOf(req, db), req.params.id),
  );

  app.put(
    '/api/users/:id/framework-scope',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Scope an auditor to named frameworks (their controls, evidence, audits and findings)',
        params: idParams,
        body: frameworkScopeRequestSchema,
        response: { 200: frameworkScopeSchema, ...errors },
      },
    },
    (req) => setFrameworkScope(contextOf(req, db), req.params.id, req.body.frameworkIds),
  );
};
