import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths.js';

export { repoRoot };

const bin = path.join(repoRoot, 'bin/tillit.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `tillit` command in a child process. */
export function runTillit(args: string[], env: Record<string, string>, stdin?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      env: { ...process.env, TILLIT_LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stop(): Promise<void>;
}

/** Starts `tillit serve` and resolves once it prints where it listens. */
export function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve'], {
      cwd: repoRoot,
      env: { ...process.env, TILLIT_LOG_LEVEL: 'warn', TILLIT_HOST: '127.0.0.1', TILLIT_PORT: '0', ...env },
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tillit serve did not start in ${timeoutMs} ms: ${err}`));
    }, timeoutMs);
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d) => {
      out += d;
      const m = /Tillit is running on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({
          child,
          url: m[1],
          stdout: () => out,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tillit serve exited with ${code}: ${err}`));
    });
  });
}
