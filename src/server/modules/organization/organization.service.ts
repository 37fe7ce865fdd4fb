import type { z } from 'zod';
import type { Organization, organizationPatchSchema } from '../../../contracts/organization.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { changesBetween } from '../../kernel/audit/changes.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { presentOrganization } from './organization.presenter.js';
import {
  findOrganizationOrUndefined,
  findOrganizationProfileOrUndefined,
  insertOrganization,
  updateOrganizationRow,
} from './organization.repository.js';
import { placementsOf } from './service-placement.repository.js';

export type OrganizationPatch = z.output<typeof organizationPatchSchema>;

export async function getOrganization(ctx: ServiceContext): Promise<Organization> {
  const profile = await findOrganizationProfileOrUndefined(ctx.db, ctx.organizationId);
  if (!profile) throw notFound('The organisation');
  const placements = await placementsOf(
    ctx.db,
    ctx.organizationId,
    profile.services.map((s) => s.id),
  );
  return presentOrganization(profile.org, profile.locations, profile.services, placements);
}

export async function updateOrganization(
  ctx: ServiceContext,
  patch: OrganizationPatch,
): Promise<Organization> {
  await inTransaction(ctx, async (tx) => {
    const before = await findOrganizationOrUndefined(tx.db, tx.organizationId);
    if (!before) throw notFound('The organisation');
    const changes = changesBetween(
      { name: before.name, securityContactEmail: before.security_contact_email },
      patch,
    );
    if (Object.keys(changes).length === 0) return;
    await updateOrganizationRow(tx.db, tx.organizationId, {
      name: patch.name,
      security_contact_email: patch.securityContactEmail,
    });
    await recordAuditEvent(
      tx,
      'organization.updated',
      { type: 'organization', id: tx.organizationId },
      { changes },
    );
  });
  return getOrganization(ctx);
}

/** Creates an organisation and its audit log's first event; `ctx.organizationId` is ignored. */
export async function createOrganization(
  ctx: ServiceContext,
  input: { name: string; securityContactEmail: string | null },
): Promise<string> {
  return inTransaction(ctx, async (tx) => {
    const org = await insertOrganization(tx.db, {
      name: input.name,
      security_contact_email: input.securityContactEmail,
    });
    await recordAuditEvent(
      { ...tx, organizationId: org.id },
      'organization.created',
      { type: 'organization', id: org.id },
      { name: org.name },
    );
    return org.id;
  });
}
