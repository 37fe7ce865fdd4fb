import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { createServiceFixture, type ServiceFixture } from '../../../../test/support/service-fixture.js';
import { TOTAL_CAP } from '../../../contracts/paging.js';
import { listAuditEvents } from '../../modules/audit-log/audit-log.service.js';
import { listControls } from '../../modules/controls/controls.service.js';
import { filteredEvidence } from '../../modules/evidence/evidence.repository.js';
import { listEvidence } from '../../modules/evidence/evidence.service.js';
import type { ServiceContext } from '../context.js';

describe('paging', () => {
  let f: ServiceFixture;
  let ctx: ServiceContext;
  before(async () => {
    f = await createServiceFixture('Paging AB');
    ctx = (await f.person('admin', 'Pia Pager')).ctx;
  });
  after(() => f.close());

  /** Evidence with few distinct proven dates and creation times, so the sort has many ties. */
  const addEvidence = (n: number, tag: string) =>
    sql`INSERT INTO evidence (organization_id, kind, title, url, valid_from, created_at)
        SELECT ${f.organizationId}, 'link', ${tag} || '-' || i, 'https://example.com/' || i,
               timestamptz '2026-01-01' + ((i % 5) || ' days')::interval,
               timestamptz '2026-02-01' + ((i % 3) || ' hours')::interval
        FROM generate_series(1, ${n}) AS i`.execute(f.handle.db);

  test('keyset pages walk the evidence list in order with no duplicates or gaps while rows are added', async () => {
    await addEvidence(60, 'base');
    const base = new Set((await f.handle.db.selectFrom('evidence').select('id').execute()).map((r) => r.id));
    const seen: string[] = [];
    const order: { validFrom: string; id: string }[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = await listEvidence(ctx, { page: 1, pageSize: 7, after });
      seen.push(...page.items.map((e) => e.id));
      order.push(...page.items.map((e) => ({ validFrom: e.validFrom, id: e.id })));
      // Rows arrive between pages, before and after the reader's position.
      await addEvidence(3, `during-${guard}`);
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    assert.equal(new Set(seen).size, seen.length, 'no evidence item appears twice');
    for (const id of base)
      assert.ok(seen.includes(id), `evidence ${id} present at the start was not skipped`);
    for (let i = 1; i < order.length; i++) {
      assert.ok(
        (order[i - 1]?.validFrom ?? '') >= (order[i]?.validFrom ?? ''),
        'newest proven date first across pages',
      );
    }
    const byOffset = await listEvidence(ctx, { page: 2, pageSize: 7 });
    assert.equal(byOffset.items.length, 7, 'page/pageSize paging still works');
    assert.equal(typeof byOffset.nextCursor, 'string');
  });

  test('controls page by cursor and compute each page once', async () => {
    for (let i = 0; i < 12; i++) {
      await sql`INSERT INTO controls (organization_id, ref, title, status)
                VALUES (${f.organizationId}, ${`PG-${String(i).padStart(2, '0')}`}, 'Paged', 'implemented')`.execute(
        f.handle.db,
      );
    }
    const refs: string[] = [];
    let after: string | undefined;
    do {
      const page = await listControls(ctx, { page: 1, pageSize: 5, after });
      refs.push(...page.items.map((c) => c.ref));
      after = page.nextCursor ?? undefined;
    } while (after);
    assert.deepEqual(
      refs,
      Array.from({ length: 12 }, (_, i) => `PG-${String(i).padStart(2, '0')}`),
    );
    await assert.rejects(
      listControls(ctx, { page: 1, pageSize: 5, after: 'bm9wZQ' }),
      /not a cursor of this list/,
    );
  });

  test('totals are counted up to the cap and say so beyond it', async () => {
    const small = await listAuditEvents(ctx, { page: 1, pageSize: 10 });
    assert.equal(small.totalIsCapped, undefined);
    const head = await f.handle.db.selectFrom('audit_log_heads').select('size').executeTakeFirstOrThrow();
    await sql`INSERT INTO audit_events (organization_id, seq, occurred_at, actor_type, action, entity_type, data, leaf_hash)
              SELECT ${f.organizationId}, ${head.size} + i, now(), 'system', 'paging.filler', 'test', '{}', '\\x00'
              FROM generate_series(1, ${TOTAL_CAP + 5}) AS i`.execute(f.handle.db);
    const big = await listAuditEvents(ctx, { page: 1, pageSize: 10 });
    assert.equal(big.total, TOTAL_CAP);
    assert.equal(big.totalIsCapped, true);
    const second = await listAuditEvents(ctx, { page: 1, pageSize: 10, after: big.nextCursor ?? undefined });
    assert.equal(
      second.items[0]?.seq,
      (big.items.at(-1)?.seq ?? 0) - 1,
      'the cursor continues below the last seq',
    );
  });

  test('the evidence list is read in its sort order from an index, not sorted', async () => {
    const compiled = filteredEvidence(ctx, { page: 1, pageSize: 50 })
      .orderBy('e.valid_from', 'desc')
      .orderBy('e.created_at', 'desc')
      .orderBy('e.id')
      .limit(50)
      .compile();
    const plan = await f.handle.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL enable_sort = off`.execute(tx);
      const rows = await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${sql.raw(
        compiled.sql.replace(/\$(\d+)/g, (_m, n: string) => {
          const v = compiled.parameters[Number(n) - 1];
          return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
        }),
      )}`.execute(tx);
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    assert.doesNotMatch(plan, /\bSort\b/, plan);
    assert.match(plan, /evidence_list_idx/, plan);
  });
});
