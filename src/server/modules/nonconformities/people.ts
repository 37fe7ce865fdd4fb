import type { ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';

/** Owners, auditors and verifiers must be active people of the organisation. */
export async function assertPerson(ctx: ServiceContext, userId: string | null, field: string, label: string) {
  if (userId === null) return;
  const user = await ctx.db
    .selectFrom('users')
    .select(['status', 'name'])
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) {
    throw new AppError('VALIDATION_FAILED', `Unknown ${label}: no user ${userId} in this organisation`, [
      { path: field, message: `No user ${userId}` },
    ]);
  }
  if (user.status !== 'active') {
    throw new AppError(
      'VALIDATION_FAILED',
      `The ${label} must be an active user; ${user.name} is ${user.status}`,
      [{ path: field, message: `${user.name} is ${user.status}` }],
    );
  }
}

/** Today as a calendar day in UTC, the day every due date is compared with. */
export const today = (): string => new Date().toISOString().slice(0, 10);
