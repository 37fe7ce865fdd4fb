// `npm run bench`: Tillit against the floor of its own stack, measured in the same run, as the demo organisation
// grows (BENCH_SCALES, default 1,10,100) — on PGlite, and on PostgreSQL when BENCH_DATABASE_URL is set.
// The server under test is the real `tillit serve` in its own process; the load client (bench/load.ts) runs in
// another; the floor (bench/floor-server.ts) is a bare Fastify server over the same database kind. Every figure is
// printed as a ratio to its floor, in the growth table of issue 13; the figures go to bench/results/*.json.
//   BENCH_SCALES=1,10  BENCH_SECONDS=5  BENCH_DATABASE_URL=postgres://…  BENCH_QUESTIONNAIRES=0
//   BENCH_FLOOR_ROWS=1000000 (rows of the bulk-insert, GROUP BY and scan floor)
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { bootstrapIfEmpty } from '../src/server/bootstrap.js';
import { verifyOrganizationAuditLog } from '../src/server/kernel/audit/audit-checkpoints.js';
import { loadKeyring } from '../src/server/kernel/audit/signing-key.js';
import { packageRoot } from '../src/server/kernel/config/package-root.js';
import { type ServiceContext, systemActor } from '../src/server/kernel/context.js';
import { type DatabaseHandle, openPglite, openPostgres } from '../src/server/kernel/db/database.js';
import { migrateToLatest } from '../src/server/kernel/db/migrate.js';
import { createUser } from '../src/server/modules/users/index.js';
import type { LoadResult } from './load.js';
import { benchQuestionnaires } from './questionnaires.js';
import { growOrganization, perScale } from './scale-data.js';
import { extraLines } from './summary-lines.js';
import { benchVulnerabilities } from './vulnerabilities.js';

const SCALES = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 8;
const FLOOR_ROWS = Number(process.env.BENCH_FLOOR_ROWS ?? 1_000_000);
const UPLOAD_MB = 50;
const here = fileURLToPath(import.meta.url);
const sibling = (name: string) => path.join(path.dirname(here), `${name}${path.extname(here)}`);
const loader = here.endsWith('.ts') ? ['--import', 'tsx'] : [];
const work = mkdtempSync(path.join(os.tmpdir(), 'tillit-bench-'));
const password = 'benchmark password 1';
const managerEmail = 'bench-manager@bench.example';

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function timedMs<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

/** Runs the load client in its own process. */
function load(url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const options = JSON.stringify({ url, connections: CONNECTIONS, seconds: SECONDS, headers });
    const child = spawn(process.execPath, [...loader, sibling('load'), options], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load ${code}`)),
    );
  });
}

interface Started {
  child: ChildProcess;
  url: string;
  readyMs: number;
  stop(): Promise<void>;
}

/** Starts a process and resolves when a line of its output matches `ready` (group 1 is its URL). */
function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<Started> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr?.on('data', (d) => {
      err += d;
    });
    child.stdout?.on('data', (d) => {
      out += d;
      const m = ready.exec(out);
      if (m?.[1]) {
        const stop = () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          });
        resolve({ child, url: m[1], readyMs: performance.now() - start, stop });
      }
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${err}`)));
  });
}

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

interface Target {
  kind: 'pglite' | 'postgres';
  /** A fresh place for one database: a data folder, or a new PostgreSQL database. */
  create(label: string): Promise<{ dir: string; url?: string; open(): Promise<DatabaseHandle> }>;
}

function pgliteTarget(): Target {
  return {
    kind: 'pglite',
    async create(label) {
      const dir = path.join(work, `pglite-${label}`);
      mkdirSync(dir, { recursive: true });
      return { dir, open: () => openPglite(dir) };
    },
  };
}

const createdDatabases: string[] = [];

