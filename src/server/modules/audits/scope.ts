import type { ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { assertPerson } from '../nonconformities/index.js';

/** The rows of `table` with these ids in this organisation, or a 400 naming the first unknown id. */
async function known(
  ctx: ServiceContext,
  table: 'frameworks' | 'services',
  ids: string[],
  field: string,
  label: string,
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom(table)
    .select(['id', 'name'])
    .where('organization_id', '=', ctx.organizationId)
    .where('id', 'in', ids)
    .execute();
  const missing = ids.find((id) => !rows.some((r) => r.id === id));
  if (missing) {
    throw new AppError('VALIDATION_FAILED', `Unknown ${label}: no ${label} ${missing} in this organisation`, [
      { path: field, message: `No ${label} ${missing}` },
    ]);
  }
  return rows;
}

export const knownFrameworks = (ctx: ServiceContext, ids: string[]) =>
  known(ctx, 'frameworks', [...new Set(ids)], 'frameworkIds', 'framework');
export const knownServices = (ctx: ServiceContext, ids: string[]) =>
  known(ctx, 'services', [...new Set(ids)], 'serviceIds', 'service');

export function assertDates(start: string, end: string): void {
  if (end < start) {
    throw new AppError('VALIDATION_FAILED', `The planned end ${end} is before the planned start ${start}`, [
      { path: 'plannedEnd', message: `The end must be on or after the start (${start})` },
    ]);
  }
}

export async function assertAuditor(
  ctx: ServiceContext,
  leadAuditorId: string | null,
  externalAuditor: string,
): Promise<void> {
  if (leadAuditorId === null && externalAuditor.trim() === '') {
    throw new AppError('VALIDATION_FAILED', 'Name a lead auditor or an external auditor', [
      { path: 'leadAuditorId', message: 'Choose a lead auditor or name an external auditor' },
    ]);
  }
  await assertPerson(ctx, leadAuditorId, 'leadAuditorId', 'lead auditor');
}

export async function assertProgramme(ctx: ServiceContext, programmeId: string | null): Promise<void> {
  if (programmeId === null) return;
  const row = await ctx.db
    .selectFrom('audit_programmes')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('VALIDATION_FAILED', `Unknown audit programme: no programme ${programmeId}`, [
      { path: 'programmeId', message: `No programme ${programmeId}` },
    ]);
  }
}
