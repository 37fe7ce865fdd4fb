import { type Kysely, sql } from 'kysely';

// Every mail to a trust-center subscriber carries its own unsubscribe link. The link's token is random per mail and
// only its hash is kept, so the row must exist before the mail is queued. Unsubscribing keeps the subscriber row
// (the notices sent to it stay on record) and marks it; subscribing again starts over with a confirmation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE subprocessor_subscribers ADD COLUMN unsubscribed_at timestamptz`.execute(db);
  await sql`
    CREATE TABLE trust_unsubscribe_tokens (
      token_hash text PRIMARY KEY,
      organization_id uuid NOT NULL REFERENCES organizations(id),
      subscriber_id uuid NOT NULL REFERENCES subprocessor_subscribers(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX trust_unsubscribe_tokens_subscriber ON trust_unsubscribe_tokens (subscriber_id)`.execute(
    db,
  );
}
