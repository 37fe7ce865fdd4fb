// The load client of `npm run bench`, run in its own process so it never shares the CPU time of the server
// under test: `node dist/node/bench/load.js '<json options>'` prints one JSON line with the figures.
import autocannon from 'autocannon';

interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50ms: number;
  latencyP95ms: number;
  non2xx: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const options = JSON.parse(process.argv[2] ?? '{}') as LoadOptions;
const latencies: number[] = [];
const instance = autocannon(
  {
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    headers: options.headers ?? {},
  },
  (err, result) => {
    if (err) throw err;
    latencies.sort((a, b) => a - b);
    const out: LoadResult = {
      requestsPerSecond: Math.round(result.requests.total / options.seconds),
      latencyP50ms: Math.round(percentile(latencies, 50) * 10) / 10,
      latencyP95ms: Math.round(percentile(latencies, 95) * 10) / 10,
      non2xx: result.non2xx,
      errors: result.errors,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  },
);
instance.on('response', (_client, _status, _bytes, responseTime: number) => {
  latencies.push(responseTime);
});
