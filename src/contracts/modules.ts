import { activitiesContract } from './activities.module.js';
import { assetsContract } from './assets.module.js';
import { auditLogContract } from './audit-log.module.js';
import { auditsContract } from './audits.module.js';
import { authContract } from './auth.module.js';
import { checksContract } from './checks.module.js';
import { controlsContract } from './controls.module.js';
import { evidenceContract } from './evidence.module.js';
import { frameworksContract } from './frameworks.module.js';
import { incidentsContract } from './incidents.module.js';
import { managementReviewContract } from './management-review.module.js';
import type { ModuleContract } from './module-contract.js';
import { nonconformitiesContract } from './nonconformities.module.js';
import { objectivesContract } from './objectives.module.js';
import { organizationContract } from './organization.module.js';
import { platformContract } from './platform.module.js';
import { policiesContract } from './policies.module.js';
import { questionnairesContract } from './questionnaires.module.js';
import { risksContract } from './risks.module.js';
import { tasksContract } from './tasks.module.js';
import { tokensContract } from './tokens.module.js';
import { trustCenterContract } from './trust-center.module.js';
import { trustDocumentsContract } from './trust-documents.module.js';
import { usersContract } from './users.module.js';
import { vulnerabilitiesContract } from './vulnerabilities.module.js';

/**
 * The contracts of every module, each from its own `<m>.module.ts`: a new module adds one line here.
 * `permissions.ts` and `audit-actions.ts` are composed from this list.
 */
export const moduleContracts = [
  organizationContract,
  usersContract,
  authContract,
  tokensContract,
  auditLogContract,
  frameworksContract,
  controlsContract,
  evidenceContract,
  checksContract,
  tasksContract,
  activitiesContract,
  assetsContract,
  risksContract,
  auditsContract,
  nonconformitiesContract,
  policiesContract,
  objectivesContract,
  managementReviewContract,
  trustCenterContract,
  trustDocumentsContract,
  questionnairesContract,
  incidentsContract,
  vulnerabilitiesContract,
  platformContract,
] as const satisfies readonly ModuleContract[];

type Contract = (typeof moduleContracts)[number];
type Merged<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** Every module's permissions in one object type, keyed by permission name. */
export type PermissionCatalogue = Merged<Contract['permissions']>;
/** Every module's audit schemas in one object type, keyed by action. */
export type AuditCatalogue = Merged<Contract['auditActions']>;

/** Merges one part of every module contract, refusing a name that two modules declare. */
export function mergeContracts<V>(
  part: string,
  pick: (contract: ModuleContract) => Readonly<Record<string, V>>,
): Record<string, V> {
  const merged: Record<string, V> = {};
  for (const contract of moduleContracts) {
    for (const [name, value] of Object.entries(pick(contract))) {
      if (name in merged) throw new Error(`${part} ${name} is declared by two modules`);
      merged[name] = value;
    }
  }
  return merged;
}
