import type { Kysely } from 'kysely';
import { type Config, loadConfig } from '../kernel/config/config.js';
import type { Database } from '../kernel/db/schema.js';
import type { JobDefinition } from '../kernel/jobs/job-runner.js';
import { kernelModule } from '../kernel/kernel.module.js';
import type { Logger } from '../kernel/logging/logger.js';
import { composeModules, type ModuleDefinition } from '../kernel/module.js';
import { activitiesModule } from './activities/index.js';
import { assetsModule } from './assets/index.js';
import { auditLogModule } from './audit-log/index.js';
import { auditsModule } from './audits/index.js';
import { authModule } from './auth/index.js';
import { checksModule } from './checks/index.js';
import { controlsModule } from './controls/index.js';
import { evidenceModule } from './evidence/index.js';
import { frameworksModule } from './frameworks/index.js';
import { healthModule } from './health/index.js';
import { incidentsModule } from './incidents/index.js';
import { managementReviewModule } from './management-review/index.js';
import { nonconformitiesModule } from './nonconformities/index.js';
import { objectivesModule } from './objectives/index.js';
import { organizationModule } from './organization/index.js';
import { policiesModule } from './policies/index.js';
import { questionnairesModule } from './questionnaires/index.js';
import { risksModule } from './risks/index.js';
import { searchModule } from './search/index.js';
import { tasksModule } from './tasks/index.js';
import { tokensModule } from './tokens/index.js';
import { trustCenterModule } from './trust-center/index.js';
import { trustDocumentsModule } from './trust-documents/index.js';
import { usersModule } from './users/index.js';
import { vulnerabilitiesModule } from './vulnerabilities/index.js';

/**
 * Every module, each declared in its own `<m>.module.ts` (routes, route access, jobs, tables): a new module adds
 * one line here. The routes, jobs and backup tables below are composed from this list.
 */
export const modules: readonly ModuleDefinition[] = [
  healthModule,
  authModule,
  organizationModule,
  usersModule,
  tokensModule,
  auditLogModule,
  frameworksModule,
  controlsModule,
  evidenceModule,
  checksModule,
  tasksModule,
  activitiesModule,
  assetsModule,
  risksModule,
  auditsModule,
  nonconformitiesModule,
  policiesModule,
  objectivesModule,
  managementReviewModule,
  trustCenterModule,
  questionnairesModule,
  trustDocumentsModule,
  incidentsModule,
  vulnerabilitiesModule,
  searchModule,
];

const composed = composeModules([kernelModule, ...modules]);

export const routeModules = composed.routes;

/** The reviewed access of every route, kernel routes included (see `ModuleDefinition.routeAccess`). */
export const routeAccess = composed.routeAccess;

/** Tables a backup holds; `writeBackup` puts them in foreign-key order. */
export const backupTables = composed.backupTables;

/** Tables left out of backups on purpose (each module gives its reason in its `<m>.module.ts`). */
export const tablesNotBackedUp = composed.tablesNotBackedUp;

/** Background jobs of the modules: scheduled checks, daily reminders, recurring activities and digests. */
export function moduleJobs(
  db: Kysely<Database>,
  logger: Logger,
  config: Pick<Config, 'publicUrl'> = loadConfig(),
): JobDefinition[] {
  return composed.jobs({ db, logger, publicUrl: config.publicUrl });
}
