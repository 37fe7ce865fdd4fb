import { type Kysely, sql } from 'kysely';

/**
 * Messages the trust center wants e-mailed (subscription confirmations) until the mail sender takes them:
 * it sends rows with sent_at NULL and sets sent_at. Change notices are in subprocessor_notifications.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      to_email text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`.execute(db);
}
