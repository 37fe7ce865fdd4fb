import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE audit_log_heads (
      organization_id uuid PRIMARY KEY REFERENCES organizations(id),
      size bigint NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`
    CREATE TABLE audit_events (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      seq bigint NOT NULL,
      occurred_at timestamptz NOT NULL,
      actor_type text NOT NULL,
      actor_id uuid,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      data jsonb NOT NULL,
      leaf_hash bytea NOT NULL,
      PRIMARY KEY (organization_id, seq)
    )`.execute(db);
  await sql`CREATE INDEX audit_events_action_idx ON audit_events (organization_id, action, seq)`.execute(db);
  await sql`CREATE INDEX audit_events_entity_idx ON audit_events (organization_id, entity_type, entity_id)`.execute(
    db,
  );
  await sql`CREATE INDEX audit_events_actor_idx ON audit_events (organization_id, actor_id, seq)`.execute(db);
  await sql`CREATE INDEX audit_events_time_idx ON audit_events (organization_id, occurred_at)`.execute(db);
}
