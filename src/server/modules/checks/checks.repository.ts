import type { CheckListQuery } from '../../../contracts/checks.js';
import type { ControlRef } from '../../../contracts/evidence.js';
import { checkVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';

export function checkQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('checks as k')
    .leftJoin('users as u', 'u.id', 'k.owner_id')
    .selectAll('k')
    .select('u.name as owner_name')
    .where('k.organization_id', '=', ctx.organizationId)
    .where(checkVisible(ctx.actor, 'k.id'));
}

export type CheckQueryRow = Awaited<ReturnType<ReturnType<typeof checkQuery>['executeTakeFirstOrThrow']>>;

export function filteredChecks(ctx: ServiceContext, f: CheckListQuery) {
  let q = checkQuery(ctx);
  if (f.status) q = q.where('k.status', '=', f.status);
  if (f.kind) q = q.where('k.kind', '=', f.kind);
  if (f.q) q = q.where('k.name', 'ilike', containsPattern(f.q));
  if (f.controlId) {
    const controlId = f.controlId;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('check_controls as cc')
          .select('cc.check_id')
          .whereRef('cc.check_id', '=', 'k.id')
          .where('cc.organization_id', '=', ctx.organizationId)
          .where('cc.control_id', '=', controlId),
      ),
    );
  }
  return q;
}

export async function controlsOfChecks(
  ctx: ServiceContext,
  checkIds: readonly string[],
): Promise<Map<string, ControlRef[]>> {
  const byCheck = new Map<string, ControlRef[]>();
  if (checkIds.length === 0) return byCheck;
  const rows = await ctx.db
    .selectFrom('check_controls as cc')
    .innerJoin('controls as c', 'c.id', 'cc.control_id')
    .select(['cc.check_id', 'c.id', 'c.ref', 'c.title'])
    .where('cc.organization_id', '=', ctx.organizationId)
    .where('cc.check_id', 'in', [...checkIds])
    .orderBy('c.ref')
    .execute();
  for (const r of rows) {
    byCheck.set(r.check_id, [...(byCheck.get(r.check_id) ?? []), { id: r.id, ref: r.ref, title: r.title }]);
  }
  return byCheck;
}

/** Makes the check's controls exactly `controls`. */
export async function replaceCheckControls(
  ctx: ServiceContext,
  checkId: string,
  controls: readonly ControlRef[],
): Promise<void> {
  await ctx.db
    .deleteFrom('check_controls')
    .where('organization_id', '=', ctx.organizationId)
    .where('check_id', '=', checkId)
    .execute();
  if (controls.length === 0) return;
  await ctx.db
    .insertInto('check_controls')
    .values(
      controls.map((c) => ({ organization_id: ctx.organizationId, check_id: checkId, control_id: c.id })),
    )
    .execute();
}
