import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError, notFound } from '../../kernel/errors/app-error.js';

async function findUser(ctx: ServiceContext, id: string) {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'role'])
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!user) throw notFound(`User ${id}`);
  return user;
}

export async function getFrameworkScope(
  ctx: ServiceContext,
  userId: string,
): Promise<{ frameworkIds: string[] }> {
  await findUser(ctx, userId);
  const rows = await ctx.db
    .selectFrom('auditor_framework_scopes')
    .select('framework_id')
    .where('organization_id', '=', ctx.organizationId)
    .where('user_id', '=', userId)
    .orderBy('framework_id')
    .execute();
  return { frameworkIds: rows.map((r) => r.framework_id) };
}

/** Replaces the frameworks an auditor may see. */
export async function setFrameworkScope(
  ctx: ServiceContext,
  userId: string,
  frameworkIds: string[],
): Promise<{ frameworkIds: string[] }> {
  return inTransaction(ctx, async (tx) => {
    const user = await findUser(tx, userId);
    if (user.role !== 'auditor') {
      throw new AppError(
        'VALIDATION_FAILED',
        `A framework scope applies to auditors only; ${user.email} is ${user.role}`,
      );
    }
    const ids = [...new Set(frameworkIds)];
    const frameworks =
      ids.length === 0
        ? []
        : await tx.db
            .selectFrom('frameworks')
            .select(['id', 'key'])
            .where('organization_id', '=', tx.organizationId)
            .where('id', 'in', ids)
            .execute();
    const unknown = ids.filter((id) => !frameworks.some((f) => f.id === id));
    if (unknown.length > 0) {
      throw new AppError('VALIDATION_FAILED', `Unknown framework(s): ${unknown.join(', ')}`, [
        { path: 'frameworkIds', message: 'Every id must be an installed framework of this organisation' },
      ]);
    }
    await tx.db.deleteFrom('auditor_framework_scopes').where('user_id', '=', userId).execute();
    if (ids.length > 0) {
      await tx.db
        .insertInto('auditor_framework_scopes')
        .values(
          ids.map((framework_id) => ({ organization_id: tx.organizationId, user_id: userId, framework_id })),
        )
        .execute();
    }
    await recordAuditEvent(
      tx,
      'user.framework-scope-set',
      { type: 'user', id: userId },
      { email: user.email, frameworks: frameworks.map((f) => f.key).sort() },
    );
    return getFrameworkScope(tx, userId);
  });
}
