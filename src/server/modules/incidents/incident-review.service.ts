import type { z } from 'zod';
import type { IncidentDetail, publishInputSchema, reviewInputSchema } from '../../../contracts/incidents.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { conflict } from '../../kernel/errors/app-error.js';
import { raiseNonconformity } from '../nonconformities/index.js';
import { appendTimeline, lockIncident } from './incidents.repository.js';
import { getIncident } from './incidents.service.js';

/**
 * The post-incident review: lessons learned, and optionally a nonconformity raised in the nonconformity
 * register (by its own module, in this transaction) for the corrective actions.
 */
export async function reviewIncident(
  ctx: ServiceContext,
  id: string,
  input: z.output<typeof reviewInputSchema>,
): Promise<IncidentDetail> {
  return inTransaction(ctx, async (tx) => {
    const incident = await lockIncident(tx, id);
    if (incident.status !== 'recovered' && incident.status !== 'closed')
      throw conflict('The post-incident review follows recovery');
    if (input.raiseNonconformity && incident.nonconformity_id)
      throw conflict('This incident has raised its nonconformity already');
    let ncRef: string | null = null;
    let ncId = incident.nonconformity_id;
    if (input.raiseNonconformity) {
      const nc = await raiseNonconformity(tx, {
        source: 'incident',
        sourceRef: incident.ref,
        severity: input.raiseNonconformity.severity,
        description: input.raiseNonconformity.description,
        ownerId: tx.actor.userId,
      });
      ncRef = nc.ref;
      ncId = nc.id;
    }
    await tx.db
      .updateTable('incidents')
      .set({ lessons_learned: input.lessonsLearned, nonconformity_id: ncId, updated_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await appendTimeline(tx, id, {
      kind: 'note',
      text: `Post-incident review recorded${ncRef ? `; raised ${ncRef}` : ''}`,
    });
    await recordAuditEvent(
      tx,
      'incident.reviewed',
      { type: 'incident', id },
      { ref: incident.ref, nonconformity: ncRef },
    );
    return getIncident(tx, id);
  });
}

/** Publishes (or withdraws) the incident on the public status page, with a public update kept in its history. */
export async function publishIncident(
  ctx: ServiceContext,
  id: string,
  input: z.output<typeof publishInputSchema>,
): Promise<IncidentDetail> {
  return inTransaction(ctx, async (tx) => {
    const incident = await lockIncident(tx, id);
    await tx.db
      .updateTable('incidents')
      .set({
        published: input.published,
        public_title: input.publicTitle,
        public_status: input.publicStatus,
        public_summary: input.update,
        updated_at: new Date(),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute();
    await appendTimeline(tx, id, {
      kind: 'public-update',
      text: input.update,
      publicStatus: input.publicStatus,
    });
    await recordAuditEvent(
      tx,
      'incident.published',
      { type: 'incident', id },
      { ref: incident.ref, published: input.published, publicStatus: input.publicStatus },
    );
    return getIncident(tx, id);
  });
}
