import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/kernel/db/schema.js';

/** A control row for tests of modules that hang off controls (evidence, checks). */
export async function insertControl(
  db: Kysely<Database>,
  organizationId: string,
  values: { ref: string; title?: string; ownerId?: string | null },
): Promise<{ id: string; ref: string }> {
  return db
    .insertInto('controls')
    .values({
      organization_id: organizationId,
      ref: values.ref,
      title: values.title ?? `Control ${values.ref}`,
      implementation: '',
      status: 'in-progress',
      owner_id: values.ownerId ?? null,
    })
    .returning(['id', 'ref'])
    .executeTakeFirstOrThrow();
}
