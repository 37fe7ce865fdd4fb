import { z } from 'zod';
import { errorResponseSchema } from '../../../contracts/errors.js';

export const idParams = z.strictObject({ id: z.uuid() });

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  429: errorResponseSchema,
} as const;

export const noContent = { 204: z.null() } as const;
