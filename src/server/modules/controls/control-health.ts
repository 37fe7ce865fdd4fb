import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * How healthy a control is, as SQL over its evidence and checks, so lists, coverage and drill-downs agree.
 * Evidence is fresh when the date it proves has come and it has not expired; a control is failing when a
 * check linked to it fails. `control` is the SQL alias of the controls table in the surrounding query.
 */
export function hasFreshEvidence(control: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM evidence_controls ec JOIN evidence e ON e.id = ec.evidence_id
    WHERE ec.control_id = ${sql.ref(`${control}.id`)} AND e.valid_from <= now()
      AND (e.expires_at IS NULL OR e.expires_at > now()))`;
}

export function hasEvidence(control: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM evidence_controls ec WHERE ec.control_id = ${sql.ref(`${control}.id`)})`;
}

export function isFailing(control: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM check_controls cc JOIN checks k ON k.id = cc.check_id
    WHERE cc.control_id = ${sql.ref(`${control}.id`)} AND k.status = 'failing')`;
}

/** The newest date the control's evidence proves that has already come (null without any). */
export function newestEvidenceDate(control: string): RawBuilder<Date | null> {
  return sql<Date | null>`(SELECT max(e.valid_from) FROM evidence_controls ec JOIN evidence e ON e.id = ec.evidence_id
    WHERE ec.control_id = ${sql.ref(`${control}.id`)} AND e.valid_from <= now())`;
}

/** The state computed directly from every link and evidence item of the control `id` at `at`. */
function liveEvidenceState(id: RawBuilder<unknown>, at: RawBuilder<Date>): RawBuilder<string> {
  return sql<string>`(SELECT CASE WHEN count(*) = 0 THEN 'missing'
      WHEN bool_or(e.valid_from <= ${at} AND (e.expires_at IS NULL OR e.expires_at > ${at})) THEN 'fresh'
      ELSE 'stale' END
    FROM evidence_controls ec JOIN evidence e ON e.id = ec.evidence_id
    WHERE ec.control_id = ${id})`;
}

/**
 * `fresh`, `stale` or `missing` for one control row, read from its evidence summary (one index lookup instead
 * of every link joined with its evidence); a summary past its `valid_until` is computed live, as in
 * `evidenceStatesFromSummaries`. A control without a summary row never had evidence linked.
 */
export function evidenceState(control: string, at: RawBuilder<Date> = sql`now()`): RawBuilder<string> {
  return sql<string>`coalesce((SELECT CASE WHEN s.linked = 0 THEN 'missing'
      WHEN s.computed_at <= ${at} AND (s.valid_until IS NULL OR s.valid_until > ${at})
        THEN CASE WHEN s.fresh THEN 'fresh' ELSE 'stale' END
      ELSE ${liveEvidenceState(sql`s.control_id`, at)} END
    FROM control_evidence_summaries s WHERE s.control_id = ${sql.ref(`${control}.id`)}), 'missing')`;
}

/**
 * Evidence state of every control with evidence, as rows (control_id, state) for a join, computed directly
 * over every link and evidence item at `at`. The reference `evidenceStatesFromSummaries` is tested against.
 */
export function evidenceStatesOf(
  organizationId: string,
  at: RawBuilder<Date> = sql`now()`,
): RawBuilder<unknown> {
  return sql`SELECT ec.control_id, CASE WHEN bool_or(e.valid_from <= ${at}
      AND (e.expires_at IS NULL OR e.expires_at > ${at})) THEN 'fresh' ELSE 'stale' END AS state
    FROM evidence_controls ec JOIN evidence e ON e.id = ec.evidence_id
    WHERE ec.organization_id = ${organizationId}
    GROUP BY ec.control_id`;
}

/**
 * The same rows as `evidenceStatesOf`, read from the per-control summaries (one row per control instead of
 * every link joined with every evidence item). A summary answers while `at` lies between the time it was
 * computed and its `valid_until` (the next proven date or expiry of its evidence); past that, that control's
 * state is computed live, so a summary never reports a state its dates no longer support.
 */
export function evidenceStatesFromSummaries(
  organizationId: string,
  at: RawBuilder<Date> = sql`now()`,
): RawBuilder<unknown> {
  return sql`SELECT s.control_id,
      CASE WHEN s.computed_at <= ${at} AND (s.valid_until IS NULL OR s.valid_until > ${at})
        THEN CASE WHEN s.fresh THEN 'fresh' ELSE 'stale' END
        ELSE ${liveEvidenceState(sql`s.control_id`, at)} END AS state
    FROM control_evidence_summaries s
    WHERE s.organization_id = ${organizationId} AND s.linked > 0`;
}
