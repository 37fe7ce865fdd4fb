// `npm run bench`: generates a large organisation and measures the audit log and an authenticated read
// route on PGlite, and on PostgreSQL when BENCH_DATABASE_URL (or TILLIT_TEST_DATABASE_URL) is set; then a large
// compliance programme (bench/programme.ts) and questionnaire answering (bench/questionnaires.ts).
// Loopback only, bounded in time; figures go to bench/results/*.json.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { bootstrapIfEmpty } from '../src/server/bootstrap.js';
import { verifyOrganizationAuditLog } from '../src/server/kernel/audit/audit-checkpoints.js';
import { recordAuditEvent } from '../src/server/kernel/audit/audit-writer.js';
import { loadKeyring } from '../src/server/kernel/audit/signing-key.js';
import { loadConfig } from '../src/server/kernel/config/config.js';
import { inTransaction, type ServiceContext, systemActor } from '../src/server/kernel/context.js';
import { type DatabaseHandle, openPglite, openPostgres } from '../src/server/kernel/db/database.js';
import { migrateToLatest } from '../src/server/kernel/db/migrate.js';
import { buildApp } from '../src/server/kernel/http/app.js';
import { createLogger } from '../src/server/kernel/logging/logger.js';
import { routeModules } from '../src/server/modules/index.js';
import { createUser } from '../src/server/modules/users/index.js';
import { benchProgramme } from './programme.js';
import { benchQuestionnaires } from './questionnaires.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const USERS = Number(process.env.BENCH_USERS ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const EVENTS_PER_TRANSACTION = 50;
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const resultsDir = path.join(benchDir, 'results');
const nistCatalog = path.resolve(
  benchDir,
  '../../shared/data/oscal-NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json',
);

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

async function generateOrganization(ctx: ServiceContext) {
  const users = await timed(async () => {
    await sql`INSERT INTO users (organization_id, email, name, role, status)
              SELECT ${ctx.organizationId}, 'user' || g || '@bench.example', 'User ' || g, 'viewer', 'active'
              FROM generate_series(1, ${USERS}) g`.execute(ctx.db);
  });
  const append = await timed(async () => {
    for (let i = 0; i < EVENTS; i += EVENTS_PER_TRANSACTION) {
      await inTransaction(ctx, async (tx) => {
        for (let j = i; j < Math.min(EVENTS, i + EVENTS_PER_TRANSACTION); j++) {
          await recordAuditEvent(
            tx,
            'service.updated',
            { type: 'service', id: null },
            { name: `svc-${j % 40}`, changes: { description: { from: `v${j}`, to: `v${j + 1}` } } },
          );
        }
      });
    }
  });
  return { usersInsertSeconds: users.seconds, auditAppendPerSecond: Math.round(EVENTS / append.seconds) };
}

async function loadTest(url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, connections: 8, duration: SECONDS, headers });
  return {
    url: new URL(url).pathname + new URL(url).search,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50ms: result.latency.p50,
    latencyP99ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function benchOne(kind: 'pglite' | 'postgres', open: () => Promise<DatabaseHandle>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tillit-bench-${kind}-`));
  const config = loadConfig({
    TILLIT_DATA_DIR: dir,
    TILLIT_LOG_LEVEL: 'silent',
    TILLIT_API_RATE_LIMIT: '1000000',
    TILLIT_LOGIN_RATE_LIMIT: '1000',
  });
  const handle = await open();
  try {
    await migrateToLatest(handle.db);
    const keyring = loadKeyring(config.auditKeyFile);
    const first = await bootstrapIfEmpty(handle.db, keyring, { demo: true, demoProgramme: false });
    if (!first) throw new Error('the benchmark needs an empty database');
    const ctx: ServiceContext = { db: handle.db, organizationId: first.organizationId, actor: systemActor };
    process.stdout.write(`[${kind}] generating ${USERS} users and ${EVENTS} audit events…\n`);
    const generated = await generateOrganization(ctx);
    process.stdout.write(`[${kind}] generating a large compliance programme…\n`);
    const programme = await benchProgramme(ctx, nistCatalog);
    const verify = await timed(() =>
      verifyOrganizationAuditLog(ctx, { trustedPublicKeys: keyring.trustedPublicKeys }),
    );
    if (!verify.value.ok) throw new Error(`verification failed: ${verify.value.problems.join('; ')}`);
    const password = 'benchmark password 1';
    await createUser(ctx, {
      email: 'bench-manager@bench.example',
      name: 'Bench',
      role: 'compliance-manager',
      password,
    });
    const { app } = await buildApp(
      { config, db: handle.db, keyring, logger: createLogger('silent') },
      routeModules,
    );
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench-manager@bench.example', password }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      process.stdout.write(`[${kind}] load-testing for ${SECONDS} s per route…\n`);
      const routes = [
        await loadTest(`${base}/api/organization`, { cookie }),
        await loadTest(`${base}/api/audit-events?pageSize=50&action=service.updated`, { cookie }),
        await loadTest(`${base}/api/controls?pageSize=50`, { cookie }),
        await loadTest(`${base}/api/coverage`, { cookie }),
      ];
      return {
        database: kind,
        events: verify.value.treeSize,
        users: USERS,
        ...generated,
        auditVerifyPerSecond: Math.round(verify.value.treeSize / verify.seconds),
        programme,
        routes,
      };
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
  }
}

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.TILLIT_TEST_DATABASE_URL;
const results = [
  await benchOne('pglite', () => openPglite(mkdtempSync(path.join(os.tmpdir(), 'tillit-bench-db-')))),
];
if (pgUrl) {
  const admin = await openPostgres(pgUrl, 1);
  const name = `tillit_bench_${Date.now()}`;
  await sql`CREATE DATABASE ${sql.id(name)}`.execute(admin.db);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  try {
    results.push(await benchOne('postgres', () => openPostgres(url.toString())));
  } finally {
    await sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(admin.db);
    await admin.close();
  }
} else {
  process.stdout.write('PostgreSQL skipped: set BENCH_DATABASE_URL=postgres://… to measure it too.\n');
}
process.stdout.write('[pglite] questionnaire answering on the demo organisation…\n');
const questionnaires = await benchQuestionnaires();
const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  results,
  questionnaires,
};
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `bench-${report.date.slice(0, 10)}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(report, null, 2)}\nWritten to ${file}\n`);
process.exit(0);
