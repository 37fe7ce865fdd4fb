// Vulnerability import: a generated Trivy report of BENCH_VULN_FINDINGS findings (default 500,000) imported through
// the service on PGlite (or PostgreSQL with BENCH_DATABASE_URL), compared with the database's own bulk insert rate
// measured in the same run on a table of the same width (INSERT … SELECT generate_series: the fastest way rows get
// in without a client; PGlite has no COPY FROM STDIN through the driver). Also the peak RSS while importing
// (sampled during the import, next to the RSS before it), and
// re-imports: the same file (recognised by its hash) and the same findings in a new file (parsed and merged,
// nothing to write). Runs inside `npm run bench` (BENCH_VULNERABILITIES=0 skips it) or alone with
// `npm run bench:vulnerabilities`.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { bootstrapIfEmpty } from '../src/server/bootstrap.js';
import { loadKeyring } from '../src/server/kernel/audit/signing-key.js';
import { packageRoot } from '../src/server/kernel/config/package-root.js';
import { type ServiceContext, systemActor } from '../src/server/kernel/context.js';
import { type DatabaseHandle, openPglite, openPostgres } from '../src/server/kernel/db/database.js';
import { migrateToLatest } from '../src/server/kernel/db/migrate.js';
import { importScan } from '../src/server/modules/vulnerabilities/index.js';

const FINDINGS = Number(process.env.BENCH_VULN_FINDINGS ?? 500_000);
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const rssMb = () => Math.round(process.memoryUsage.rss() / 1024 / 1024);

/**
 * The highest resident set size while `fn` runs, sampled every 20 ms: the process's lifetime peak (maxRSS)
 * would report what earlier parts of `npm run bench` used, not the import.
 */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = rssMb();
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 20);
  try {
    const value = await fn();
    return { value, peakMb: Math.max(peak, rssMb()) };
  } finally {
    clearInterval(timer);
  }
}

