import { z } from 'zod';
import {
  customerContactInputSchema,
  customerContactListQuerySchema,
  customerContactSchema,
  noticeInputSchema,
  noticeSchema,
} from '../../../contracts/incident-notices.js';
import { pageOf } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import {
  addCustomerContact,
  listCustomerContacts,
  listNotices,
  notifyCustomers,
  removeCustomerContact,
} from './customer-notices.service.js';
import { incidentsPolicy as policy } from './incidents.policy.js';

const tags = ['incidents'];

export const registerCustomerNoticeRoutes: RouteModule = (app, { db, config }) => {
  app.get(
    '/api/incidents/:id/notices',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'What affected customers were told about an incident, newest first',
        params: idParams,
        response: { 200: z.array(noticeSchema), ...errors },
      },
    },
    (req) => listNotices(contextOf(req, db), req.params.id),
  );
  app.post(
    '/api/incidents/:id/notices',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Notify affected customers by mail (trust-center subscribers or the services’ contacts)',
        params: idParams,
        body: noticeInputSchema,
        response: { 201: z.array(noticeSchema), ...errors },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await notifyCustomers(contextOf(req, db), req.params.id, req.body, config.publicUrl)),
  );
  app.get(
    '/api/customer-contacts',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Customer contacts per service, told when an incident affects it',
        querystring: customerContactListQuerySchema,
        response: { 200: pageOf(customerContactSchema), ...errors },
      },
    },
    (req) => listCustomerContacts(contextOf(req, db), req.query),
  );
  app.post(
    '/api/customer-contacts',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Add a customer contact to a service',
        body: customerContactInputSchema,
        response: { 201: customerContactSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await addCustomerContact(contextOf(req, db), req.body)),
  );
  app.delete(
    '/api/customer-contacts/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Remove a customer contact',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await removeCustomerContact(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
