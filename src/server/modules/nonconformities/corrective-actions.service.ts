import type { ActionPatch, NcDetail, VerificationInput } from '../../../contracts/nonconformities.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { changesBetween } from '../../kernel/audit/changes.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, conflict, forbidden, notFound } from '../../kernel/errors/app-error.js';
import { assertMayEditAction } from './nonconformities.policy.js';
import { actionsOf, findNonconformity } from './nonconformities.repository.js';
import { assertNotClosed, getNonconformity, setStatus } from './nonconformities.service.js';
import { assertPerson } from './people.js';

export interface NewAction {
  description: string;
  ownerId: string;
  dueDate: string;
}

function assertDueAfterRaised(nc: { ref: string; raised_on: string }, dueDate: string) {
  if (dueDate <= nc.raised_on) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The due date ${dueDate} must be after the day ${nc.ref} was raised (${nc.raised_on})`,
      [{ path: 'dueDate', message: `Must be after ${nc.raised_on}` }],
    );
  }
}

export async function addCorrectiveAction(
  ctx: ServiceContext,
  ncId: string,
  input: NewAction,
): Promise<NcDetail> {
  return inTransaction(ctx, async (tx) => {
    const nc = await findNonconformity(tx, ncId);
    assertNotClosed(nc);
    if (nc.status !== 'corrective-action') {
      throw conflict(
        `Corrective actions are planned in the corrective-action step; ${nc.ref} is in ${nc.status}`,
      );
    }
    await assertPerson(tx, input.ownerId, 'ownerId', 'action owner');
    assertDueAfterRaised(nc, input.dueDate);
    const row = await tx.db
      .insertInto('corrective_actions')
      .values({
        organization_id: tx.organizationId,
        nonconformity_id: ncId,
        description: input.description,
        owner_id: input.ownerId,
        due_date: input.dueDate,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAuditEvent(
      tx,
      'corrective-action.added',
      { type: 'corrective-action', id: row.id },
      { ref: nc.ref, description: input.description, ownerId: input.ownerId, dueDate: input.dueDate },
    );
    return getNonconformity(tx, ncId);
  });
}

export async function updateCorrectiveAction(
  ctx: ServiceContext,
  id: string,
  patch: ActionPatch,
): Promise<NcDetail> {
  return inTransaction(ctx, async (tx) => {
    const action = await tx.db
      .selectFrom('corrective_actions')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!action) throw notFound(`Corrective action ${id}`);
    const nc = await findNonconformity(tx, action.nonconformity_id);
    assertNotClosed(nc);
    if (nc.status !== 'corrective-action') {
      throw conflict(
        `${nc.ref} is in ${nc.status}; its corrective actions change only in the corrective-action step`,
      );
    }
    assertMayEditAction(tx.actor, action, patch);
    if (patch.ownerId !== undefined) await assertPerson(tx, patch.ownerId, 'ownerId', 'action owner');
    if (patch.dueDate !== undefined) assertDueAfterRaised(nc, patch.dueDate);
    const doneAt = patch.done === undefined ? undefined : patch.done ? (action.done_at ?? new Date()) : null;
    const columns = {
      description: patch.description,
      owner_id: patch.ownerId,
      due_date: patch.dueDate,
      done_at: doneAt,
    };
    const changes = changesBetween(action, columns);
    if (Object.keys(changes).length === 0) return getNonconformity(tx, nc.id);
    await tx.db
      .updateTable('corrective_actions')
      .set({ ...columns, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(
      tx,
      'corrective-action.updated',
      { type: 'corrective-action', id },
      { ref: nc.ref, changes },
    );
    return getNonconformity(tx, nc.id);
  });
}

/** Records a verification of effectiveness; a not-effective result sends the NC back to corrective action. */
export async function verifyNonconformity(
  ctx: ServiceContext,
  ncId: string,
  input: VerificationInput,
): Promise<NcDetail> {
  return inTransaction(ctx, async (tx) => {
    const verifier = tx.actor.userId;
    if (!verifier)
      throw forbidden('Effectiveness is verified by a person, not by an API token or the system');
    const nc = await findNonconformity(tx, ncId);
    assertNotClosed(nc);
    if (nc.status !== 'verification') {
      throw conflict(`${nc.ref} is in ${nc.status}; submit it for verification before verifying`);
    }
    const own = (await actionsOf(tx, ncId)).find((a) => a.owner_id === verifier);
    if (own) {
      throw forbidden(
        `Effectiveness must be verified by someone other than the action owner; you own "${own.description}"`,
      );
    }
    await tx.db
      .insertInto('nonconformity_verifications')
      .values({
        organization_id: tx.organizationId,
        nonconformity_id: ncId,
        result: input.result,
        notes: input.notes ?? '',
        verified_by: verifier,
      })
      .execute();
    await recordAuditEvent(
      tx,
      'nonconformity.verified',
      { type: 'nonconformity', id: ncId },
      { ref: nc.ref, result: input.result, notes: input.notes ?? '' },
    );
    if (input.result === 'not-effective') await setStatus(tx, nc, 'corrective-action');
    return getNonconformity(tx, ncId);
  });
}
