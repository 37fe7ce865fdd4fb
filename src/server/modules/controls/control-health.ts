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

/** `fresh`, `stale` or `missing`. */
export function evidenceState(control: string): RawBuilder<string> {
  return sql<string>`CASE WHEN ${hasFreshEvidence(control)} THEN 'fresh'
    WHEN ${hasEvidence(control)} THEN 'stale' ELSE 'missing' END`;
}