/** Writes a Trivy JSON report of `count` findings over 1,000 packages; returns its SHA-256 and size. */
async function writeTrivyReport(file: string, count: number, createdAt: string, tail = '') {
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  let size = 0;
  const write = (text: string) =>
    new Promise<void>((resolve) => {
      hash.update(text);
      size += Buffer.byteLength(text);
      if (out.write(text)) resolve();
      else out.once('drain', resolve);
    });
  await write(
    `{"SchemaVersion":2,"CreatedAt":"${createdAt}","ArtifactName":"registry.example/shop:1.0","Results":[`,
  );
  await write('{"Target":"shop (debian 12)","Class":"os-pkgs","Vulnerabilities":[');
  for (let i = 0; i < count; i++) {
    const v = {
      VulnerabilityID: `CVE-${2000 + (i % 25)}-${100000 + i}`,
      PkgName: `lib${i % 1000}`,
      InstalledVersion: `1.${i % 7}.0`,
      FixedVersion: `1.${i % 7}.1`,
      Severity: SEVERITIES[i % 4],
      Title: `Generated weakness ${i} in lib${i % 1000}`,
      CVSS: { nvd: { V3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', V3Score: 9.8 } },
    };
    await write(`${i === 0 ? '' : ','}${JSON.stringify(v)}`);
  }
  await write(`]}]}${tail}\n`);
  await new Promise<void>((resolve) => out.end(resolve));
  return { sha256: hash.digest('hex'), size };
}

/**
 * The database's own rate of writing the imported findings again into a table with the findings table's
 * columns, constraints and indexes (five B-trees, two over random keys) but no foreign keys: what the merge
 * cannot go below whatever the client does.
 */
async function indexedFloor(handle: DatabaseHandle): Promise<number> {
  await sql`CREATE TABLE floor_indexed_findings (LIKE vulnerability_findings INCLUDING ALL)`.execute(
    handle.db,
  );
  const start = performance.now();
  const r = await sql`INSERT INTO floor_indexed_findings SELECT * FROM vulnerability_findings`.execute(
    handle.db,
  );
  const seconds = (performance.now() - start) / 1000;
  await sql`DROP TABLE floor_indexed_findings`.execute(handle.db);
  return Math.round(Number(r.numAffectedRows ?? 0) / seconds);
}

/** The database's own bulk rate on rows as wide as a finding. */
async function bulkFloor(handle: DatabaseHandle, rows: number): Promise<number> {
  await sql`CREATE TEMP TABLE floor_findings (id bigint PRIMARY KEY, a text, b text, c text, d text, e real)`.execute(
    handle.db,
  );
  const start = performance.now();
  await sql`INSERT INTO floor_findings SELECT g, 'CVE-2024-' || g, 'lib' || (g % 1000), '1.0.' || (g % 7),
    repeat('x', 60), 9.8 FROM generate_series(1, ${rows}) g`.execute(handle.db);
  const seconds = (performance.now() - start) / 1000;
  await sql`DROP TABLE floor_findings`.execute(handle.db);
  return Math.round(rows / seconds);
}

export async function benchVulnerabilities(databaseUrl = process.env.BENCH_DATABASE_URL) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-bench-vulns-'));
  const handle = databaseUrl ? await openPostgres(databaseUrl) : await openPglite(path.join(dir, 'db'));
  try {
    await migrateToLatest(handle.db);
    const first = await bootstrapIfEmpty(handle.db, loadKeyring(path.join(dir, 'audit-key.pem')), {
      demo: false,
    });
    if (!first) throw new Error('the benchmark needs an empty database');
    const ctx: ServiceContext = { db: handle.db, organizationId: first.organizationId, actor: systemActor };
    const file = path.join(dir, 'trivy.json');
    const report = await writeTrivyReport(file, FINDINGS, '2026-11-02T08:00:00Z');
    const upload = (f: string, sha256: string) => ({
      fileName: path.basename(f),
      sha256,
      read: () => createReadStream(f),
    });
    const rssBefore = rssMb();
    const t0 = performance.now();
    const { value: imported, peakMb: peakRssMb } = await peakRss(() =>
      importScan(ctx, upload(file, report.sha256)),
    );
    const importSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const sameFile = await importScan(ctx, upload(file, report.sha256));
    const sameFileSeconds = (performance.now() - t1) / 1000;
    const copy = path.join(dir, 'trivy-again.json');
    const again = await writeTrivyReport(copy, FINDINGS, '2026-11-02T08:00:00Z', ' ');
    const t2 = performance.now();
    const sameFindings = await importScan(ctx, upload(copy, again.sha256));
    const sameFindingsSeconds = (performance.now() - t2) / 1000;
    const floorRowsPerSecond = await bulkFloor(handle, FINDINGS);
    const indexedFloorRowsPerSecond = await indexedFloor(handle);
    const findingsPerSecond = Math.round(imported.findings / importSeconds);
    return {
      database: databaseUrl ? 'postgres' : 'pglite',
      findings: imported.findings,
      reportMb: round(report.size / 1024 / 1024, 1),
      importSeconds: round(importSeconds),
      findingsPerSecond,
      bulkInsertFloorRowsPerSecond: floorRowsPerSecond,
      ratioToFloor: round(findingsPerSecond / floorRowsPerSecond, 3),
      indexedFloorRowsPerSecond,
      ratioToIndexedFloor: round(findingsPerSecond / indexedFloorRowsPerSecond, 3),
      rssBeforeMb: rssBefore,
      peakRssMb,
      reimportSameFile: { seconds: round(sameFileSeconds, 3), duplicate: sameFile.duplicate },
      reimportSameFindings: {
        seconds: round(sameFindingsSeconds),
        new: sameFindings.new,
        fixed: sameFindings.fixed,
        speedup: round(importSeconds / sameFindingsSeconds),
      },
    };
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const date = new Date().toISOString();
  const result = {
    date,
    node: process.version,
    cpus: os.availableParallelism(),
    vulnerabilities: await benchVulnerabilities(),
  };
  const resultsDir = path.join(packageRoot, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const out = path.join(resultsDir, `vulnerabilities-${date.slice(0, 10)}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nWritten to ${out}\n`);
  process.exit(0);
}
