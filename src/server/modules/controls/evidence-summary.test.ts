import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createServiceFixture, type ServiceFixture } from '../../../../test/support/service-fixture.js';
import { evidenceState, evidenceStatesFromSummaries, evidenceStatesOf } from './control-health.js';

const DAY = 86_400_000;

describe('per-control evidence summaries', () => {
  let f: ServiceFixture;
  const controls: string[] = [];
  let seed = 13;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
  before(async () => {
    f = await createServiceFixture('Summaries AB');
    for (let i = 0; i < 25; i++) {
      const row = await f.handle.db
        .insertInto('controls')
        .values({
          organization_id: f.organizationId,
          ref: `SUM-${i}`,
          title: 'Summarised',
          implementation: '',
          status: 'implemented',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      controls.push(row.id);
    }
  });
  after(() => f.close());

  const randomDates = () => {
    const validFrom = new Date(Date.now() + Math.round((random() * 60 - 40) * DAY));
    const expiresAt =
      random() < 0.3 ? null : new Date(validFrom.getTime() + Math.round((1 + random() * 60) * DAY));
    return { valid_from: validFrom, expires_at: expiresAt };
  };

  async function statesAt(at: Date) {
    const atSql = sql<Date>`${at.toISOString()}::timestamptz`;
    const read = async (rows: ReturnType<typeof evidenceStatesOf>) =>
      (await sql<{ control_id: string; state: string }>`${rows} ORDER BY 1`.execute(f.handle.db)).rows;
    const direct = await read(evidenceStatesOf(f.organizationId, atSql));
    const withEvidence = new Map(direct.map((r) => [r.control_id, r.state]));
    const perRow = await sql<{ control_id: string; state: string }>`
      SELECT c.id AS control_id, ${evidenceState('c', atSql)} AS state FROM controls c
      WHERE c.organization_id = ${f.organizationId} ORDER BY 1`.execute(f.handle.db);
    return {
      summary: await read(evidenceStatesFromSummaries(f.organizationId, atSql)),
      direct,
      perRow: perRow.rows,
      directPerRow: perRow.rows.map((r) => ({
        control_id: r.control_id,
        state: withEvidence.get(r.control_id) ?? 'missing',
      })),
    };
  }

  async function assertAgree(round: number) {
    for (const offset of [0, 3, 17, 45, 400, -2]) {
      const { summary, direct, perRow, directPerRow } = await statesAt(new Date(Date.now() + offset * DAY));
      assert.deepEqual(summary, direct, `round ${round}, ${offset} days from now`);
      assert.deepEqual(perRow, directPerRow, `one control's state, round ${round}, ${offset} days from now`);
    }
  }

  test('the summary-based state equals the direct computation after random links, unlinks, date changes and deletions', async () => {
    const evidence: string[] = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 15; i++) {
        const row = await f.handle.db
          .insertInto('evidence')
          .values({
            organization_id: f.organizationId,
            kind: 'link' as const,
            description: '',
            title: `e${round}-${i}`,
            url: 'https://example.com',
            ...randomDates(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        evidence.push(row.id);
        const targets = new Set([pick(controls), pick(controls)]);
        await f.handle.db
          .insertInto('evidence_controls')
          .values(
            [...targets].map((c) => ({
              organization_id: f.organizationId,
              evidence_id: row.id,
              control_id: c,
            })),
          )
          .execute();
      }
      for (let i = 0; i < 4; i++) {
        await f.handle.db.deleteFrom('evidence_controls').where('evidence_id', '=', pick(evidence)).execute();
        await f.handle.db
          .updateTable('evidence')
          .set(randomDates())
          .where('id', '=', pick(evidence))
          .execute();
      }
      await f.handle.db.deleteFrom('evidence').where('id', '=', pick(evidence)).execute();
      if (round === 3) {
        const gone = controls.pop() as string;
        await f.handle.db.deleteFrom('controls').where('id', '=', gone).execute();
      }
      await assertAgree(round);
    }
    const summaries = await f.handle.db.selectFrom('control_evidence_summaries').selectAll().execute();
    assert.ok(
      summaries.some((s) => s.valid_until !== null),
      'summaries carry the next date that changes them',
    );
  });

  test('links committed concurrently to one control are all counted', async () => {
    const control = controls[0] as string;
    const newEvidence = async (title: string) =>
      (
        await f.handle.db
          .insertInto('evidence')
          .values({
            organization_id: f.organizationId,
            kind: 'link' as const,
            description: '',
            title,
            url: 'https://example.com',
            valid_from: new Date(Date.now() - DAY),
            expires_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const [a, b] = [await newEvidence('concurrent a'), await newEvidence('concurrent b')];
    const link = (evidenceId: string) => ({
      organization_id: f.organizationId,
      evidence_id: evidenceId,
      control_id: control,
    });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let firstLinked = () => {};
    const linked = new Promise<void>((resolve) => {
      firstLinked = resolve;
    });
    const first = f.handle.db.transaction().execute(async (tx) => {
      await tx.insertInto('evidence_controls').values(link(a)).execute();
      firstLinked();
      await held;
    });
    await linked;
    const second = f.handle.db.transaction().execute(async (tx) => {
      await tx.insertInto('evidence_controls').values(link(b)).execute();
    });
    release();
    await Promise.all([first, second]);
    const direct = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM evidence_controls WHERE control_id = ${control}`.execute(f.handle.db);
    const summary = await f.handle.db
      .selectFrom('control_evidence_summaries')
      .select('linked')
      .where('control_id', '=', control)
      .executeTakeFirstOrThrow();
    assert.equal(summary.linked, direct.rows[0]?.n);
  });
});
