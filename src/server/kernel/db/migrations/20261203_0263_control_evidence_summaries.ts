import { type Kysely, sql } from 'kysely';

/**
 * Per control: how many evidence items are linked, whether any was fresh at `computed_at`, and `valid_until`,
 * the first evidence date after `computed_at` (a proven date arriving or an expiry) at which that can change.
 * Until then the state read from it is exact; after it, readers compute the state live (dates, not a state
 * that rots). Kept current by statement triggers when evidence is linked, unlinked or changed. The summary
 * row is locked before it is recomputed, so the recomputation (a new snapshot under READ COMMITTED) sees
 * every link committed by a concurrent transaction that touched the same control.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE control_evidence_summaries (
      control_id uuid PRIMARY KEY REFERENCES controls(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organizations(id),
      linked int NOT NULL,
      fresh boolean NOT NULL,
      computed_at timestamptz NOT NULL,
      valid_until timestamptz
    )`.execute(db);
  await sql`CREATE INDEX control_evidence_summaries_org_idx ON control_evidence_summaries (organization_id)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION refresh_control_evidence_summaries(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO control_evidence_summaries (control_id, organization_id, linked, fresh, computed_at)
      SELECT c.id, c.organization_id, 0, false, now() FROM controls c WHERE c.id = ANY(ids)
      ON CONFLICT (control_id) DO NOTHING;
      PERFORM 1 FROM control_evidence_summaries s WHERE s.control_id = ANY(ids) ORDER BY s.control_id FOR UPDATE;
      UPDATE control_evidence_summaries s SET linked = x.linked, fresh = x.fresh, computed_at = now(),
        valid_until = x.valid_until
      FROM (
        SELECT ec.control_id, count(*)::int AS linked,
          bool_or(e.valid_from <= now() AND (e.expires_at IS NULL OR e.expires_at > now())) AS fresh,
          least(min(e.valid_from) FILTER (WHERE e.valid_from > now()),
                min(e.expires_at) FILTER (WHERE e.expires_at > now())) AS valid_until
        FROM evidence_controls ec JOIN evidence e ON e.id = ec.evidence_id
        WHERE ec.control_id = ANY(ids) GROUP BY ec.control_id
        UNION ALL
        SELECT u.id, 0, false, NULL FROM unnest(ids) AS u(id)
        WHERE NOT EXISTS (SELECT 1 FROM evidence_controls ec WHERE ec.control_id = u.id)
      ) x
      WHERE s.control_id = x.control_id;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION control_evidence_links_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        PERFORM refresh_control_evidence_summaries(ARRAY(SELECT DISTINCT control_id FROM new_rows));
      ELSE
        PERFORM refresh_control_evidence_summaries(ARRAY(SELECT DISTINCT control_id FROM old_rows));
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION control_evidence_dates_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM refresh_control_evidence_summaries(ARRAY(
        SELECT DISTINCT ec.control_id FROM evidence_controls ec JOIN new_rows n ON n.id = ec.evidence_id
        JOIN old_rows o ON o.id = n.id
        WHERE n.valid_from IS DISTINCT FROM o.valid_from OR n.expires_at IS DISTINCT FROM o.expires_at));
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER evidence_links_inserted AFTER INSERT ON evidence_controls
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION control_evidence_links_changed()`.execute(
    db,
  );
  await sql`CREATE TRIGGER evidence_links_deleted AFTER DELETE ON evidence_controls
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION control_evidence_links_changed()`.execute(
    db,
  );
  await sql`CREATE TRIGGER evidence_dates_updated AFTER UPDATE ON evidence
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION control_evidence_dates_changed()`.execute(db);
  await sql`SELECT refresh_control_evidence_summaries(ARRAY(SELECT DISTINCT control_id FROM evidence_controls))`.execute(
    db,
  );
}
