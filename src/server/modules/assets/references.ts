import type { ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';

type Table = 'users' | 'locations' | 'services';

const invalid = (field: string, message: string, detail: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path: field, message: detail }]);

async function exists(ctx: ServiceContext, table: Table, id: string) {
  return ctx.db
    .selectFrom(table)
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A person named on an asset or risk must be an active user of the organisation. */
export async function assertActiveUser(
  ctx: ServiceContext,
  field: string,
  userId: string | null,
  role = 'owner',
): Promise<{ role: string } | null> {
  if (userId === null) return null;
  const user = await ctx.db
    .selectFrom('users')
    .select(['status', 'role'])
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user)
    throw invalid(field, `Unknown ${role}: no user with that id in this organisation`, `No user ${userId}`);
  if (user.status !== 'active') {
    throw invalid(field, `The ${role} must be an active user`, `User ${userId} is ${user.status}`);
  }
  return user;
}

export async function assertLocation(ctx: ServiceContext, locationId: string | null): Promise<void> {
  if (locationId !== null && !(await exists(ctx, 'locations', locationId))) {
    throw invalid(
      'locationId',
      'Unknown location: no location with that id in this organisation',
      `No location ${locationId}`,
    );
  }
}

export async function assertService(ctx: ServiceContext, serviceId: string | null): Promise<void> {
  if (serviceId !== null && !(await exists(ctx, 'services', serviceId))) {
    throw invalid(
      'serviceId',
      'Unknown service: no service with that id in this organisation',
      `No service ${serviceId}`,
    );
  }
}
