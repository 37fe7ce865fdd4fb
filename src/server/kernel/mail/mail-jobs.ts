import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config/config.js';
import type { Database } from '../db/schema.js';
import type { JobDefinition } from '../jobs/job-runner.js';
import type { Logger } from '../logging/logger.js';
import { deliverPendingMail, smtpTransport } from './mail-delivery.js';

/** Every minute, sends what the outbox holds; without TILLIT_SMTP_URL mail stays queued and is reported once. */
export function mailJobs(db: Kysely<Database>, config: Config, logger: Logger): JobDefinition[] {
  const { smtpUrl } = config;
  if (!smtpUrl) {
    logger.warn('TILLIT_SMTP_URL is not set: mail is queued in the outbox but not sent');
    return [];
  }
  return [
    {
      name: 'mail-delivery',
      payload: z.object({}),
      cron: '* * * * *',
      async handle() {
        const transport = smtpTransport(smtpUrl);
        try {
          await deliverPendingMail(db, transport, config.mailFrom, logger);
        } finally {
          transport.close();
        }
      },
    },
  ];
}
