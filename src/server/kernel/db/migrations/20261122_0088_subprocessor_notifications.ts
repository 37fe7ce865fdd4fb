import { type Kysely, sql } from 'kysely';

/**
 * Who was told about which intended change, and when (GDPR Art. 28(2)). Rows with sent_at NULL are the
 * outbox the mail sender picks up; subject and body are the message as written at announcement time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE subprocessor_notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      subprocessor_id uuid NOT NULL REFERENCES subprocessors(id),
      subscriber_id uuid NOT NULL REFERENCES subprocessor_subscribers(id),
      to_email text NOT NULL,
      change text NOT NULL,
      effective_on text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      notified_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      objection_token_hash text NOT NULL UNIQUE,
      objected_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX subprocessor_notifications_org_idx
    ON subprocessor_notifications (organization_id, notified_at)`.execute(db);
}
