import type { z } from 'zod';
import type {
  ControlDetail,
  ControlListQuery,
  ControlSummary,
  controlInputSchema,
  controlPatchSchema,
} from '../../../contracts/controls.js';
import type { Page } from '../../../contracts/paging.js';
import { renderMarkdown } from '../../../formats/markdown.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { changesBetween } from '../../kernel/audit/changes.js';
import { frameworkVisible } from '../../kernel/auth/framework-scope.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { lockOrganization, nextReference } from '../../kernel/db/organization-references.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { assertOwner, assertService, findRequirements, mapRequirements } from './control-links.js';
import { assertMayEditControl } from './controls.policy.js';
import { presentControlSummary } from './controls.presenter.js';
import { controlListQuery, filteredControls } from './controls.repository.js';

type ControlInput = z.output<typeof controlInputSchema>;
type ControlPatch = z.output<typeof controlPatchSchema>;

const duplicateRef = (ref: string | undefined) =>
  conflict(`A control with the reference ${ref} already exists`);

export function listControls(ctx: ServiceContext, query: ControlListQuery): Promise<Page<ControlSummary>> {
  return paged(
    filteredControls(ctx, query),
    (q) => q.orderBy('c.ref').orderBy('c.id'),
    query,
    presentControlSummary,
    {
      keyset: [
        { column: 'c.ref', direction: 'asc' },
        { column: 'c.id', direction: 'asc' },
      ],
      idColumn: 'c.id',
    },
  );
}

async function findControl(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('controls')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`Control ${id}`);
  return row;
}

export async function getControl(ctx: ServiceContext, id: string): Promise<ControlDetail> {
  const [row, requirements] = await Promise.all([
    controlListQuery(ctx).where('c.id', '=', id).executeTakeFirst(),
    ctx.db
      .selectFrom('control_requirements as cr')
      .innerJoin('requirements as r', 'r.id', 'cr.requirement_id')
      .innerJoin('frameworks as f', 'f.id', 'r.framework_id')
      .select([
        'r.id',
        'r.ref',
        'r.title',
        'f.id as framework_id',
        'f.key as framework_key',
        'f.name as framework_name',
      ])
      .where('cr.control_id', '=', id)
      .where('cr.organization_id', '=', ctx.organizationId)
      .where(frameworkVisible(ctx.actor, 'f.id'))
      .orderBy('f.name')
      .orderBy('r.position')
      .execute(),
  ]);
  if (!row) throw notFound(`Control ${id}`);
  return {
    ...presentControlSummary(row),
    implementation: row.implementation,
    implementationHtml: renderMarkdown(row.implementation),
    createdAt: row.created_at.toISOString(),
    requirements: requirements.map((r) => ({
      id: r.id,
      frameworkId: r.framework_id,
      frameworkKey: r.framework_key,
      frameworkName: r.framework_name,
      ref: r.ref,
      title: r.title,
    })),
  };
}

export async function createControl(ctx: ServiceContext, input: ControlInput): Promise<ControlDetail> {
  try {
    return await inTransaction(ctx, async (tx) => {
      await lockOrganization(tx);
      await Promise.all([assertOwner(tx, input.ownerId), assertService(tx, input.serviceId)]);
      const requirements = await findRequirements(tx, input.requirementIds);
      const ref = input.ref ?? (await nextReference(tx, 'controls'));
      const row = await tx.db
        .insertInto('controls')
        .values({
          organization_id: tx.organizationId,
          ref,
          title: input.title,
          implementation: input.implementation,
          status: input.status,
          owner_id: input.ownerId,
          service_id: input.serviceId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAuditEvent(
        tx,
        'control.created',
        { type: 'control', id: row.id },
        { ref, title: row.title, status: row.status, ownerId: row.owner_id, serviceId: row.service_id },
      );
      await mapRequirements(tx, row, requirements);
      return getControl(tx, row.id);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateRef(input.ref) : err;
  }
}

export async function updateControl(
  ctx: ServiceContext,
  id: string,
  patch: ControlPatch,
): Promise<ControlDetail> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const before = await findControl(tx, id);
      assertMayEditControl(tx.actor, before, patch);
      if (patch.ownerId !== undefined) await assertOwner(tx, patch.ownerId);
      if (patch.serviceId !== undefined) await assertService(tx, patch.serviceId);
      const columns = {
        ref: patch.ref,
        title: patch.title,
        implementation: patch.implementation,
        status: patch.status,
        owner_id: patch.ownerId,
        service_id: patch.serviceId,
      };
      const changes = changesBetween(before, columns);
      if (Object.keys(changes).length === 0) return getControl(tx, id);
      await tx.db
        .updateTable('controls')
        .set({ ...columns, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await recordAuditEvent(
        tx,
        'control.updated',
        { type: 'control', id },
        { ref: patch.ref ?? before.ref, changes },
      );
      return getControl(tx, id);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateRef(patch.ref) : err;
  }
}

export async function deleteControl(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await findControl(tx, id);
    await tx.db.deleteFrom('controls').where('id', '=', id).execute();
    await recordAuditEvent(
      tx,
      'control.deleted',
      { type: 'control', id },
      { ref: before.ref, title: before.title },
    );
  });
}

export async function addControlRequirements(
  ctx: ServiceContext,
  id: string,
  requirementIds: string[],
): Promise<ControlDetail> {
  return inTransaction(ctx, async (tx) => {
    const control = await findControl(tx, id);
    assertMayEditControl(tx.actor, control, {});
    await mapRequirements(tx, control, await findRequirements(tx, requirementIds));
    return getControl(tx, id);
  });
}

export async function removeControlRequirement(
  ctx: ServiceContext,
  id: string,
  requirementId: string,
): Promise<ControlDetail> {
  return inTransaction(ctx, async (tx) => {
    const control = await findControl(tx, id);
    assertMayEditControl(tx.actor, control, {});
    const removed = await tx.db
      .deleteFrom('control_requirements')
      .where('control_id', '=', id)
      .where('requirement_id', '=', requirementId)
      .returning('requirement_id')
      .executeTakeFirst();
    if (!removed)
      throw new AppError('NOT_FOUND', `Control ${control.ref} is not mapped to requirement ${requirementId}`);
    const [requirement] = await findRequirements(tx, [requirementId]);
    await recordAuditEvent(
      tx,
      'control.requirement-unmapped',
      { type: 'control', id },
      { ref: control.ref, requirement: requirement ? requirement.label : requirementId },
    );
    return getControl(tx, id);
  });
}
