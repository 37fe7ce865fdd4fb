import { rolePermissions } from '../../contracts/permissions.js';
import type { ServiceContext } from '../kernel/context.js';
import {
  changeAuditStatus,
  createAudit,
  createProgramme,
  raiseFinding,
  recordChecklistResult,
} from '../modules/audits/index.js';
import {
  addCorrectiveAction,
  changeNonconformityStatus,
  updateCorrectiveAction,
  updateNonconformity,
  verifyNonconformity,
} from '../modules/nonconformities/index.js';

const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** The first day of the quarter before the one `now` is in. */
function lastQuarterStart(now: Date): Date {
  const quarter = Math.floor(now.getUTCMonth() / 3);
  return new Date(Date.UTC(now.getUTCFullYear(), quarter * 3 - 3, 1));
}

async function personContext(ctx: ServiceContext, email: string): Promise<ServiceContext> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('organization_id', '=', ctx.organizationId)
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const role = user.role as keyof typeof rolePermissions;
  return {
    ...ctx,
    actor: { type: 'user', userId: user.id, tokenId: null, role, permissions: rolePermissions[role] },
  };
}

async function checklistItem(ctx: ServiceContext, auditId: string, ref: string): Promise<string> {
  const row = await ctx.db
    .selectFrom('audit_checklist_items')
    .select('id')
    .where('audit_id', '=', auditId)
    .where('requirement_ref', '=', ref)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Last quarter's internal audit of ISO 27001, done by the CISO: two checklist results, an observation and a
 * minor nonconformity carried through corrective action (by the platform engineer) to an effective verification.
 */
export async function seedDemoAudits(ctx: ServiceContext): Promise<void> {
  const ciso = await personContext(ctx, 'ingrid.holm@norrsken.example');
  const engineer = await personContext(ctx, 'erik.lund@norrsken.example');
  const iso = await ctx.db
    .selectFrom('frameworks')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('key', '=', 'iso27001-2022')
    .executeTakeFirstOrThrow();
  const start = addDays(lastQuarterStart(new Date()), 20);
  const programme = await createProgramme(ctx, {
    year: start.getUTCFullYear(),
    objectives:
      'Audit every ISO 27001 clause and Annex A theme once before the certification audit; follow up every nonconformity within 60 days.',
  });
  const audit = await createAudit(ctx, {
    title: 'Internal ISMS audit: technological controls',
    type: 'internal',
    programmeId: programme.id,
    plannedStart: day(start),
    plannedEnd: day(addDays(start, 2)),
    leadAuditorId: ciso.actor.userId,
    externalAuditor: '',
    frameworkIds: [iso.id],
    serviceIds: [],
  });
  await changeAuditStatus(ctx, audit.id, { status: 'in-progress' });
  const backups = await checklistItem(ctx, audit.id, 'A.8.13');
  const vulns = await checklistItem(ctx, audit.id, 'A.8.8');
  await recordChecklistResult(ciso, audit.id, backups, {
    result: 'observation',
    notes: 'Restore tests run every month, but the results are kept in two places.',
  });
  await raiseFinding(ciso, audit.id, {
    type: 'observation',
    description: 'Keep restore-test reports in one place so trends are visible.',
    checklistItemId: backups,
  });
  await recordChecklistResult(ciso, audit.id, vulns, {
    result: 'nonconform',
    notes: 'Two hosts in OSL1 were missing from the scan scope.',
  });
  const finding = await raiseFinding(ciso, audit.id, {
    type: 'minor-nc',
    description: 'Vulnerability scans did not cover two newly installed hosts in OSL1.',
    checklistItemId: vulns,
  });
  await changeAuditStatus(ctx, audit.id, {
    status: 'completed',
    conclusion:
      'The technological controls are effective; one minor nonconformity and one observation were raised.',
  });
  const ncId = finding.nonconformityId;
  if (!ncId) throw new Error('a minor NC finding opens a nonconformity');
  await updateNonconformity(ciso, ncId, {
    ownerId: engineer.actor.userId,
    correction: 'The two hosts were scanned the same day; no critical findings.',
  });
  await changeNonconformityStatus(ciso, ncId, 'correction');
  await updateNonconformity(ciso, ncId, {
    rootCause: 'New hosts join the scan scope by hand, and the install checklist does not mention it.',
  });
  await changeNonconformityStatus(ciso, ncId, 'corrective-action');
  const withAction = await addCorrectiveAction(ciso, ncId, {
    description: 'Build the scan scope from the inventory every night instead of by hand.',
    ownerId: engineer.actor.userId ?? '',
    dueDate: day(addDays(new Date(), 30)),
  });
  const actionId = withAction.actions[0]?.id;
  if (!actionId) throw new Error('the corrective action was added');
  await updateCorrectiveAction(engineer, actionId, { done: true });
  await changeNonconformityStatus(ciso, ncId, 'verification');
  await verifyNonconformity(ciso, ncId, {
    result: 'effective',
    notes: 'The nightly scope matched the inventory for three weeks running.',
  });
  await changeNonconformityStatus(ciso, ncId, 'closed');
}
