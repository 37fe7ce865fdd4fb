import assert from 'node:assert/strict';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { createGunzip } from 'node:zlib';
import { readBackup } from '../../src/formats/backup-archive.js';
import { organizationFor } from '../../src/server/admin/admin-operations.js';
import { importFramework } from '../../src/server/modules/frameworks/index.js';
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
/** Frameworks imported before the trials, so a backup writes for long enough to be killed half-way. */
const FRAMEWORKS = 4;

/** The rows of a whole, valid backup; throws for a truncated or damaged one (trailer and checksum checked). */
async function backupRows(file: string): Promise<number> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let rows = 0;
  for await (const record of readBackup(lines)) if (record.kind === 'row') rows++;
  return rows;
}

/** The size of the backup's temporary file in `dir`, or -1 while there is none. */
function partialSize(dir: string): number {
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.partial')) : [];
  const [name] = names;
  if (!name) return -1;
  try {
    return statSync(path.join(dir, name)).size;
  } catch {
    return -1; // renamed meanwhile
  }
}

describe('kill -9 during `tillit backup`', () => {
  let prepared: PreparedInstance;
  before(async () => {
    prepared = await prepareInstance('crash-backup');
    const handle = await prepared.inst.open();
    try {
      const ctx = await organizationFor(handle.db);
      const document: unknown = JSON.parse(readFileSync(CATALOG, 'utf8'));
      for (let i = 0; i < FRAMEWORKS; i++)
        await importFramework(ctx, { format: 'oscal-catalog', document, key: `nist-${i}` });
    } finally {
      await handle.close();
    }
  });
  after(() => prepared?.inst.dispose());

  test(`${TRIALS} trials: kill -9 while \`tillit backup\` writes; never a partial file under the backup's name, the database intact, the next backup whole`, async () => {
    const backup = (dir: string) =>
      spawnTillit(['backup', '--out', path.join(dir, 'backup.ndjson.gz')], prepared.env);
    // A whole backup first: how many bytes it writes.
    const wholeDir = path.join(prepared.inst.dataDir, 'whole');
    const wholeRun = backup(wholeDir);
    await watch(wholeRun, () => false);
    assert.equal(wholeRun.exitCode, 0, 'the whole backup succeeds');
    const wholeFile = path.join(wholeDir, 'backup.ndjson.gz');
    const wholeRows = await backupRows(wholeFile);
    const wholeBytes = statSync(wholeFile).size;

    // Each trial is killed once its temporary file holds a share of those bytes: 0 % (just opened) to 100 %
    // (written, not yet renamed), spread over the trials.
    const kinds = { 'killed mid-write': 0, 'finished first': 0 };
    const damaged: string[] = [];
    let leftPartial = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const share = trial / Math.max(1, TRIALS - 1);
      const dir = path.join(prepared.inst.dataDir, `trial-${trial}`);
      const child = backup(dir);
      const seen = await watch(child, () => partialSize(dir) >= share * wholeBytes);
      if (seen.exitedOnItsOwn) kinds['finished first']++;
      else {
        await killNine(child);
        kinds['killed mid-write']++;
      }
      const file = path.join(dir, 'backup.ndjson.gz');
      if (existsSync(file)) {
        await backupRows(file).catch((err: unknown) => {
          damaged.push(`trial ${trial}: ${(err as Error).message}`);
        });
      }
      if (partialSize(dir) >= 0) leftPartial++;
    }

    const handle = await prepared.inst.open();
    let problems: string[];
    try {
      problems = await auditProblems(handle, prepared.keyFile);
    } finally {
      await handle.close();
    }
    const nextDir = path.join(prepared.inst.dataDir, 'next');
    const next = backup(nextDir);
    await watch(next, () => false);
    const nextRows = next.exitCode === 0 ? await backupRows(path.join(nextDir, 'backup.ndjson.gz')) : 0;
    const held =
      kinds['killed mid-write'] > 0 &&
      damaged.length === 0 &&
      problems.length === 0 &&
      nextRows === wholeRows;
    recordResult({
      area: 'crash',
      tried: `${TRIALS} × kill -9 during \`tillit backup\` (${wholeRows} rows, ${Math.round(wholeBytes / 1024)} KiB), at 0–100 % written`,
      outcome: held ? 'held' : 'FAILED',
      detail:
        `${kinds['killed mid-write']} killed mid-write, ${kinds['finished first']} finished first; ` +
        `${damaged.length} damaged files under the backup's name, ${leftPartial} .partial left; ` +
        `${problems.length} audit problems; next backup exit ${next.exitCode}, ${nextRows} rows`,
    });
    assert.deepEqual(damaged, [], 'a file under the backup name must be a whole backup');
    assert.ok(kinds['killed mid-write'] > 0, 'no trial killed a backup before it finished');
    assert.deepEqual(problems, []);
    assert.equal(next.exitCode, 0, 'the next backup succeeds');
    assert.equal(nextRows, wholeRows);
  });
});
