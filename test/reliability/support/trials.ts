import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bootstrapIfEmpty } from '../../../src/server/bootstrap.js';
import { verifyOrganizationAuditLog } from '../../../src/server/kernel/audit/audit-checkpoints.js';
import { loadKeyring } from '../../../src/server/kernel/audit/signing-key.js';
import { systemActor } from '../../../src/server/kernel/context.js';
import type { DatabaseHandle } from '../../../src/server/kernel/db/database.js';
import { repoRoot } from '../../support/cli.js';
import { createTestInstance, type TestInstance } from '../../support/test-database.js';

/** The bar is 20 trials each; TILLIT_RELIABILITY_TRIALS lowers it for a quick local run. */
export const TRIALS = Number(process.env.TILLIT_RELIABILITY_TRIALS ?? 20);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const exited = (child: ChildProcess) =>
  new Promise<void>((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r();
    else child.once('exit', () => r());
  });

export interface PreparedInstance {
  inst: TestInstance;
  /** Environment for `tillit` processes on it (no demo, no background jobs, no API rate limit). */
  env: Record<string, string>;
  admin: { email: string; password: string };
  keyFile: string;
}

/**
 * An installation as after a first start, made without one: a copy of the migrated template (PGlite directory or
 * PostgreSQL database) with the organisation and its admin created in this process. A `tillit serve` first start
 * (initdb, 100 migrations, pg-boss schema) would cost ~20 CPU-seconds and prove nothing these trials look at.
 */
export async function prepareInstance(label: string): Promise<PreparedInstance> {
  const inst = await createTestInstance(label, { migrated: true });
  const keyFile = path.join(inst.dataDir, 'audit-signing-key.pem');
  const handle = await inst.open();
  let first: Awaited<ReturnType<typeof bootstrapIfEmpty>>;
  try {
    first = await bootstrapIfEmpty(handle.db, loadKeyring(keyFile), { demo: false });
  } finally {
    await handle.close();
  }
  if (!first) throw new Error('the template database already had an organisation');
  return {
    inst,
    env: {
      ...inst.env,
      TILLIT_DEMO: 'false',
      // The trials kill the API process or a CLI command; the job runner is not what they test.
      TILLIT_JOBS: 'false',
      TILLIT_API_RATE_LIMIT: '1000000',
      TILLIT_LOGIN_RATE_LIMIT: '1000',
    },
    admin: { email: first.adminEmail, password: first.adminPassword },
    keyFile,
  };
}

/** Audit-log problems of every organisation in the database (none when each log verifies). */
export async function auditProblems(handle: DatabaseHandle, keyFile: string): Promise<string[]> {
  const keyring = loadKeyring(keyFile, { create: false });
  const orgs = await handle.db.selectFrom('organizations').select('id').execute();
  const problems: string[] = [];
  for (const { id } of orgs) {
    const v = await verifyOrganizationAuditLog(
      { db: handle.db, organizationId: id, actor: systemActor },
      { trustedPublicKeys: keyring.trustedPublicKeys },
    );
    problems.push(...v.problems);
  }
  return problems;
}

/** `tillit <args>` as a child process that the trial may kill. */
export function spawnTillit(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [path.join(repoRoot, 'bin/tillit.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, TILLIT_LOG_LEVEL: 'warn', ...env },
    stdio: 'ignore',
  });
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU seconds a running process has used (user + system, from /proc), or undefined once it is gone. Kill points
 * are chosen by the CPU time a command has spent, not by wall time: on a loaded machine a fixed sleep lands
 * anywhere, the CPU a command needs to reach a step does not change.
 */
export function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/**
 * Watches a child every few milliseconds until it exits; `step` sees its CPU seconds so far and returns true to
 * stop watching. Resolves with the last CPU seconds seen and whether the child exited on its own.
 */
export async function watch(
  child: ChildProcess,
  step: (cpuSeconds: number) => boolean,
): Promise<{ cpuSeconds: number; exitedOnItsOwn: boolean }> {
  let cpuSeconds = 0;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return { cpuSeconds, exitedOnItsOwn: true };
    cpuSeconds = cpuSecondsOf(child.pid) ?? cpuSeconds;
    if (step(cpuSeconds)) return { cpuSeconds, exitedOnItsOwn: false };
    await sleep(5);
  }
}

/** kill -9 and wait until the process is gone. */
export async function killNine(child: ChildProcess): Promise<void> {
  const gone = exited(child);
  child.kill('SIGKILL');
  await gone;
}
