import {
  locationInputSchema,
  locationPatchSchema,
  locationSchema,
  organizationPatchSchema,
  organizationSchema,
  serviceInputSchema,
  servicePatchSchema,
  serviceSchema,
} from '../../../contracts/organization.js';
import { pageOf, pageQuerySchema } from '../../../contracts/paging.js';
import { contextOf } from '../../kernel/http/access-control.js';
import type { RouteModule } from '../../kernel/http/app.js';
import { errorResponses as errors, idParams, noContent } from '../../kernel/http/route-schemas.js';
import { createLocation, deleteLocation, listLocations, updateLocation } from './location.service.js';
import { createService, deleteService, listServices, updateService } from './offered-services.service.js';
import { organizationPolicy as policy } from './organization.policy.js';
import { getOrganization, updateOrganization } from './organization.service.js';

export const registerOrganizationRoutes: RouteModule = (app, { db }) => {
  const tags = ['organization'];
  app.get(
    '/api/organization',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'The organisation profile with its locations and services',
        response: { 200: organizationSchema, ...errors },
      },
    },
    (req) => getOrganization(contextOf(req, db)),
  );

  app.patch(
    '/api/organization',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Update the organisation profile',
        body: organizationPatchSchema,
        response: { 200: organizationSchema, ...errors },
      },
    },
    (req) => updateOrganization(contextOf(req, db), req.body),
  );

  app.get(
    '/api/locations',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Data centres and other locations',
        querystring: pageQuerySchema,
        response: { 200: pageOf(locationSchema), ...errors },
      },
    },
    (req) => listLocations(contextOf(req, db), req.query),
  );

  app.post(
    '/api/locations',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Add a location',
        body: locationInputSchema,
        response: { 201: locationSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createLocation(contextOf(req, db), req.body)),
  );

  app.patch(
    '/api/locations/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Update a location',
        params: idParams,
        body: locationPatchSchema,
        response: { 200: locationSchema, ...errors },
      },
    },
    (req) => updateLocation(contextOf(req, db), req.params.id, req.body),
  );

  app.delete(
    '/api/locations/:id',
    {
      config: { access: policy.manage },
      schema: { tags, summary: 'Remove a location', params: idParams, response: { ...noContent, ...errors } },
    },
    async (req, reply) => {
      await deleteLocation(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/services',
    {
      config: { access: policy.read },
      schema: {
        tags,
        summary: 'Services the organisation offers',
        querystring: pageQuerySchema,
        response: { 200: pageOf(serviceSchema), ...errors },
      },
    },
    (req) => listServices(contextOf(req, db), req.query),
  );

  app.post(
    '/api/services',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Add a service',
        body: serviceInputSchema,
        response: { 201: serviceSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createService(contextOf(req, db), req.body)),
  );

  app.patch(
    '/api/services/:id',
    {
      config: { access: policy.manage },
      schema: {
        tags,
        summary: 'Update a service',
        params: idParams,
        body: servicePatchSchema,
        response: { 200: serviceSchema, ...errors },
      },
    },
    (req) => updateService(contextOf(req, db), req.params.id, req.body),
  );

  app.delete(
    '/api/services/:id',
    {
      config: { access: policy.manage },
      schema: { tags, summary: 'Remove a service', params: idParams, response: { ...noContent, ...errors } },
    },
    async (req, reply) => {
      await deleteService(contextOf(req, db), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
