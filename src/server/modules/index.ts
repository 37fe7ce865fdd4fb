import type { Kysely } from 'kysely';
import { type Config, loadConfig } from '../kernel/config/config.js';
import type { Database } from '../kernel/db/schema.js';
import type { RouteModule } from '../kernel/http/app.js';
import type { JobDefinition } from '../kernel/jobs/job-runner.js';
import type { Logger } from '../kernel/logging/logger.js';
import { activityJobs, registerActivityRoutes } from './activities/index.js';
import { registerAssetRoutes } from './assets/index.js';
import { registerAuditLogRoutes } from './audit-log/index.js';
import { registerAuditRoutes } from './audits/index.js';
import { registerAuthRoutes } from './auth/index.js';
import { checkJobs, registerCheckRoutes } from './checks/index.js';
import { registerControlRoutes } from './controls/index.js';
import { registerEvidenceRoutes } from './evidence/index.js';
import { registerFrameworkRoutes } from './frameworks/index.js';
import { registerHealthRoutes } from './health/index.js';
import { registerManagementReviewRoutes } from './management-review/index.js';
import { registerNonconformityRoutes } from './nonconformities/index.js';
import { registerObjectiveRoutes } from './objectives/index.js';
import { registerOrganizationRoutes } from './organization/index.js';
import { policyJobs, registerPoliciesRoutes } from './policies/index.js';
import { registerQuestionnaireRoutes } from './questionnaires/index.js';
import { registerRiskRoutes } from './risks/index.js';
import { registerSearchRoutes } from './search/index.js';
import { digestJobs, registerTaskRoutes, reminderJobs } from './tasks/index.js';
import { registerTokensRoutes } from './tokens/index.js';
import { registerTrustCenterRoutes, registerTrustPublicRoutes } from './trust-center/index.js';
import { registerTrustDocumentPublicRoutes, registerTrustDocumentRoutes } from './trust-documents/index.js';
import { registerUsersRoutes } from './users/index.js';
import { registerVulnerabilityRoutes } from './vulnerabilities/index.js';

export const routeModules: RouteModule[] = [
  registerHealthRoutes,
  registerAuthRoutes,
  registerOrganizationRoutes,
  registerUsersRoutes,
  registerTokensRoutes,
  registerAuditLogRoutes,
  registerFrameworkRoutes,
  registerControlRoutes,
  registerEvidenceRoutes,
  registerCheckRoutes,
  registerTaskRoutes,
  registerActivityRoutes,
  registerAssetRoutes,
  registerRiskRoutes,
  registerVulnerabilityRoutes,
  registerAuditRoutes,
  registerNonconformityRoutes,
  registerPoliciesRoutes,
  registerObjectiveRoutes,
  registerManagementReviewRoutes,
  registerTrustCenterRoutes,
  registerTrustPublicRoutes,
  registerQuestionnaireRoutes,
  registerTrustDocumentRoutes,
  registerTrustDocumentPublicRoutes,
  registerSearchRoutes,
];

/** Background jobs of the modules: scheduled checks, daily reminders, recurring activities and digests. */
export function moduleJobs(
  db: Kysely<Database>,
  logger: Logger,
  config: Pick<Config, 'publicUrl'> = loadConfig(),
): JobDefinition[] {
  return [
    ...checkJobs(db, logger),
    ...reminderJobs(db, logger),
    ...policyJobs(db, logger),
    ...activityJobs(db, logger, config.publicUrl),
    ...digestJobs(db, logger, config.publicUrl),
  ];
}
