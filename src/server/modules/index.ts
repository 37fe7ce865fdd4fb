import type { RouteModule } from '../kernel/http/app.js';
import { registerAuditLogRoutes } from './audit-log/audit-log.routes.js';
import { registerAuthRoutes } from './auth/auth.routes.js';
import { registerControlRoutes } from './controls/index.js';
import { registerEvidenceRoutes } from './evidence/index.js';
import { registerFrameworkRoutes } from './frameworks/index.js';
import { registerHealthRoutes } from './health/health.routes.js';
import { registerOrganizationRoutes } from './organization/organization.routes.js';
import { registerTokensRoutes } from './tokens/tokens.routes.js';
import { registerUsersRoutes } from './users/users.routes.js';

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
];
