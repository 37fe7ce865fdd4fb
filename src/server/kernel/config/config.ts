import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  TILLIT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  TILLIT_HOST: z.string().min(1).default('127.0.0.1'),
  TILLIT_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  TILLIT_PUBLIC_URL: z.url().optional(),
  TILLIT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TILLIT_AUDIT_KEY_FILE: z.string().min(1).optional(),
  TILLIT_DEMO: booleanFromEnv.default(true),
  /** Without the demo: the first organisation's name and its first admin's e-mail, used on the first start only. */
  TILLIT_ORGANIZATION_NAME: z.string().trim().min(1).max(200).default('My organisation'),
  TILLIT_ADMIN_EMAIL: z.email('TILLIT_ADMIN_EMAIL must be an e-mail address').default('admin@example.com'),
  /** With the demo organisation, also its compliance programme (frameworks, applicability, controls). */
  TILLIT_DEMO_PROGRAMME: booleanFromEnv.default(true),
  TILLIT_SECURE_COOKIES: booleanFromEnv.optional(),
  TILLIT_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  TILLIT_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  TILLIT_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(1200),
  TILLIT_JOBS: booleanFromEnv.default(true),
  TILLIT_SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\//,
      'TILLIT_SMTP_URL must start with smtp:// or smtps://, e.g. smtp://user:pass@mail:587',
    )
    .optional(),
  TILLIT_MAIL_FROM: z.string().min(3).max(200).default('Tillit <tillit@localhost>'),
  TILLIT_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/,
      'TILLIT_TRUST_PROXY must be true, false or a comma-separated list of proxy addresses/CIDRs',
    )
    .default('false'),
  TILLIT_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(10_240).default(50),
  TILLIT_DB_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  TILLIT_S3_ENDPOINT: z.url().optional(),
  TILLIT_S3_BUCKET: z.string().min(3).max(63).optional(),
  TILLIT_S3_REGION: z.string().min(1).default('us-east-1'),
  TILLIT_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  TILLIT_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
});

/** Fastify's trustProxy: which X-Forwarded-For hops to believe when finding the client's address. */
function trustProxyFrom(value: string): boolean | string {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

/** S3-compatible object storage for files; without it files live under the data directory. */
export interface S3Config {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  /** Both keys or neither; without them the AWS SDK's default credential chain applies. */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL cancels any statement running longer (0: no limit); migrations are exempt. */
  statementTimeoutMs: number;
  host: string;
  port: number;
  /** Where people reach Tillit; taken from the listening address when TILLIT_PUBLIC_URL is not set. */
  publicUrl: string;
  publicUrlConfigured: boolean;
  logLevel: z.infer<typeof envSchema>['TILLIT_LOG_LEVEL'];
  auditKeyFile: string;
  seedDemo: boolean;
  organizationName: string;
  adminEmail: string;
  seedDemoProgramme: boolean;
  /** Where mail goes out; without it mail waits in the outbox. Holds credentials: never log it. */
  smtpUrl: string | undefined;
  mailFrom: string;
  secureCookies: boolean;
  sessionTtlHours: number;
  loginRateLimitPerMinute: number;
  apiRateLimitPerMinute: number;
  runJobs: boolean;
  trustProxy: boolean | string;
  maxUploadBytes: number;
  s3: S3Config | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function s3From(e: z.infer<typeof envSchema>): S3Config | undefined {
  const keys = [e.TILLIT_S3_ACCESS_KEY_ID, e.TILLIT_S3_SECRET_ACCESS_KEY];
  if (keys.filter(Boolean).length === 1) {
    throw new ConfigError(
      'Invalid configuration: set both TILLIT_S3_ACCESS_KEY_ID and TILLIT_S3_SECRET_ACCESS_KEY, or neither',
    );
  }
  if (!e.TILLIT_S3_BUCKET) {
    if (e.TILLIT_S3_ENDPOINT || keys.some(Boolean)) {
      throw new ConfigError('Invalid configuration: TILLIT_S3_BUCKET is required to use S3 storage');
    }
    return undefined;
  }
  return {
    endpoint: e.TILLIT_S3_ENDPOINT,
    bucket: e.TILLIT_S3_BUCKET,
    region: e.TILLIT_S3_REGION,
    credentials:
      e.TILLIT_S3_ACCESS_KEY_ID && e.TILLIT_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.TILLIT_S3_ACCESS_KEY_ID, secretAccessKey: e.TILLIT_S3_SECRET_ACCESS_KEY }
        : undefined,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.TILLIT_DATA_DIR);
  const publicUrl =
    e.TILLIT_PUBLIC_URL ??
    `http://${e.TILLIT_HOST === '0.0.0.0' ? 'localhost' : e.TILLIT_HOST}:${e.TILLIT_PORT}`;
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL,
    statementTimeoutMs: e.TILLIT_DB_STATEMENT_TIMEOUT_SECONDS * 1000,
    host: e.TILLIT_HOST,
    port: e.TILLIT_PORT,
    publicUrl: publicUrl.replace(/\/$/, ''),
    publicUrlConfigured: e.TILLIT_PUBLIC_URL !== undefined,
    logLevel: e.TILLIT_LOG_LEVEL,
    auditKeyFile: path.resolve(e.TILLIT_AUDIT_KEY_FILE ?? path.join(dataDir, 'audit-signing-key.pem')),
    seedDemo: e.TILLIT_DEMO,
    organizationName: e.TILLIT_ORGANIZATION_NAME,
    adminEmail: e.TILLIT_ADMIN_EMAIL.toLowerCase(),
    seedDemoProgramme: e.TILLIT_DEMO_PROGRAMME,
    smtpUrl: e.TILLIT_SMTP_URL,
    mailFrom: e.TILLIT_MAIL_FROM,
    secureCookies: e.TILLIT_SECURE_COOKIES ?? publicUrl.startsWith('https://'),
    sessionTtlHours: e.TILLIT_SESSION_TTL_HOURS,
    loginRateLimitPerMinute: e.TILLIT_LOGIN_RATE_LIMIT,
    apiRateLimitPerMinute: e.TILLIT_API_RATE_LIMIT,
    runJobs: e.TILLIT_JOBS,
    trustProxy: trustProxyFrom(e.TILLIT_TRUST_PROXY),
    maxUploadBytes: e.TILLIT_MAX_UPLOAD_MB * 1024 * 1024,
    s3: s3From(e),
  };
}

/** Every environment variable Tillit reads (the README's configuration table lists each). */
export const configVariables: readonly string[] = Object.keys(envSchema.shape);
