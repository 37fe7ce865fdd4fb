import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { forgetCachedSessions } from '../../kernel/auth/authenticate.js';
import type { Database, UserRow, UserUpdate } from '../../kernel/db/schema.js';

export function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUserInOrganization(
  db: Kysely<Database>,
  organizationId: string,
  id: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function updateUserRow(db: Kysely<Database>, id: string, patch: UserUpdate): Promise<UserRow> {
  return db
    .updateTable('users')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Counts the active admins and locks their rows until the transaction ends, so two admins demoting each
 * other at the same moment cannot both pass the "one admin must remain" check.
 */
export async function lockAndCountActiveAdmins(
  db: Kysely<Database>,
  organizationId: string,
): Promise<number> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .forUpdate()
    .execute();
  return rows.length;
}

export async function deleteSessionsOfUser(
  db: Kysely<Database>,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) q = q.where('id', '!=', exceptSessionId);
  await q.execute();
  forgetCachedSessions({ userId });
}
