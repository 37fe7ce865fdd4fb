import {
  assetInputSchema,
  assetListQuerySchema,
  assetPatchSchema,
  assetSchema,
} from '../../../contracts/assets.js';
import { pageOf } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import { assetsPolicy as policy } from './assets.policy.js';
import { createAsset, deleteAsset, getAsset, listAssets, updateAsset } from './assets.service.js';

export const registerAssetRoutes: RouteModule = (app, { db }) => {
  const tags = ['assets'];
  app.get(
    '/api/assets',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Assets with owner, classification, location and service; filter by any of them',
        querystring: assetListQuerySchema,
        response: { 200: pageOf(assetSchema), ...errors },
      },
    },
    (req) => listAssets(contextOf(req, db), req.query),
  );
  app.post(
    '/api/assets',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Register an asset',
        body: assetInputSchema,
        response: { 201: assetSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createAsset(contextOf(req, db), req.body)),
  );
  app.get(
    '/api/assets/:id',
    {
      config: { access: policy.read },
      schema: { tags, summary: 'One asset', params: idParams, response: { 200: assetSchema, ...errors } },
    },
    (req) => getAsset(contextOf(req, db), req.params.id),
  );
  app.patch(
    '/api/assets/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Change an asset',
        params: idParams,
        body: assetPatchSchema,
        response: { 200: assetSchema, ...errors },
      },
    },
    (req) => updateAsset(contextOf(req, db), req.params.id, req.body),
  );
  app.delete(
    '/api/assets/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Delete an asset no risk names',
        params: idParams,
        response: { ...noContent, ...errors },
      },
    },
    async (req, reply) => {
      await deleteAsset(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
