import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import {
  acknowledgementSchema,
  campaignInputSchema,
  campaignPeopleQuerySchema,
  campaignPersonSchema,
  campaignSchema,
  pendingAcknowledgementSchema,
  remindResultSchema,
  versionParams,
} from '../../../contracts/policies.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams } from '../../kernel/http/route-schemas.js';
import {
  acknowledgeVersion,
  campaignPeople,
  getCampaign,
  listCampaigns,
  myPendingAcknowledgements,
  remindCampaign,
  startCampaign,
} from './campaigns.service.js';
import { policiesPolicy as policy } from './policies.policy.js';

const tags = ['policies'];

export const registerCampaignRoutes: RouteModule = (app, { db }) => {
  app.post(
    '/api/policies/:id/campaigns',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary:
          'Ask all active people, or those with chosen roles, to accept the published version by a date',
        params: idParams,
        body: campaignInputSchema,
        response: { 201: campaignSchema, ...errors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await startCampaign(contextOf(req, db), req.params.id, req.body)),
  );
  app.get(
    '/api/policies/:id/campaigns',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: "A document's acknowledgement campaigns with completion figures",
        params: idParams,
        querystring: pageQuerySchema,
        response: { 200: pageOf(campaignSchema), ...errors },
      },
    },
    (req) => listCampaigns(contextOf(req, db), req.params.id, req.query),
  );
  app.get(
    '/api/policy-campaigns/:id',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'A campaign with its completion figures',
        params: idParams,
        response: { 200: campaignSchema, ...errors },
      },
    },
    (req) => getCampaign(contextOf(req, db), req.params.id),
  );
  app.get(
    '/api/policy-campaigns/:id/people',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Who was asked, who accepted and when; state=pending for the people still to accept',
        params: idParams,
        querystring: campaignPeopleQuerySchema,
        response: { 200: pageOf(campaignPersonSchema), ...errors },
      },
    },
    (req) => campaignPeople(contextOf(req, db), req.params.id, req.query),
  );
  app.post(
    '/api/policy-campaigns/:id/remind',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Remind everyone who has not accepted yet (at most once a day each)',
        params: idParams,
        response: { 200: remindResultSchema, ...errors },
      },
    },
    (req) => remindCampaign(contextOf(req, db), req.params.id),
  );
  app.get(
    '/api/me/acknowledgements',
    {
      config: { access: policy.acknowledge },
      schema: {
        tags,
        summary: 'Documents the signed-in person is asked to read and accept',
        querystring: pageQuerySchema,
        response: { 200: pageOf(pendingAcknowledgementSchema), ...errors },
      },
    },
    (req) => myPendingAcknowledgements(contextOf(req, db), req.query),
  );
  app.post(
    '/api/policies/:id/versions/:number/acknowledge',
    {
      config: { access: policy.acknowledge },
      schema: {
        tags,
        summary: 'I have read and accept this published version',
        params: versionParams,
        response: { 200: acknowledgementSchema, ...errors },
      },
    },
    (req) => acknowledgeVersion(contextOf(req, db), req.params.id, req.params.number),
  );
};
