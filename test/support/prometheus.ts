import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PrometheusServer {
  url: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A real Prometheus (Debian's /usr/bin/prometheus) on loopback, its TSDB filled beforehand from OpenMetrics text
 * with `promtool tsdb create-blocks-from openmetrics`; it scrapes nothing.
 */
export async function startPrometheus(openMetrics: string): Promise<PrometheusServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tillit-prometheus-'));
  writeFileSync(path.join(dir, 'data.om'), openMetrics);
  writeFileSync(path.join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 1h\nscrape_configs: []\n');
  execFileSync(
    'promtool',
    ['tsdb', 'create-blocks-from', 'openmetrics', path.join(dir, 'data.om'), path.join(dir, 'tsdb')],
    {
      stdio: 'ignore',
    },
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'tsdb')}`,
      '--storage.tsdb.retention.time=3650d',
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) break;
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, close };
    await new Promise((r) => setTimeout(r, 100));
  }
  await close();
  throw new Error('Prometheus did not become ready');
}

/** OpenMetrics text of a gauge sampled every `step` seconds: value(i) for sample i from `start`. */
export function gaugeSeries(
  name: string,
  labels: string,
  start: number,
  step: number,
  count: number,
  value: (i: number) => number,
): string {
  const lines = [`# TYPE ${name} gauge`];
  for (let i = 0; i < count; i++) lines.push(`${name}{${labels}} ${value(i)} ${start + i * step}`);
  return `${lines.join('\n')}\n# EOF\n`;
}
