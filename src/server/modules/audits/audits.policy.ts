import type { RouteAccess } from '../../../contracts/permissions.js';

export const auditsPolicy = {
  read: 'audits.read',
  manage: 'audits.manage',
  /** Checklist results and findings: what an auditor does during an audit. */
  conduct: 'findings.raise',
} as const satisfies Record<string, RouteAccess>;
