import type { z } from 'zod';
import type { Check, CheckListQuery, checkInputSchema, checkPatchSchema } from '../../../contracts/checks.js';
import type { ControlRef } from '../../../contracts/evidence.js';
import type { Page } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { resolveControls } from '../evidence/index.js';
import { assertAssignableUser, closeTasksForSource, reassignSourceTask } from '../tasks/index.js';
import { parseConfig, storedConfig } from './check-config.js';
import { normalizeSchedule } from './check-schedule.js';
import { presentCheck } from './checks.presenter.js';
import {
  type CheckQueryRow,
  checkQuery,
  controlsOfChecks,
  filteredChecks,
  replaceCheckControls,
} from './checks.repository.js';

type CheckInput = z.output<typeof checkInputSchema>;
type CheckPatch = z.output<typeof checkPatchSchema>;

const duplicateName = (name: string | undefined) => conflict(`A check named ${name} already exists`);

export async function listChecks(ctx: ServiceContext, query: CheckListQuery): Promise<Page<Check>> {
  const page = await paged(
    filteredChecks(ctx, query),
    (q) => q.orderBy('k.name').orderBy('k.id'),
    query,
    (r) => r,
  );
  const controls = await controlsOfChecks(
    ctx,
    page.items.map((r) => r.id),
  );
  return { ...page, items: page.items.map((r) => presentCheck(r, controls.get(r.id) ?? [])) };
}

export async function findCheck(ctx: ServiceContext, id: string, lock?: 'update'): Promise<CheckQueryRow> {
  let q = checkQuery(ctx).where('k.id', '=', id);
  if (lock) q = q.forUpdate('k');
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(`Check ${id}`);
  return row;
}

export async function checkControls(ctx: ServiceContext, id: string): Promise<ControlRef[]> {
  return (await controlsOfChecks(ctx, [id])).get(id) ?? [];
}

export async function getCheck(ctx: ServiceContext, id: string): Promise<Check> {
  return presentCheck(await findCheck(ctx, id), await checkControls(ctx, id));
}

export async function createCheck(ctx: ServiceContext, input: CheckInput): Promise<Check> {
  const typed = parseConfig(input.kind, input.config);
  const schedule = normalizeSchedule(input.schedule);
  try {
    const id = await inTransaction(ctx, async (tx) => {
      await assertAssignableUser(tx.db, tx.organizationId, input.ownerId, 'ownerId');
      const controls = await resolveControls(tx, input.controlIds, []);
      const row = await tx.db
        .insertInto('checks')
        .values({
          organization_id: tx.organizationId,
          name: input.name,
          description: input.description,
          kind: typed.kind,
          config: JSON.stringify(typed.config),
          schedule,
          evidence_validity_days: input.evidenceValidityDays,
          owner_id: input.ownerId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceCheckControls(tx, row.id, controls);
      await recordAuditEvent(
        tx,
        'check.created',
        { type: 'check', id: row.id },
        {
          name: input.name,
          kind: typed.kind,
          schedule,
          ownerId: input.ownerId,
          controls: controls.map((c) => c.ref),
        },
      );
      return row.id;
    });
    return getCheck(ctx, id);
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName(input.name) : err;
  }
}

type Changes = Record<string, { from: unknown; to: unknown }>;

function changed(changes: Changes, key: string, from: unknown, to: unknown): void {
  if (to !== undefined && JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
}

async function applyPatch(tx: ServiceContext, before: CheckQueryRow, patch: CheckPatch): Promise<Changes> {
  const changes: Changes = {};
  const config =
    patch.config === undefined ? undefined : parseConfig(storedConfig(before).kind, patch.config).config;
  const schedule = patch.schedule === undefined ? undefined : normalizeSchedule(patch.schedule);
  if (patch.ownerId !== undefined)
    await assertAssignableUser(tx.db, tx.organizationId, patch.ownerId, 'ownerId');
  changed(changes, 'name', before.name, patch.name);
  changed(changes, 'description', before.description, patch.description);
  changed(changes, 'config', before.config, config);
  changed(changes, 'schedule', before.schedule, schedule);
  changed(changes, 'evidenceValidityDays', before.evidence_validity_days, patch.evidenceValidityDays);
  changed(changes, 'ownerId', before.owner_id, patch.ownerId);
  if (patch.controlIds !== undefined) {
    const controls = await resolveControls(tx, patch.controlIds, []);
    const from = (await checkControls(tx, before.id)).map((c) => c.ref);
    changed(changes, 'controls', from, controls.map((c) => c.ref).sort());
    if (changes.controls) await replaceCheckControls(tx, before.id, controls);
  }
  return changes;
}

export async function updateCheck(ctx: ServiceContext, id: string, patch: CheckPatch): Promise<Check> {
  try {
    await inTransaction(ctx, async (tx) => {
      const before = await findCheck(tx, id, 'update');
      const changes = await applyPatch(tx, before, patch);
      const { controls: _controls, ...columns } = changes;
      if (Object.keys(changes).length === 0) return;
      if (Object.keys(columns).length > 0) {
        await tx.db
          .updateTable('checks')
          .set({
            ...(changes.name ? { name: patch.name } : {}),
            ...(changes.description ? { description: patch.description } : {}),
            ...(changes.config ? { config: JSON.stringify(changes.config.to) } : {}),
            ...(changes.schedule ? { schedule: changes.schedule.to as string | null } : {}),
            ...(changes.evidenceValidityDays ? { evidence_validity_days: patch.evidenceValidityDays } : {}),
            ...(changes.ownerId ? { owner_id: patch.ownerId } : {}),
            updated_at: new Date(),
          })
          .where('organization_id', '=', tx.organizationId)
          .where('id', '=', id)
          .execute();
      }
      if (changes.ownerId) await reassignSourceTask(tx, { type: 'check', id }, patch.ownerId ?? null);
      await recordAuditEvent(
        tx,
        'check.updated',
        { type: 'check', id },
        { name: patch.name ?? before.name, changes },
      );
    });
    return getCheck(ctx, id);
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateName(patch.name) : err;
  }
}

/** Removes the check; its results stay as evidence, and its open task is cancelled. */
export async function deleteCheck(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await findCheck(tx, id, 'update');
    await closeTasksForSource(tx, { type: 'check', id }, 'cancelled', 'the check was deleted');
    await tx.db
      .deleteFrom('checks')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(tx, 'check.deleted', { type: 'check', id }, { name: before.name });
  });
}
