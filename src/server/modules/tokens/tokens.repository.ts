import type { Kysely } from 'kysely';
import type { Database } from '../../kernel/db/schema.js';

/** Revokes every live API token of a user; returns how many. A revoked token never works again. */
export async function revokeTokensOfUser(db: Kysely<Database>, userId: string, at: Date): Promise<number> {
  const rows = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}
