import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import type { ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';

/** The owner must be an active person of the organisation. */
export async function assertOwner(ctx: ServiceContext, ownerId: string | null): Promise<void> {
  if (ownerId === null) return;
  const owner = await ctx.db
    .selectFrom('users')
    .select('status')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', ownerId)
    .executeTakeFirst();
  if (!owner) {
    throw new AppError('VALIDATION_FAILED', 'Unknown owner: no user with that id in this organisation', [
      { path: 'ownerId', message: `No user ${ownerId}` },
    ]);
  }
  if (owner.status !== 'active') {
    throw new AppError('VALIDATION_FAILED', 'The owner must be an active user', [
      { path: 'ownerId', message: `User ${ownerId} is ${owner.status}` },
    ]);
  }
}

export async function assertService(ctx: ServiceContext, serviceId: string | null): Promise<void> {
  if (serviceId === null) return;
  const service = await ctx.db
    .selectFrom('services')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', serviceId)
    .executeTakeFirst();
  if (!service) {
    throw new AppError('VALIDATION_FAILED', 'Unknown service: no service with that id in this organisation', [
      { path: 'serviceId', message: `No service ${serviceId}` },
    ]);
  }
}

export interface FoundRequirement {
  id: string;
  /** e.g. `iso27001-2022 A.5.1`, for audit events. */
  label: string;
}

/** Resolves requirement ids of this organisation; groups cannot carry controls. */
export async function findRequirements(
  ctx: ServiceContext,
  ids: readonly string[],
): Promise<FoundRequirement[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('requirements as r')
    .innerJoin('frameworks as f', 'f.id', 'r.framework_id')
    .select(['r.id', 'r.ref', 'r.kind', 'f.key'])
    .where('r.organization_id', '=', ctx.organizationId)
    .where('r.id', 'in', unique)
    .execute();
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Unknown requirement(s): ${missing.slice(0, 5).join(', ')}`, [
      {
        path: 'requirementIds',
        message: `${missing.length} id(s) are not requirements of this organisation`,
      },
    ]);
  }
  const groups = rows.filter((r) => r.kind !== 'requirement');
  if (groups.length > 0) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Group headings cannot be mapped to controls: ${groups.map((g) => `${g.key} ${g.ref}`).join(', ')}`,
    );
  }
  return rows.map((r) => ({ id: r.id, label: `${r.key} ${r.ref}` }));
}

export async function mapRequirements(
  ctx: ServiceContext,
  control: { id: string; ref: string },
  requirements: FoundRequirement[],
): Promise<void> {
  if (requirements.length === 0) return;
  const added = await ctx.db
    .insertInto('control_requirements')
    .values(
      requirements.map((r) => ({
        organization_id: ctx.organizationId,
        control_id: control.id,
        requirement_id: r.id,
      })),
    )
    .onConflict((oc) => oc.columns(['control_id', 'requirement_id']).doNothing())
    .returning('requirement_id')
    .execute();
  if (added.length === 0) return;
  const labels = requirements.filter((r) => added.some((a) => a.requirement_id === r.id)).map((r) => r.label);
  await recordAuditEvent(
    ctx,
    'control.requirements-mapped',
    { type: 'control', id: control.id },
    {
      ref: control.ref,
      requirements: labels,
    },
  );
}
