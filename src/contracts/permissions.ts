import { z } from 'zod';

export const roles = ['admin', 'compliance-manager', 'contributor', 'auditor', 'viewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Every permission a route can declare. `public` and `authenticated` are pseudo-permissions. */
export const permissions = [
  'organization.read',
  'organization.manage',
  'users.read',
  'users.manage',
  'tokens.manage-own',
  'audit.read',
  'audit.checkpoint',
  'frameworks.read',
  'frameworks.manage',
  'controls.read',
  /** Edit the controls one owns (the service checks ownership unless the actor has controls.manage). */
  'controls.edit-own',
  'controls.manage',
  'evidence.read',
  'evidence.submit',
  'evidence.manage',
  'checks.read',
  /** Push check results and metric samples, e.g. from CI with an API token. */
  'checks.report',
  'checks.manage',
  'tasks.read',
  /** Set the status of the tasks assigned to oneself (others' tasks and reassigning take tasks.manage). */
  'tasks.update-own',
  'tasks.manage',
  'assets.read',
  'assets.manage',
  'risks.read',
  /** Edit the risks one owns (the service checks ownership unless the actor has risks.manage). */
  'risks.edit-own',
  'risks.manage',
  'vulnerabilities.read',
  /** Import scan reports, e.g. from CI with an API token. */
  'vulnerabilities.import',
  /** Triage findings (state, acceptance), map targets to assets and set the fix-by SLA. */
  'vulnerabilities.manage',
  'policies.read',
  /** Write documents and drafts, submit, publish and run acknowledgement campaigns. */
  'policies.manage',
  /** Approve a version someone else wrote (four eyes). */
  'policies.approve',
  /** Read and accept published versions oneself. */
  'policies.acknowledge',
  'audits.read',
  'audits.manage',
  /** Conduct an audit: record checklist results and raise findings (auditors may; they change nothing else). */
  'findings.raise',
  'nonconformities.read',
  /** Mark the corrective actions one owns done (anything else about an action takes nonconformities.manage). */
  'nonconformities.complete-own',
  /** Run the nonconformity register: root cause, correction, corrective actions, verification, closing. */
  'nonconformities.manage',
  'objectives.read',
  /** Set objectives and their KPIs. */
  'objectives.manage',
  /** Record KPI measurements (owners of an objective measure their own; others need objectives.manage). */
  'objectives.measure',
  'management-reviews.read',
  /** Plan, assemble, record decisions on and close management reviews. */
  'management-reviews.manage',
  'trust-center.read',
  /** Edit what the public trust center shows and announce sub-processor changes. */
  'trust-center.manage',
  /** Read one's own notification inbox and e-mail settings. */
  'notifications.read',
  /** Mark one's own notifications read and choose how they are mailed. */
  'notifications.manage-own',
] as const;
export const permissionSchema = z.enum(permissions);
export type Permission = z.infer<typeof permissionSchema>;

/**
 * `authenticated` admits any signed-in person; on a state-changing method it admits cookie sessions only
 * (an API token acts through its scopes, and no scope grants it), so a read-only token never changes state.
 */
export type RouteAccess = Permission | 'public' | 'authenticated';

const everyone: Permission[] = [
  'organization.read',
  'tokens.manage-own',
  'frameworks.read',
  'controls.read',
  'evidence.read',
  'checks.read',
  'tasks.read',
  'assets.read',
  'risks.read',
  'vulnerabilities.read',
  'policies.read',
  'audits.read',
  'nonconformities.read',
  'objectives.read',
  'management-reviews.read',
  'trust-center.read',
  'tasks.update-own',
  'nonconformities.complete-own',
  'notifications.read',
  'notifications.manage-own',
];

export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(permissions),
  'compliance-manager': new Set([
    ...everyone,
    'users.read',
    'audit.read',
    'audit.checkpoint',
    'frameworks.manage',
    'controls.edit-own',
    'controls.manage',
    'evidence.submit',
    'evidence.manage',
    'checks.report',
    'checks.manage',
    'tasks.manage',
    'assets.manage',
    'risks.edit-own',
    'risks.manage',
    'vulnerabilities.import',
    'vulnerabilities.manage',
    'policies.manage',
    'policies.approve',
    'policies.acknowledge',
    'audits.manage',
    'findings.raise',
    'nonconformities.manage',
    'objectives.manage',
    'objectives.measure',
    'management-reviews.manage',
    'trust-center.manage',
  ]),
  contributor: new Set([
    ...everyone,
    'objectives.measure',
    'controls.edit-own',
    'evidence.submit',
    'checks.report',
    'risks.edit-own',
    'vulnerabilities.import',
    'policies.acknowledge',
  ]),
  auditor: new Set([...everyone, 'audit.read', 'findings.raise']),
  viewer: new Set([...everyone, 'policies.acknowledge']),
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return rolePermissions[role].has(permission);
}