function postgresTarget(adminUrl: string): Target {
  return {
    kind: 'postgres',
    async create(label) {
      const admin = await openPostgres(adminUrl, 1);
      const name = `tillit_bench_${label}_${randomBytes(3).toString('hex')}`;
      await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
      createdDatabases.push(name);
      await admin.close();
      const u = new URL(adminUrl);
      u.pathname = `/${name}`;
      const url = u.toString();
      const dir = path.join(work, `postgres-${label}`);
      mkdirSync(dir, { recursive: true });
      return { dir, url, open: () => openPostgres(url) };
    },
  };
}

/** The stack's own floor on this database kind: HTTP reads, bulk insert, GROUP BY and a keyset scan. */
async function measureFloor(target: Target) {
  const place = await target.create('floor');
  const server = await startProcess(
    [...loader, sibling('floor-server'), target.kind, place.url ?? place.dir],
    {},
    /listening (http:\/\/\S+)/,
  );
  const primaryKey = await load(`${server.url}/pk`);
  const page = await load(`${server.url}/page`);
  await server.stop();
  const handle = await place.open();
  try {
    await sql`CREATE TABLE floor_bulk (id bigint PRIMARY KEY, k int NOT NULL, v int NOT NULL, h bytea NOT NULL)`.execute(
      handle.db,
    );
    const bulk = await timedMs(() =>
      sql`INSERT INTO floor_bulk SELECT g, g % 1000, g % 97, sha256(int8send(g)) FROM generate_series(1, ${FLOOR_ROWS}) g`.execute(
        handle.db,
      ),
    );
    const groupBy = await timedMs(() =>
      sql`SELECT k, count(*), sum(v) FROM floor_bulk GROUP BY k`.execute(handle.db),
    );
    let after = 0;
    const scan = await timedMs(async () => {
      for (;;) {
        const r = await sql<{
          id: string;
        }>`SELECT id, h FROM floor_bulk WHERE id > ${after} ORDER BY id LIMIT 1000`.execute(handle.db);
        const last = r.rows.at(-1);
        if (!last) break;
        after = Number(last.id);
      }
    });
    return {
      primaryKeyRps: primaryKey.requestsPerSecond,
      pageRps: page.requestsPerSecond,
      pageP50ms: page.latencyP50ms,
      bulkInsertRowsPerSecond: Math.round(FLOOR_ROWS / (bulk.ms / 1000)),
      groupBy1MMs: Math.round(groupBy.ms),
      keysetScanRowsPerSecond: Math.round(FLOOR_ROWS / (scan.ms / 1000)),
    };
  } finally {
    await handle.close();
  }
}

/** sha256sum and a copy of a 50 MB file: the floor of an evidence upload (hash while storing). */
function measureFileFloor() {
  const file = path.join(work, 'upload.bin');
  writeFileSync(file, randomBytes(UPLOAD_MB * 1024 * 1024));
  const start = performance.now();
  execFileSync('sha256sum', [file]);
  execFileSync('cp', [file, `${file}.copy`]);
  const seconds = (performance.now() - start) / 1000;
  rmSync(`${file}.copy`);
  return { file, mbPerSecond: round(UPLOAD_MB / seconds, 1) };
}

