import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
/** The process script beside this file: compiled JavaScript under dist/node, TypeScript (through tsx) from source. */
const script = path.join(path.dirname(here), `smtp-server-process${path.extname(here)}`);
const loader = here.endsWith('.ts') ? ['--import', 'tsx'] : [];

export interface ReceivedMail {
  from: string | null;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
}

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** Resolves once `count` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

/** Starts the SMTP server process and resolves when it listens. */
export function startSmtpServer(): Promise<TestSmtpServer> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [...loader, script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const received: ReceivedMail[] = [];
    let buffer = '';
    child.once('error', reject);
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const listening = /^listening (\d+)$/.exec(line);
        if (listening) {
          resolve({
            url: `smtp://127.0.0.1:${listening[1]}`,
            received,
            waitFor: (count, timeoutMs = 10_000) =>
              new Promise((done, fail) => {
                const started = Date.now();
                const poll = () => {
                  if (received.length >= count) return done(received);
                  if (Date.now() - started > timeoutMs) {
                    return fail(new Error(`expected ${count} mail(s), got ${received.length}`));
                  }
                  setTimeout(poll, 20);
                };
                poll();
              }),
            stop: () =>
              new Promise((done) => {
                if (child.exitCode !== null) return done();
                child.once('exit', () => done());
                child.kill('SIGTERM');
              }),
          });
        } else if (line.trim()) {
          received.push(JSON.parse(line) as ReceivedMail);
        }
      }
    });
  });
}
