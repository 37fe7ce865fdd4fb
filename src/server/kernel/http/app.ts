import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { AuditKeyring } from '../audit/signing-key.js';
import type { Config } from '../config/config.js';
import { packageRoot } from '../config/package-root.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors/app-error.js';
import { type DiskSpaceGuard, diskSpaceGuard } from '../files/disk-space.js';
import { createFileStore, type FileStore } from '../files/index.js';
import { type Logger, redactUrl } from '../logging/logger.js';
import { installAccessControl, type RegisteredRoute } from './access-control.js';
import { handleError } from './error-handler.js';
import type { App } from './fastify-types.js';
import { assertRequestText } from './request-text.js';
import { registerWebAssets } from './web-assets.js';

export interface AppDeps {
  config: Config;
  db: Kysely<Database>;
  keyring: AuditKeyring;
  logger: Logger;
  /** Where uploaded files go; the store the configuration describes when left out. */
  files?: FileStore;
}

export type ModuleDeps = AppDeps & { files: FileStore; disk: DiskSpaceGuard };
export type RouteModule = (app: App, deps: ModuleDeps) => void;

export const BODY_LIMIT_BYTES = 1024 * 1024;
const defaultWebDir = path.join(packageRoot, 'dist/web');

export interface BuiltApp {
  app: App;
  routes: RegisteredRoute[];
}

async function registerSecurityPlugins(app: App, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: true,
    max: config.apiRateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s`),
  });
}

async function registerOpenApi(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tillit API',
        version: '0.1.0',
        description:
          'Security and compliance programme API. Authenticate with a session cookie (browser; send x-csrf-token on changes) or `Authorization: Bearer tlt_…` API tokens.',
      },
      components: {
        securitySchemes: {
          apiToken: { type: 'http', scheme: 'bearer', description: 'Tillit API token (tlt_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'tillit_session' },
        },
      },
      security: [{ apiToken: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}

/** One line per request at debug instead of Fastify's two at info, so info stays readable; errors as before. */
class QuietRequestLog extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (error) {
      super.requestCompleted(error, request, reply);
      return;
    }
    const ms = Math.round(reply.elapsedTime);
    reply.log.debug(
      { method: request.method, url: redactUrl(request.url), statusCode: reply.statusCode, ms },
      'request',
    );
  }
}

/** Builds the HTTP application; `modules` register their routes on it. Does not listen. */
export async function buildApp(
  deps: AppDeps,
  modules: readonly RouteModule[],
  webDir = defaultWebDir,
): Promise<BuiltApp> {
  const app: App = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
    requestIdHeader: false,
    logController: new QuietRequestLog(),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('preValidation', assertRequestText);
  app.setNotFoundHandler((request, reply) =>
    handleError(
      new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`),
      request,
      reply,
    ),
  );
  await registerSecurityPlugins(app, deps.config);
  const routes = installAccessControl(app, deps.db);
  const disk = diskSpaceGuard(deps.config.dataDir, deps.logger);
  app.addHook('onRequest', disk.refuseWritesWhenLow);
  await registerOpenApi(app);
  const moduleDeps: ModuleDeps = { ...deps, files: deps.files ?? createFileStore(deps.config), disk };
  for (const register of modules) register(app, moduleDeps);
  registerWebAssets(app, webDir);
  await app.ready();
  return { app, routes };
}