/** Grows the demo organisation, then measures the real server on it. */
async function measureScale(target: Target, scale: number, uploadFile: string) {
  const place = await target.create(`x${scale}`);
  const handle = await place.open();
  const grow = await timedMs(async () => {
    await migrateToLatest(handle.db);
    const keyring = loadKeyring(path.join(place.dir, 'audit-signing-key.pem'));
    const first = await bootstrapIfEmpty(handle.db, keyring, { demo: true, demoProgramme: false });
    if (!first) throw new Error('the benchmark needs an empty database');
    const ctx: ServiceContext = { db: handle.db, organizationId: first.organizationId, actor: systemActor };
    await createUser(ctx, { email: managerEmail, name: 'Bench', role: 'compliance-manager', password });
    await growOrganization(ctx, scale);
    const verified = await timedMs(() =>
      verifyOrganizationAuditLog(ctx, { trustedPublicKeys: keyring.trustedPublicKeys }),
    );
    if (!verified.value.ok) throw new Error(`verification failed: ${verified.value.problems.join('; ')}`);
    let after = 0;
    const scan = await timedMs(async () => {
      for (;;) {
        const r = await sql<{ seq: string }>`SELECT seq, leaf_hash, data FROM audit_events
          WHERE organization_id = ${ctx.organizationId} AND seq > ${after} ORDER BY seq LIMIT 1000`.execute(
          handle.db,
        );
        const last = r.rows.at(-1);
        if (!last) break;
        after = Number(last.seq);
      }
    });
    const events = verified.value.treeSize;
    return {
      events,
      eventsPerSecond: Math.round(events / (verified.ms / 1000)),
      scanRowsPerSecond: Math.round(events / (scan.ms / 1000)),
    };
  });
  await handle.close();
  const server = await startProcess(
    [path.join(packageRoot, 'bin/tillit.js'), 'serve'],
    {
      TILLIT_DATA_DIR: place.dir,
      ...(place.url ? { DATABASE_URL: place.url } : {}),
      TILLIT_HOST: '127.0.0.1',
      TILLIT_PORT: '0',
      TILLIT_LOG_LEVEL: 'warn',
      TILLIT_API_RATE_LIMIT: '1000000',
      TILLIT_LOGIN_RATE_LIMIT: '1000',
      TILLIT_MAX_UPLOAD_MB: String(UPLOAD_MB * 2),
    },
    /Tillit is running on (http:\/\/\S+)/,
  );
  try {
    await new Promise((r) => setTimeout(r, 5_000));
    const idleRssMb = rssMb(server.child.pid);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: managerEmail, password }),
    });
    if (login.status !== 200) throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = /tillit_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const headers = { cookie };
    const routes = {
      organization: await load(`${server.url}/api/organization`, headers),
      controls: await load(`${server.url}/api/controls?pageSize=50`, headers),
      auditEvents: await load(`${server.url}/api/audit-events?pageSize=50`, headers),
      evidence: await load(`${server.url}/api/evidence?pageSize=50`, headers),
      risks: await load(`${server.url}/api/risks?pageSize=50`, headers),
      coverage: await load(`${server.url}/api/coverage`, headers),
    };
    const form = new FormData();
    form.set('title', 'Bench upload');
    form.set('file', new Blob([readFileSync(uploadFile)]), 'upload.bin');
    const upload = await timedMs(() =>
      fetch(`${server.url}/api/evidence/files`, {
        method: 'POST',
        headers: { ...headers, 'x-csrf-token': csrfToken },
        body: form,
      }),
    );
    if (upload.value.status !== 201)
      throw new Error(`upload answered ${upload.value.status}: ${await upload.value.text()}`);
    return {
      scale,
      rows: Object.fromEntries(Object.entries(perScale).map(([k, v]) => [k, v * scale])),
      generateSeconds: round(grow.ms / 1000, 1),
      startToReadyMs: Math.round(server.readyMs),
      idleRssMb,
      routes,
      uploadMbPerSecond: round(UPLOAD_MB / (upload.ms / 1000), 1),
      verify: grow.value,
    };
  } finally {
    await server.stop();
  }
}

type Floor = Awaited<ReturnType<typeof measureFloor>>;
type Scale = Awaited<ReturnType<typeof measureScale>>;

