import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { ControlRef, EvidenceItemState, EvidenceListQuery } from '../../../contracts/evidence.js';
import { evidenceVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import type { Database } from '../../kernel/db/schema.js';
import { AppError } from '../../kernel/errors/app-error.js';

/** Evidence counts toward its controls while the date it proves has come and it has not expired. */
export const freshSql = sql<boolean>`(e.valid_from <= now() AND (e.expires_at IS NULL OR e.expires_at > now()))`;
const stateSql = sql<EvidenceItemState>`CASE
  WHEN e.expires_at IS NOT NULL AND e.expires_at <= now() THEN 'expired'
  WHEN e.valid_from > now() THEN 'pending' ELSE 'fresh' END`;

export function evidenceQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('evidence as e')
    .leftJoin('users as cu', 'cu.id', 'e.created_by')
    .leftJoin('users as ru', 'ru.id', 'e.reviewer_id')
    .leftJoin('checks as k', (j) =>
      j.onRef('k.id', '=', 'e.check_id').onRef('k.organization_id', '=', 'e.organization_id'),
    )
    .selectAll('e')
    .select(['cu.name as created_by_name', 'ru.name as reviewer_name', 'k.name as check_name'])
    .select(stateSql.as('state'))
    .where('e.organization_id', '=', ctx.organizationId)
    .where(evidenceVisible(ctx.actor, 'e.id'));
}

type EvidenceQuery = ReturnType<typeof evidenceQuery>;
export type EvidenceQueryRow =
  EvidenceQuery extends SelectQueryBuilder<infer _D, infer _T, infer O> ? O : never;

export function filteredEvidence(ctx: ServiceContext, f: EvidenceListQuery): EvidenceQuery {
  let q = evidenceQuery(ctx);
  if (f.controlId) {
    const controlId = f.controlId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('evidence_controls as ec')
          .select('ec.evidence_id')
          .whereRef('ec.evidence_id', '=', 'e.id')
          .where('ec.organization_id', '=', ctx.organizationId)
          .where('ec.control_id', '=', controlId),
      ),
    );
  }
  if (f.checkId) q = q.where('e.check_id', '=', f.checkId);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.q) q = q.where('e.title', 'ilike', containsPattern(f.q));
  if (f.state === 'fresh') q = q.where(freshSql);
  if (f.state === 'stale') q = q.where(sql<boolean>`NOT ${freshSql}`);
  if (f.state === 'expired') q = q.where(sql<boolean>`e.expires_at IS NOT NULL AND e.expires_at <= now()`);
  if (f.state === 'pending') q = q.where(sql<boolean>`e.valid_from > now()`);
  return q;
}

export async function findEvidenceRow(
  ctx: ServiceContext,
  id: string,
): Promise<EvidenceQueryRow | undefined> {
  return evidenceQuery(ctx).where('e.id', '=', id).executeTakeFirst();
}

/** The controls each evidence item is linked to, keyed by evidence id. */
export async function controlsOfEvidence(
  ctx: ServiceContext,
  evidenceIds: readonly string[],
): Promise<Map<string, ControlRef[]>> {
  const byEvidence = new Map<string, ControlRef[]>();
  if (evidenceIds.length === 0) return byEvidence;
  const rows = await ctx.db
    .selectFrom('evidence_controls as ec')
    .innerJoin('controls as c', 'c.id', 'ec.control_id')
    .select(['ec.evidence_id', 'c.id', 'c.ref', 'c.title'])
    .where('ec.organization_id', '=', ctx.organizationId)
    .where('ec.evidence_id', 'in', [...evidenceIds])
    .orderBy('c.ref')
    .execute();
  for (const r of rows) {
    const list = byEvidence.get(r.evidence_id) ?? [];
    list.push({ id: r.id, ref: r.ref, title: r.title });
    byEvidence.set(r.evidence_id, list);
  }
  return byEvidence;
}

/** Controls of this organisation named by id or reference; an unknown one fails the whole request. */
export async function resolveControls(
  ctx: ServiceContext,
  ids: readonly string[],
  refs: readonly string[],
): Promise<ControlRef[]> {
  const uniqueIds = [...new Set(ids)];
  const uniqueRefs = [...new Set(refs)];
  if (uniqueIds.length + uniqueRefs.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('controls')
    .select(['id', 'ref', 'title'])
    .where('organization_id', '=', ctx.organizationId)
    .where((eb) =>
      eb.or([
        ...(uniqueIds.length ? [eb('id', 'in', uniqueIds)] : []),
        ...(uniqueRefs.length ? [eb('ref', 'in', uniqueRefs)] : []),
      ]),
    )
    .orderBy('ref')
    .execute();
  const missingIds = uniqueIds.filter((id) => !rows.some((r) => r.id === id));
  const missingRefs = uniqueRefs.filter((ref) => !rows.some((r) => r.ref === ref));
  if (missingIds.length || missingRefs.length) {
    const missing = [...missingRefs, ...missingIds];
    throw new AppError('VALIDATION_FAILED', `Unknown control(s): ${missing.slice(0, 5).join(', ')}`, [
      ...(missingIds.length ? [{ path: 'controlIds', message: `No control ${missingIds.join(', ')}` }] : []),
      ...(missingRefs.length
        ? [{ path: 'controlRefs', message: `No control ${missingRefs.join(', ')}` }]
        : []),
    ]);
  }
  return rows;
}

/** Links evidence to controls; returns the controls that were not linked already. */
export async function linkControls(
  db: Kysely<Database>,
  organizationId: string,
  evidenceId: string,
  controls: readonly ControlRef[],
): Promise<ControlRef[]> {
  if (controls.length === 0) return [];
  const added = await db
    .insertInto('evidence_controls')
    .values(
      controls.map((c) => ({ organization_id: organizationId, evidence_id: evidenceId, control_id: c.id })),
    )
    .onConflict((oc) => oc.columns(['evidence_id', 'control_id']).doNothing())
    .returning('control_id')
    .execute();
  return controls.filter((c) => added.some((a) => a.control_id === c.id));
}
