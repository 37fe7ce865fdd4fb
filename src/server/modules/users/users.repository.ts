import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database, UserRow, UserUpdate } from '../../kernel/db/schema.js';

export function findUserByEmailOrUndefined(
  db: Kysely<Database>,
  email: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUserInOrganizationOrUndefined(
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

/** The organisation an invitation belongs to, read without a lock so its row can be locked first. */
export async function findInvitationOrganizationOrUndefined(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('user_invitations')
    .select('organization_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.organization_id;
}

/** Marks an unused, unexpired invitation as accepted and returns it; undefined when the link is not valid. */
export async function claimInvitation(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<{ userId: string } | undefined> {
  const invitation = await db
    .selectFrom('user_invitations')
    .select(['id', 'user_id', 'accepted_at', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
  if (!invitation || invitation.accepted_at || invitation.expires_at <= new Date()) return undefined;
  await db
    .updateTable('user_invitations')
    .set({ accepted_at: new Date() })
    .where('id', '=', invitation.id)
    .execute();
  return { userId: invitation.user_id };
}
