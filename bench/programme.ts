// The compliance-programme part of `npm run bench`: a large generated programme (frameworks, requirements,
// controls, mappings, applicability, evidence) and the time to import the NIST catalog, compute coverage
// and export the Statement of Applicability.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { inTransaction, type ServiceContext } from '../src/server/kernel/context.js';
import {
  computeCoverage,
  exportSoa,
  importFramework,
  installBuiltin,
} from '../src/server/modules/frameworks/index.js';

export const programmeSize = {
  frameworks: Number(process.env.BENCH_FRAMEWORKS ?? 12),
  requirements: Number(process.env.BENCH_REQUIREMENTS ?? 5_000),
  controls: Number(process.env.BENCH_CONTROLS ?? 2_000),
  evidence: Number(process.env.BENCH_EVIDENCE ?? 200_000),
};

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10 };
}

/** Median of a few runs, so one cold cache does not decide the figure. */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Set-based generation in SQL: ~2 requirements in 5 grouped, 3 requirements per control, 1–2 controls per evidence. */
async function generateProgramme(ctx: ServiceContext): Promise<void> {
  const { frameworks, requirements, controls, evidence } = programmeSize;
  const perFramework = Math.ceil(requirements / frameworks);
  const org = ctx.organizationId;
  await inTransaction(ctx, async (tx) => {
    await sql`INSERT INTO frameworks (organization_id, key, name, source)
      SELECT ${org}, 'bench-' || f, 'Generated framework ' || f, 'custom' FROM generate_series(1, ${frameworks}) f`.execute(
      tx.db,
    );
    await sql`INSERT INTO requirements (organization_id, framework_id, key, ref, kind, title, statement, position)
      SELECT ${org}, f.id, 'r-' || g, 'R-' || g, 'requirement', 'Generated requirement ' || g,
        'Keep evidence that requirement ' || g || ' is met.', g
      FROM frameworks f CROSS JOIN generate_series(1, ${perFramework}) g
      WHERE f.organization_id = ${org} AND f.key LIKE 'bench-%'`.execute(tx.db);
    await sql`INSERT INTO applicability (requirement_id, organization_id, applicable, justification)
      SELECT id, ${org}, (position % 10) <> 0, 'Generated decision' FROM requirements
      WHERE organization_id = ${org} AND (position % 7) <> 0`.execute(tx.db);
    await sql`INSERT INTO controls (organization_id, ref, title, status)
      SELECT ${org}, 'GEN-' || g, 'Generated control ' || g,
        (ARRAY['not-started', 'in-progress', 'implemented', 'implemented'])[1 + g % 4]
      FROM generate_series(1, ${controls}) g`.execute(tx.db);
    await sql`INSERT INTO control_requirements (organization_id, control_id, requirement_id)
      SELECT DISTINCT ON (c.id, r.id) ${org}, c.id, r.id
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM controls WHERE organization_id = ${org}) c
      JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM requirements
            WHERE organization_id = ${org} AND kind = 'requirement') r
        ON r.n IN (c.n, c.n + ${controls}, c.n + 2 * ${controls})`.execute(tx.db);
    await sql`INSERT INTO evidence (organization_id, kind, title, url, valid_from, expires_at)
      SELECT ${org}, 'link', 'Generated evidence ' || g, 'https://evidence.example/' || g,
        now() - (g % 400) * interval '1 day', now() - (g % 400) * interval '1 day' + interval '365 days'
      FROM generate_series(1, ${evidence}) g`.execute(tx.db);
    await sql`INSERT INTO evidence_controls (organization_id, evidence_id, control_id)
      SELECT ${org}, e.id, c.id
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM evidence WHERE organization_id = ${org}) e
      JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM controls WHERE organization_id = ${org}) c
        ON c.n = e.n % ${Math.floor(controls * 0.9)}`.execute(tx.db);
  });
  await sql`ANALYZE`.execute(ctx.db);
}

export async function benchProgramme(ctx: ServiceContext, nistCatalogPath: string) {
  const generate = await timed(() => generateProgramme(ctx));
  const iso = await installBuiltin(ctx, 'iso27001-2022');
  const document: unknown = JSON.parse(readFileSync(nistCatalogPath, 'utf8'));
  const nist = await timed(() =>
    importFramework(ctx, { format: 'oscal-catalog', key: 'nist-800-53-rev5-low', document }),
  );
  const largest = await ctx.db
    .selectFrom('frameworks')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('key', '=', 'bench-1')
    .executeTakeFirstOrThrow();
  const coverageMs = await median(3, () => computeCoverage(ctx));
  const soa = {
    generatedFrameworkRows: Math.ceil(programmeSize.requirements / programmeSize.frameworks),
    xlsxMs: await median(3, () => exportSoa(ctx, largest.id, 'xlsx')),
    csvMs: await median(3, () => exportSoa(ctx, largest.id, 'csv')),
    pdfMs: await median(3, () => exportSoa(ctx, largest.id, 'pdf')),
    iso27001XlsxMs: await median(3, () => exportSoa(ctx, iso.id, 'xlsx')),
  };
  return {
    size: programmeSize,
    generateSeconds: Math.round(generate.ms / 100) / 10,
    nistImport: { ms: nist.ms, requirements: nist.value.requirementCount },
    coverageMs,
    soa,
  };
}
