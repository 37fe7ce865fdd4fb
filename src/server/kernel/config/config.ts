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
  TILLIT_TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/,
      'TILLIT_TRUST_PROXY must be true, false or a comma-separated list of proxy addresses/CIDRs',
    )
    .default('false'),
});

/** Fastify's trustProxy: which X-Forwarded-For hops to believe when finding the client's address. */
function trustProxyFrom(value: string): boolean | string {
  return value === 'true' || value === 'false' ? value === 'true' : value;
}

export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  host: string;
  port: number;
  /** Where people reach Tillit; taken from the listening address when TILLIT_PUBLIC_URL is not set. */
  publicUrl: string;
  publicUrlConfigured: boolean;
  logLevel: z.infer<typeof envSchema>['TILLIT_LOG_LEVEL'];
  auditKeyFile: string;
  seedDemo: boolean;
  secureCookies: boolean;
  sessionTtlHours: number;
  loginRateLimitPerMinute: number;
  apiRateLimitPerMinute: number;
  runJobs: boolean;
  trustProxy: boolean | string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
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
    host: e.TILLIT_HOST,
    port: e.TILLIT_PORT,
    publicUrl: publicUrl.replace(/\/$/, ''),
    publicUrlConfigured: e.TILLIT_PUBLIC_URL !== undefined,
    logLevel: e.TILLIT_LOG_LEVEL,
    auditKeyFile: path.resolve(e.TILLIT_AUDIT_KEY_FILE ?? path.join(dataDir, 'audit-signing-key.pem')),
    seedDemo: e.TILLIT_DEMO,
    secureCookies: e.TILLIT_SECURE_COOKIES ?? publicUrl.startsWith('https://'),
    sessionTtlHours: e.TILLIT_SESSION_TTL_HOURS,
    loginRateLimitPerMinute: e.TILLIT_LOGIN_RATE_LIMIT,
    apiRateLimitPerMinute: e.TILLIT_API_RATE_LIMIT,
    runJobs: e.TILLIT_JOBS,
    trustProxy: trustProxyFrom(e.TILLIT_TRUST_PROXY),
  };
}
