import { type Permission, type Role, rolePermissions } from '../../contracts/permissions.js';
import { type PolicyInput, policyInputSchema } from '../../contracts/policies.js';
import type { ServiceContext } from '../kernel/context.js';
import {
  addDays,
  approveVersion,
  createDraft,
  createPolicy,
  isoDay,
  publishVersion,
  startCampaign,
  submitVersion,
} from '../modules/policies/index.js';

const infosecPolicy = `# Information security policy

Norrsken Cloud AB runs compute, S3-compatible storage, backup and Kubernetes for customers who need their
data to stay in the Nordics. Our customers trust us with their systems; this policy says how we keep that trust.

## Commitments

1. **Customer data stays in the EU/Nordics.** It is processed only in our data centres STO1 and STO2
   (Stockholm) and OSL1 (Oslo). We do not transfer it to third countries.
2. **Least privilege.** Access to production is granted per role, reviewed every quarter and revoked on the
   day someone leaves. Administrative access needs a hardware security key.
3. **Separated administration.** Management networks are separate from customer networks.
4. **Encryption.** Disks holding customer data are encrypted at rest; traffic between sites is encrypted.
5. **Known weaknesses are fixed.** We scan for vulnerabilities continuously and fix critical findings within
   7 days.
6. **Incidents are reported.** Anyone who suspects an incident reports it at once to the security on-call.

## Responsibilities

- The CISO owns this policy, the Statement of Applicability and the risk register.
- Service owners implement the baseline controls (the DevOps Guidelines) in their services.
- Every member of staff reads and accepts this policy when they join and whenever it changes.

## Review

This policy is reviewed at least once a year and after any major incident or organisational change.
`;

const drPlan = (rto: string) => `# Disaster recovery plan

## Scope

Restoring customer services after losing a data centre, a storage cluster or the control plane.

## Recovery targets

| Service | Recovery time | Recovery point |
|---|---|---|
| Compute | ${rto} | 15 minutes |
| Object storage | ${rto} | 0 (synchronous replica) |
| Backup | 24 hours | 24 hours |

## Sites

Customers choose STO1, STO2 or OSL1 as their primary location and may choose another as their DR site.
Replication between STO1 and STO2 is synchronous; OSL1 receives asynchronous copies.

## Invoking the plan

1. The incident commander declares a disaster after consulting the CISO or the head of operations.
2. Operations fails affected services over to the customer's DR site, following the runbooks.
3. Customer communication goes out through the status page within 30 minutes.

## Testing

The plan is tested twice a year by failing over a production-like environment; results are kept as evidence.
`;

const continuityPlan = `# Business continuity plan

## Purpose

Keep the services customers depend on running, and keep the company working, through a serious disruption:
loss of a site, a key supplier, key people or our office.

## Critical activities

- Operating the platform (monitoring, on-call, incident response)
- Customer support for outages
- Payroll and supplier payments

## Arrangements

- **Sites:** customer services run in STO1, STO2 and OSL1; no single site is needed to run the others.
- **People:** every on-call role has at least two trained people; runbooks live in a system reachable
  from any site.
- **Suppliers:** power and network come from two independent suppliers per site.
- **Office:** staff can work remotely with hardware keys and company laptops.

## Exercises

A tabletop exercise runs every year; its findings are tracked as corrective actions.
`;

interface DemoDocument {
  input: PolicyInput;
  /** A second version left in review, so the demo shows the workflow and a diff. */
  revision?: { body: string; changeSummary: string };
  /** Ask everyone to accept the published version. */
  campaign?: boolean;
}

const documents: DemoDocument[] = [
  {
    input: {
      title: 'Information security policy',
      kind: 'policy',
      ownerId: '',
      classification: 'customer-on-request',
      reviewIntervalMonths: 12,
      body: infosecPolicy,
      changeSummary: 'First version',
    },
    campaign: true,
  },
  {
    input: {
      title: 'Disaster recovery plan',
      kind: 'plan',
      ownerId: '',
      classification: 'internal',
      reviewIntervalMonths: 6,
      body: drPlan('4 hours'),
      changeSummary: 'First version',
    },
    revision: { body: drPlan('2 hours'), changeSummary: 'Compute and storage recover within 2 hours' },
  },
  {
    input: {
      title: 'Business continuity plan',
      kind: 'plan',
      ownerId: '',
      classification: 'internal',
      reviewIntervalMonths: 12,
      body: continuityPlan,
      changeSummary: 'First version',
    },
  },
];

async function personContext(ctx: ServiceContext, where: { email?: string; role?: Role }) {
  let q = ctx.db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('organization_id', '=', ctx.organizationId)
    .where('status', '=', 'active');
  if (where.email) q = q.where('email', '=', where.email);
  if (where.role) q = q.where('role', '=', where.role);
  const user = await q.orderBy('created_at').executeTakeFirst();
  if (!user) throw new Error(`the demo policies need a ${where.email ?? where.role} user`);
  const role = user.role;
  const permissions: ReadonlySet<Permission> = rolePermissions[role];
  return {
    ...ctx,
    actor: { type: 'user' as const, userId: user.id, tokenId: null, role, permissions },
  };
}

/** The demo's policies: written by the CISO, approved by the admin (four eyes), published. */
export async function seedDemoPolicies(ctx: ServiceContext): Promise<void> {
  const ciso = await personContext(ctx, { email: 'ingrid.holm@norrsken.example' });
  const admin = await personContext(ctx, { role: 'admin' });
  for (const d of documents) {
    const doc = await createPolicy(ciso, policyInputSchema.parse({ ...d.input, ownerId: ciso.actor.userId }));
    await submitVersion(ciso, doc.id, 1);
    await approveVersion(admin, doc.id, 1);
    await publishVersion(ciso, doc.id, 1);
    if (d.campaign) {
      await startCampaign(ciso, doc.id, {
        audience: { type: 'all' },
        dueOn: isoDay(addDays(new Date(), 30)),
      });
    }
    if (d.revision) {
      await createDraft(ciso, doc.id, d.revision);
      await submitVersion(ciso, doc.id, 2);
    }
  }
}
