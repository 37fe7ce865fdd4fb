import pino, { type Logger, type LoggerOptions } from 'pino';

/** Paths that may carry secrets anywhere in a log line; pino replaces their values before writing. */
export const redactedPaths = [
  'password',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  'token',
  '*.token',
  '*.inviteToken',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'databaseUrl',
  '*.databaseUrl',
  'smtpUrl',
  '*.smtpUrl',
  'secretAccessKey',
  '*.secretAccessKey',
  '*.*.secretAccessKey',
  '*.*.*.secretAccessKey',
];

/** Query parameters that carry secrets (invitation links) are masked wherever a URL is logged. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|access_token|code|secret)=)[^&#]*/gi, '$1[redacted]');
}

interface LoggableRequest {
  method?: string;
  url?: string;
  id?: string;
  ip?: string;
  hostname?: string;
}

const serializers = {
  req: (req: LoggableRequest) => ({
    method: req.method,
    url: req.url ? redactUrl(req.url) : undefined,
    id: req.id,
    ip: req.ip,
    hostname: req.hostname,
  }),
};

export function createLogger(level: LoggerOptions['level'], destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { app: 'tillit' },
    redact: { paths: redactedPaths, censor: '[redacted]' },
    serializers,
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
