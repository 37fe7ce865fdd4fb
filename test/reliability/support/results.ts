import { appendFileSync } from 'node:fs';
import { testDatabaseKind } from '../../support/test-database.js';

/**
 * One row of the table `npm run test:reliability` prints at the end: what a test tried and whether it
 * held. Every reliability test records its rows here (then asserts), including rows for what it could
 * not try on this machine, with the reason.
 *
 * The auditor scope canary (src/server/kernel/http/scope-canary.test.ts) lives in `npm test` and records its row
 * here too, for a table when that file is named: `npm run test:reliability -- <its path>`.
 *
 * To add a check: a file
 * `test/reliability/<topic>.reliability.ts` (the runner picks up every such file, one at a time, on
 * PGlite and on PostgreSQL), whose tests call `recordResult({ area: '<topic>', tried, outcome, detail })`
 * with the figures, then assert. Files named `*.test.ts` here would also run in `npm test`.
 */
export interface ReliabilityRow {
  /** The area: 'concurrency', 'database restart', 'hostile input', 'crash', 'scope canary', … */
  area: string;
  /** What was tried, with its size (e.g. '8 writers × 10 writes'). */
  tried: string;
  /** 'held', 'FAILED' or 'skipped'. */
  outcome: 'held' | 'FAILED' | 'skipped';
  /** Figures or the reason it was skipped. */
  detail: string;
}

export function recordResult(row: ReliabilityRow): void {
  const file = process.env.TILLIT_RELIABILITY_RESULTS;
  const line = { database: testDatabaseKind, ...row };
  // Outside `npm run test:reliability` (e.g. the scope canary in `npm test`) there is no table to add to.
  if (file) appendFileSync(file, `${JSON.stringify(line)}\n`);
}
