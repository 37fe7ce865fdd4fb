import type { Kysely } from 'kysely';
import { forgetCachedSessions } from '../../kernel/auth/authenticate.js';
import type { Database } from '../../kernel/db/schema.js';

/** Ends a person's sessions (all, or all but the one in use). Sessions belong to the auth module. */
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
