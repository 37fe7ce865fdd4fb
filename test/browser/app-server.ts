import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { repoRoot as root } from '../support/paths.js';

export interface RunningApp {
  url: string;
  adminEmail: string;
  adminPassword: string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now, found by letting the kernel choose one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/readyz`)).status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts the real `tillit serve` on a free port and waits until /readyz answers 200 and the first start
 * printed the admin's one-time credentials. `env` must name a fresh TILLIT_DATA_DIR — or, with `admin`, a data
 * directory set up already (a copy of a first start whose admin that is), and then only /readyz is waited for.
 */
export async function startApp(
  env: Record<string, string>,
  timeoutMs = 60_000,
  admin?: { email: string; password: string },
): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(root, 'bin/tillit.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      TILLIT_PORT: String(port),
      TILLIT_HOST: '127.0.0.1',
      TILLIT_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `tillit serve exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${stderr}`,
      );
    }
    const adminEmail = admin?.email ?? /^\s*email:\s+(\S+)$/m.exec(stdout)?.[1];
    const adminPassword = admin?.password ?? /^\s*password:\s+(\S+)$/m.exec(stdout)?.[1];
    if (adminEmail && adminPassword && (await isReady(url))) {
      return { url, adminEmail, adminPassword, stop: () => stopChild(child) };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopChild(child);
  throw new Error(
    `tillit serve was not ready with admin credentials within ${timeoutMs} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`,
  );
}
