// Grows the demo organisation to a multiple of its size for `npm run bench`, set-based (INSERT … SELECT over
// generate_series, audit events in batches of 5,000 rows through unnest), so 100× takes minutes, not hours.
// Per 1×: 10,000 audit events, 2,000 evidence, 50 controls, 100 risks, 100 requirements.
import { sql } from 'kysely';
import { auditLeafHash } from '../src/server/kernel/audit/audit-leaf.js';
import type { ServiceContext } from '../src/server/kernel/context.js';

export const perScale = { auditEvents: 10_000, evidence: 2_000, controls: 50, risks: 100, requirements: 100 };
const BATCH = 5_000;

async function appendAuditEvents(ctx: ServiceContext, count: number): Promise<void> {
  const org = ctx.organizationId;
  const head = await sql<{
    size: string | number;
  }>`SELECT size FROM audit_log_heads WHERE organization_id = ${org}`.execute(ctx.db);
  let seq = Number(head.rows[0]?.size ?? 0);
  const base = Date.now() - count * 1000;
  for (let done = 0; done < count; done += BATCH) {
    const seqs: number[] = [];
    const times: string[] = [];
    const data: string[] = [];
    const hashes: string[] = [];
    for (let i = done; i < Math.min(count, done + BATCH); i++) {
      seq++;
      const occurredAt = new Date(base + i * 1000);
      const payload = { name: `svc-${i % 40}`, changes: { description: { from: `v${i}`, to: `v${i + 1}` } } };
      seqs.push(seq);
      times.push(occurredAt.toISOString());
      data.push(JSON.stringify(payload));
      const leaf = auditLeafHash({
        organizationId: org,
        seq,
        occurredAt,
        actorType: 'system',
        actorId: null,
        action: 'service.updated',
        entityType: 'service',
        entityId: null,
        data: payload,
      });
      hashes.push(leaf.toString('hex'));
    }
    await sql`INSERT INTO audit_events (organization_id, seq, occurred_at, actor_type, actor_id, action, entity_type,
        entity_id, data, leaf_hash)
      SELECT ${org}, s, t::timestamptz, 'system', NULL, 'service.updated', 'service', NULL, d::jsonb, decode(h, 'hex')
      FROM unnest(${seqs}::bigint[], ${times}::text[], ${data}::text[], ${hashes}::text[]) AS u(s, t, d, h)`.execute(
      ctx.db,
    );
  }
  await sql`INSERT INTO audit_log_heads (organization_id, size) VALUES (${org}, ${seq})
    ON CONFLICT (organization_id) DO UPDATE SET size = ${seq}`.execute(ctx.db);
}

/** Adds `scale` times the per-1× rows to the organisation. */
export async function growOrganization(ctx: ServiceContext, scale: number): Promise<void> {
  const org = ctx.organizationId;
  const n = (k: keyof typeof perScale) => perScale[k] * scale;
  await appendAuditEvents(ctx, n('auditEvents'));
  await sql`INSERT INTO frameworks (organization_id, key, name, source)
    VALUES (${org}, 'bench-grown', 'Generated framework', 'custom')`.execute(ctx.db);
  await sql`INSERT INTO requirements (organization_id, framework_id, key, ref, kind, title, statement, position)
    SELECT ${org}, f.id, 'r-' || g, 'R-' || g, 'requirement', 'Generated requirement ' || g,
      'Keep evidence that requirement ' || g || ' is met.', g
    FROM frameworks f CROSS JOIN generate_series(1, ${n('requirements')}) g
    WHERE f.organization_id = ${org} AND f.key = 'bench-grown'`.execute(ctx.db);
  await sql`INSERT INTO controls (organization_id, ref, title, status)
    SELECT ${org}, 'GEN-' || g, 'Generated control ' || g,
      (ARRAY['not-started', 'in-progress', 'implemented', 'implemented'])[1 + g % 4]
    FROM generate_series(1, ${n('controls')}) g`.execute(ctx.db);
  await sql`INSERT INTO control_requirements (organization_id, control_id, requirement_id)
    SELECT ${org}, c.id, r.id
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM controls
          WHERE organization_id = ${org} AND ref LIKE 'GEN-%') c
    JOIN (SELECT r.id, row_number() OVER (ORDER BY r.id) AS n FROM requirements r
          JOIN frameworks f ON f.id = r.framework_id WHERE f.key = 'bench-grown' AND r.organization_id = ${org}) r
      ON r.n = c.n OR r.n = c.n + ${n('controls')}`.execute(ctx.db);
  await sql`INSERT INTO evidence (organization_id, kind, title, url, valid_from, expires_at)
    SELECT ${org}, 'link', 'Generated evidence ' || g, 'https://evidence.example/' || g,
      now() - (g % 400) * interval '1 day', now() - (g % 400) * interval '1 day' + interval '365 days'
    FROM generate_series(1, ${n('evidence')}) g`.execute(ctx.db);
  await sql`INSERT INTO evidence_controls (organization_id, evidence_id, control_id)
    SELECT ${org}, e.id, c.id
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM evidence
          WHERE organization_id = ${org} AND title LIKE 'Generated evidence %') e
    JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM controls
          WHERE organization_id = ${org} AND ref LIKE 'GEN-%') c
      ON c.n = e.n % ${n('controls')}`.execute(ctx.db);
  await sql`INSERT INTO risks (organization_id, ref, title, inherent_likelihood, inherent_impact,
      residual_likelihood, residual_impact, status, review_date)
    SELECT ${org}, 'GR-' || g, 'Generated risk ' || g, 1 + g % 5, 1 + (g / 5) % 5, 1, 1,
      (ARRAY['open', 'treating', 'closed'])[1 + g % 3], current_date + (g % 365)
    FROM generate_series(1, ${n('risks')}) g`.execute(ctx.db);
  await sql`ANALYZE`.execute(ctx.db);
}
