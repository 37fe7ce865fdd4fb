import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorResponse } from '../../../contracts/errors.js';
import { isDatabaseUnavailable, isDiskFull, isStatementTimeout } from '../db/db-errors.js';
import { AppError, type ErrorDetail } from '../errors/app-error.js';

function validationDetails(
  error: FastifyError & { validation: { instancePath: string; message?: string; params?: unknown }[] },
): ErrorDetail[] {
  return error.validation.map((v) => {
    const issue = (
      v.params as { issue?: { path?: PropertyKey[]; keys?: string[]; code?: string } } | undefined
    )?.issue;
    const base = issue?.path?.map(String).join('.') ?? v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const unknownKeys = issue?.code === 'unrecognized_keys' ? (issue.keys ?? []) : [];
    const message = unknownKeys.length
      ? `Unknown field(s): ${unknownKeys.join(', ')}`
      : (v.message ?? 'Invalid value');
    return { path: base, message };
  });
}

const fastifyCodes: Record<string, AppError['code']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_REQUEST',
};

/** Turns any error into the one JSON error shape; only AppErrors and request problems reveal their message. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const where = fe.validationContext ?? 'request';
    return new AppError('VALIDATION_FAILED', `The ${where} is invalid`, validationDetails(fe));
  }
  const mapped = fe.code ? fastifyCodes[fe.code] : undefined;
  if (mapped) return new AppError(mapped, fe.message);
  if (fe instanceof SyntaxError || (fe.statusCode === 400 && typeof fe.message === 'string')) {
    return new AppError('MALFORMED_REQUEST', `Malformed request: ${fe.message}`);
  }
  if (isDiskFull(error)) {
    return new AppError('INSUFFICIENT_STORAGE', "The server's disk is full; the change was not saved");
  }
  if (isStatementTimeout(error)) {
    return new AppError(
      'DATABASE_TIMEOUT',
      'The database did not answer within the statement timeout; try again, or narrow the request',
    );
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError('DATABASE_UNAVAILABLE', 'The database is unavailable; try again shortly');
  }
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', 'Too many requests; try again later');
  if (fe.statusCode === 404) return new AppError('NOT_FOUND', fe.message);
  if (fe.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', fe.message);
  return new AppError('INTERNAL', 'An internal error occurred');
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  if (appError.code === 'INTERNAL') {
    request.log.error({ err: error, serialization: isResponseSerializationError(error) }, 'request failed');
  } else if (appError.code === 'DATABASE_TIMEOUT') {
    // The route, not the statement: its text and parameters can hold personal data or secrets.
    request.log.warn(
      { code: appError.code, sqlState: '57014', route: request.routeOptions.url },
      appError.message,
    );
  } else if (
    (appError.code === 'DATABASE_UNAVAILABLE' || appError.code === 'INSUFFICIENT_STORAGE') &&
    error !== appError
  ) {
    request.log.warn({ err: error }, appError.message);
  } else {
    request.log.info({ code: appError.code }, appError.message);
  }
  const body: ErrorResponse = {
    error: { code: appError.code, message: appError.message, requestId: request.id },
  };
  if (appError.details?.length) body.error.details = appError.details;
  return reply.status(appError.status).type('application/json').send(body);
}
