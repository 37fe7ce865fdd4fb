import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../browser/app-server.js';

/** The newest Debian PostgreSQL installation's binaries, e.g. /usr/lib/postgresql/15/bin. */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/initdb')))
    : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).pop();
  return newest ? path.join(root, newest, 'bin') : undefined;
}

/** A PostgreSQL server of the test's own that it may restart, stop and freeze. */
export interface PostgresServer {
  url: string;
  /** A fast shutdown (terminates every session) and a start. */
  restart(): Promise<void>;
  /** SIGSTOP (true) or SIGCONT (false) the postmaster and every backend: a database that stops answering. */
  freeze(frozen: boolean): void;
  dispose(): void;
}

const asPostgres = (args: string[]) =>
  spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8', timeout: 60_000 });

/**
 * Starts a fresh cluster (initdb as the `postgres` user, trust auth, a free port). Returns a reason
 * instead when this machine cannot run one (no binaries, not root, no `postgres` user).
 */
export async function startPostgresServer(): Promise<PostgresServer | string> {
  if (process.getuid?.() !== 0) return 'a private PostgreSQL server needs root to run initdb as postgres';
  const BIN = postgresBin();
  if (!BIN) return 'no PostgreSQL server binaries under /usr/lib/postgresql';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  const init = asPostgres([`${BIN}/initdb`, '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return `initdb failed: ${init.error?.message ?? init.stderr.trim().split('\n').pop()}`;
  }
  const port = await freePort();
  const pgCtlArgs = (...args: string[]) => [
    `${BIN}/pg_ctl`,
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    '-w',
    ...args,
  ];
  const pgCtl = (...args: string[]) => asPostgres(pgCtlArgs(...args));
  const started = pgCtl('start');
  if (started.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return `pg_ctl start failed: ${started.stderr.trim() || started.stdout.trim()}`;
  }
  const postmasterPid = () => Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const signalAll = (signal: 'STOP' | 'CONT') => {
    const pid = postmasterPid();
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
    // The postmaster first when stopping (no new backends), last when continuing.
    const order = signal === 'STOP' ? [pid, ...children] : [...children, pid];
    for (const p of order) process.kill(p, `SIG${signal}`);
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart() {
      await promisify(execFile)('runuser', ['-u', 'postgres', '--', ...pgCtlArgs('restart', '-m', 'fast')]);
    },
    freeze(frozen) {
      signalAll(frozen ? 'STOP' : 'CONT');
    },
    dispose() {
      try {
        signalAll('CONT');
      } catch {
        // already stopped
      }
      pgCtl('stop', '-m', 'immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