/** The growth table of issue 13: one row per figure, one column per scale, ratios to the floor. */
function growthTable(kind: string, floor: Floor, fileFloor: number, scales: Scale[]): string {
  const r = (n: number, d: number) => `${round(n / d)}×`;
  const rows: [string, (s: Scale) => string][] = [
    [
      'GET /api/organization (× floor PK SELECT)',
      (s) => r(s.routes.organization.requestsPerSecond, floor.primaryKeyRps),
    ],
    ['controls page (× floor 50-row page)', (s) => r(s.routes.controls.requestsPerSecond, floor.pageRps)],
    ['audit events page (× floor page)', (s) => r(s.routes.auditEvents.requestsPerSecond, floor.pageRps)],
    ['evidence page (× floor page)', (s) => r(s.routes.evidence.requestsPerSecond, floor.pageRps)],
    ['risks page (× floor page)', (s) => r(s.routes.risks.requestsPerSecond, floor.pageRps)],
    [
      'page p50 ms: controls/audit/evidence/risks',
      (s) =>
        [s.routes.controls, s.routes.auditEvents, s.routes.evidence, s.routes.risks]
          .map((x) => x.latencyP50ms)
          .join('/'),
    ],
    [
      `coverage p50/p95 ms at ${CONNECTIONS} conn.`,
      (s) => `${s.routes.coverage.latencyP50ms}/${s.routes.coverage.latencyP95ms}`,
    ],
    ['evidence upload 50 MB (× sha256sum+cp)', (s) => r(s.uploadMbPerSecond, fileFloor)],
    ['start to ready ms / idle RSS MB', (s) => `${s.startToReadyMs}/${s.idleRssMb}`],
    [
      'audit verify events/s (× keyset scan)',
      (s) => `${s.verify.eventsPerSecond} (${r(s.verify.eventsPerSecond, s.verify.scanRowsPerSecond)})`,
    ],
  ];
  const header = `| ${kind} | ${scales.map((s) => `${s.scale}×`).join(' | ')} |`;
  const lines = rows.map(([label, f]) => `| ${label} | ${scales.map(f).join(' | ')} |`);
  const floorLine =
    `floor: PK ${floor.primaryKeyRps} req/s, 50-row page ${floor.pageRps} req/s, bulk insert ` +
    `${floor.bulkInsertRowsPerSecond} rows/s, GROUP BY ${FLOOR_ROWS} rows ${floor.groupBy1MMs} ms, keyset scan ` +
    `${floor.keysetScanRowsPerSecond} rows/s, sha256sum+cp ${fileFloor} MB/s`;
  return [header, `|---|${scales.map(() => '---|').join('')}`, ...lines, floorLine].join('\n');
}

const targets: Target[] = [pgliteTarget()];
const pgUrl = process.env.BENCH_DATABASE_URL;
if (pgUrl) targets.push(postgresTarget(pgUrl));
else process.stdout.write('PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://… to measure it too.\n');

const fileFloor = measureFileFloor();
const results = [];
const tables = [];
for (const target of targets) {
  process.stdout.write(`[${target.kind}] floor…\n`);
  const floor = await measureFloor(target);
  const scales: Scale[] = [];
  for (const scale of SCALES) {
    process.stdout.write(`[${target.kind}] ${scale}×: growing the organisation and loading the server…\n`);
    scales.push(await measureScale(target, scale, fileFloor.file));
  }
  results.push({ database: target.kind, floor, fileFloorMbPerSecond: fileFloor.mbPerSecond, scales });
  tables.push(growthTable(target.kind, floor, fileFloor.mbPerSecond, scales));
}
const questionnaires = process.env.BENCH_QUESTIONNAIRES === '0' ? undefined : await benchQuestionnaires();
// On PostgreSQL the import gets a database of its own (the one BENCH_DATABASE_URL names is only the admin's).
const vulnerabilities =
  process.env.BENCH_VULNERABILITIES === '0'
    ? undefined
    : await benchVulnerabilities(pgUrl ? (await postgresTarget(pgUrl).create('vulns')).url : undefined);
const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.availableParallelism(),
  loadAverage: os.loadavg(),
  seconds: SECONDS,
  connections: CONNECTIONS,
  results,
  questionnaires,
  vulnerabilities,
};
const resultsDir = path.join(packageRoot, 'bench/results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `bench-${report.date.slice(0, 16).replace(':', '')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
rmSync(work, { recursive: true, force: true });
if (pgUrl) {
  const admin = await openPostgres(pgUrl, 1);
  for (const name of createdDatabases)
    await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
  await admin.close();
}
process.stdout.write(`${tables.join('\n\n')}\n`);
process.stdout.write(extraLines(questionnaires, vulnerabilities));
process.stdout.write(`Written to ${file}\n`);
process.exit(0);
