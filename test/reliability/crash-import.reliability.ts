import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sharedData } from '../support/paths.js';
import { recordResult } from './support/results.js';
import {
  auditProblems,
  killNine,
  type PreparedInstance,
  prepareInstance,
  spawnTillit,
  TRIALS,
  watch,
} from './support/trials.js';

const CATALOG = sharedData('oscal-NIST_SP-800-53_rev5_LOW-baseline-resolved-profile_catalog.json');

describe('kill -9 during `tillit framework import`', () => {
  let prepared: PreparedInstance;
  before(async () => {
    prepared = await prepareInstance('crash-import');
  });
  after(() => prepared?.inst.dispose());

  test(`${TRIALS} trials: kill -9 during \`tillit framework import\`; a framework is there whole or not at all`, async () => {
    const importing = (key: string) =>
      spawnTillit(['framework', 'import', CATALOG, '--key', key], prepared.env);
    // A whole import first: what it holds, and how much CPU it needs from start to exit.
    const wholeRun = importing('nist-whole');
    const whole = await watch(wholeRun, () => false);
    assert.equal(wholeRun.exitCode, 0, 'the whole import succeeds');
    // Kill points spread from 60 % to 150 % of that CPU time: late start-up (database open), the import
    // transaction, its commit and the exit (a command needs more CPU for the same work when the machine is busy,
    // so the range reaches past 100 %).
    const outcomes = { killed: 0, finished: 0 };
    for (let trial = 0; trial < TRIALS; trial++) {
      const share = 0.6 + (0.9 * trial) / Math.max(1, TRIALS - 1);
      const child = importing(`nist-kill-${trial}`);
      const seen = await watch(child, (cpu) => cpu >= share * whole.cpuSeconds);
      if (seen.exitedOnItsOwn) outcomes.finished++;
      else {
        await killNine(child);
        outcomes.killed++;
      }
    }

    // The database opens (no stale lock after the kills) and holds each framework whole or not at all.
    const handle = await prepared.inst.open();
    let counts: { key: string; requirements: number }[];
    let problems: string[];
    try {
      counts = await handle.db
        .selectFrom('frameworks as f')
        .leftJoin('requirements as r', 'r.framework_id', 'f.id')
        .select(['f.key', (eb) => eb.fn.count<number>('r.id').as('requirements')])
        .where('f.key', 'like', 'nist-%')
        .groupBy('f.key')
        .execute();
      problems = await auditProblems(handle, prepared.keyFile);
    } finally {
      await handle.close();
    }
    const expected = Number(counts.find((c) => c.key === 'nist-whole')?.requirements ?? 0);
    const committed = counts.filter((c) => c.key.startsWith('nist-kill-'));
    const partial = committed.filter((c) => Number(c.requirements) !== expected);
    const held = expected > 100 && outcomes.killed > 0 && partial.length === 0 && problems.length === 0;
    recordResult({
      area: 'crash',
      tried: `${TRIALS} × kill -9 during \`tillit framework import\` (NIST SP 800-53 LOW)`,
      outcome: held ? 'held' : 'FAILED',
      detail:
        `killed at 60–150 % of a whole import's ${whole.cpuSeconds.toFixed(1)} CPU-s: ${outcomes.killed} killed, ` +
        `${outcomes.finished} finished first; ${committed.length} there whole, ` +
        `${TRIALS - committed.length} left nothing, ${partial.length} partial; ${problems.length} audit problems`,
    });
    assert.ok(expected > 100, `the whole import has ${expected} requirements`);
    assert.ok(outcomes.killed > 0, 'no trial killed an import before it finished');
    assert.deepEqual(partial, []);
    assert.deepEqual(problems, []);
  });
});
