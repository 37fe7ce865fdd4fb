import { startAdminChannel } from './admin/admin-channel.js';
import type { Config } from './kernel/config/config.js';
import { buildApp } from './kernel/http/app.js';
import { type JobRunner, startJobRunner } from './kernel/jobs/job-runner.js';
import { maintenanceJobs } from './kernel/jobs/maintenance-jobs.js';
import { createLogger } from './kernel/logging/logger.js';
import { mailJobs } from './kernel/mail/index.js';
import { moduleJobs, routeModules } from './modules/index.js';
import { openRuntime } from './runtime.js';

function printFirstStart(email: string, password: string): void {
  process.stdout.write(
    [
      '',
      'Tillit created the organisation. Sign in with this one-time admin password (shown only now):',
      `  email:    ${email}`,
      `  password: ${password}`,
      'Change it under Account after signing in.',
      '',
    ].join('\n'),
  );
}

/** Runs the API (and the single-page app) until SIGINT/SIGTERM. */
export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const runtime = await openRuntime(config, logger, { bootstrap: true });
  const { db } = runtime.handle;
  const { app } = await buildApp(
    { config, db, keyring: runtime.keyring, logger, files: runtime.files },
    routeModules,
  );
  const jobs: JobRunner | undefined = config.runJobs
    ? await startJobRunner(runtime.handle.pool, logger, [
        ...maintenanceJobs(db, runtime.keyring, logger),
        ...moduleJobs(db, logger, config),
        ...mailJobs(db, config, logger),
      ])
    : undefined;
  // With the embedded database the CLI cannot open the data directory while the server runs; it asks the
  // server instead, through a local channel only this machine's Tillit user can use.
  const adminChannel =
    runtime.handle.kind === 'pglite'
      ? await startAdminChannel(config.dataDir, { db, keyring: runtime.keyring }, logger)
      : undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A database that no longer answers must not keep the process from stopping.
    setTimeout(() => {
      logger.error({ signal }, 'shutdown did not finish within 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
    await app.close();
    await adminChannel?.close();
    await jobs?.stop();
    await runtime.handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const address = await app.listen({ host: config.host, port: config.port });
  if (!config.publicUrlConfigured) config.publicUrl = address;
  if (runtime.firstStart) printFirstStart(runtime.firstStart.adminEmail, runtime.firstStart.adminPassword);
  const where = runtime.handle.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
  process.stdout.write(`Tillit is running on ${address} (database: ${where})\n`);
}
