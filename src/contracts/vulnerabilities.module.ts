import { defineModuleContract } from './module-contract.js';
import { everyone } from './roles.js';
import { vulnerabilityAuditActions } from './vulnerabilities.js';

/** Permissions and audit actions of vulnerability management. */
export const vulnerabilitiesContract = defineModuleContract({
  permissions: {
    'vulnerabilities.read': { roles: everyone },
    /** Import scan reports, e.g. from CI with an API token. */
    'vulnerabilities.import': { roles: ['compliance-manager', 'contributor'] },
    /** Triage findings (state, acceptance), map targets to assets and set the fix-by SLA. */
    'vulnerabilities.manage': { roles: ['compliance-manager'] },
  },
  auditActions: vulnerabilityAuditActions,
});
