import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../browser/app-server.js';
import { type RunningServer, startServer } from '../support/cli.js';
import { type HttpSession, signInOverHttp } from './support/http-session.js';
import { recordResult } from './support/results.js';
import { auditProblems, killNine, type PreparedInstance, prepareInstance, TRIALS } from './support/trials.js';

const WRITERS = 4;
/** A start on a loaded two-core machine can take a minute. */
const START_TIMEOUT_MS = 180_000;
/** A writer gives up after this many refused writes in one trial (the server is broken; the trial fails). */
const MAX_REFUSED = 50;

describe('kill -9 during a burst of writes', () => {
  let prepared: PreparedInstance;
  before(async () => {
    prepared = await prepareInstance('crash-writes');
  });
  after(() => prepared?.inst.dispose());

  test(`${TRIALS} trials: kill -9 after a chosen number of acknowledged writes, restart; every acknowledged write is there with its audit event`, async () => {
    // One port for every start: a killed server frees it at once, and one signed-in session (stored in the
    // database) serves every trial.
    const env = { ...prepared.env, TILLIT_PORT: String(await freePort()) };
    const acknowledged: string[] = [];
    const perTrial: string[] = [];
    const refused: string[] = [];
    let lostAfterRestart = 0;
    let api: HttpSession | undefined;
    let previous: string[] = [];
    let server: RunningServer | undefined;
    for (let trial = 0; trial <= TRIALS; trial++) {
      // Each start after a kill -9 is the stale-lock check: it must succeed without anyone removing a lock.
      server = await startServer(env, START_TIMEOUT_MS);
      api ??= await signInOverHttp(server.url, prepared.admin.email, prepared.admin.password);
      const session = api;
      // The cheap check, every trial: what the last server acknowledged before its kill reads back.
      for (const id of previous) {
        const res = await session.send('GET', `/api/controls/${id}`);
        if (res.status !== 200) lostAfterRestart++;
      }
      if (trial === TRIALS) break;
      // Kill once this trial has had `target` writes acknowledged (1 to 16, spread over the trials), with a
      // write in flight on every writer.
      const target = 1 + ((trial * 7) % 16);
      const running = server;
      let kill: Promise<void> | undefined;
      const acked: string[] = [];
      const writer = async (w: number) => {
        for (let i = 0, refusals = 0; !kill && refusals < MAX_REFUSED; i++) {
          const res = await session.send('POST', '/api/controls', { title: `Crash ${trial}.${w}.${i}` });
          if (kill) return; // answered (or cut off) after the kill: neither acknowledged nor refused
          if (res.status === 201) {
            acked.push((JSON.parse(res.body) as { id: string }).id);
            if (acked.length >= target) kill ??= killNine(running.child);
          } else {
            refusals++;
            refused.push(`trial ${trial}: ${res.status} ${res.body.slice(0, 200)}`);
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
      await (kill ?? killNine(running.child));
      acknowledged.push(...acked);
      perTrial.push(String(acked.length));
      previous = acked;
    }
    await server?.stop();

    const handle = await prepared.inst.open();
    let missing: string[];
    let withoutEvent: number;
    let problems: string[];
    try {
      const controls = await handle.db.selectFrom('controls').select('id').execute();
      const audited = new Set(
        (
          await handle.db
            .selectFrom('audit_events')
            .select('entity_id')
            .where('action', '=', 'control.created')
            .execute()
        ).map((r) => r.entity_id),
      );
      const present = new Set(controls.map((c) => c.id));
      missing = acknowledged.filter((id) => !present.has(id) || !audited.has(id));
      withoutEvent = controls.filter((c) => !audited.has(c.id)).length;
      problems = await auditProblems(handle, prepared.keyFile);
    } finally {
      await handle.close();
    }
    const held =
      acknowledged.length >= TRIALS &&
      refused.length === 0 &&
      lostAfterRestart === 0 &&
      missing.length === 0 &&
      withoutEvent === 0 &&
      problems.length === 0;
    recordResult({
      area: 'crash',
      tried: `${TRIALS} × kill -9 during ${WRITERS} writers, after 1–16 acknowledged writes; restart`,
      outcome: held ? 'held' : 'FAILED',
      detail:
        `acknowledged per trial ${perTrial.join('/')}; ${TRIALS} starts after kill -9 (stale lock); ` +
        `${lostAfterRestart} unreadable after restart, ${missing.length} lost or unaudited, ` +
        `${withoutEvent} rows without event, ${refused.length} refused, ${problems.length} audit problems`,
    });
    assert.deepEqual(refused, [], 'writes before the kill are all acknowledged');
    assert.equal(lostAfterRestart, 0, 'an acknowledged write did not read back after the restart');
    assert.deepEqual(missing, []);
    assert.equal(withoutEvent, 0, 'a control without its audit event is a partial write');
    assert.deepEqual(problems, []);
    assert.ok(acknowledged.length >= TRIALS, `only ${acknowledged.length} writes were acknowledged`);
  });
});
