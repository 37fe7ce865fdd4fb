// The floor of `npm run bench`: a bare Fastify server over the same database kind doing the cheapest
// equivalent of Tillit's reads — a primary-key SELECT and a 50-row page over an index — so every figure of
// the bench is a ratio to what the stack itself can do on this machine, measured in the same run.
//   node dist/node/bench/floor-server.js pglite <dir> | postgres <url>   → prints "listening <url>"
import Fastify from 'fastify';
import { sql } from 'kysely';
import { openPglite, openPostgres } from '../src/server/kernel/db/database.js';

const [kind, target] = process.argv.slice(2);
if (!target) throw new Error('usage: floor-server pglite <dir> | postgres <url>');
const handle = kind === 'postgres' ? await openPostgres(target) : await openPglite(target);
const { db } = handle;
await sql`CREATE TABLE IF NOT EXISTS floor_rows (
  id bigint PRIMARY KEY, organization_id int NOT NULL, position int NOT NULL, title text NOT NULL, data jsonb NOT NULL)`.execute(
  db,
);
await sql`INSERT INTO floor_rows
  SELECT g, 1, g, 'Row ' || g, jsonb_build_object('status', 'open', 'n', g) FROM generate_series(1, 100000) g
  ON CONFLICT DO NOTHING`.execute(db);
await sql`CREATE INDEX IF NOT EXISTS floor_rows_page_idx ON floor_rows (organization_id, position)`.execute(
  db,
);
await sql`ANALYZE floor_rows`.execute(db);

const app = Fastify({ logger: false });
let next = 0;
app.get('/pk', async () => {
  next = (next % 100000) + 1;
  const r = await sql`SELECT * FROM floor_rows WHERE id = ${next}`.execute(db);
  return r.rows[0];
});
app.get('/page', async () => {
  next = (next % 99000) + 1;
  const r = await sql`SELECT * FROM floor_rows WHERE organization_id = 1 AND position >= ${next}
    ORDER BY organization_id, position LIMIT 50`.execute(db);
  return { items: r.rows };
});
const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`listening ${url}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => handle.close().then(() => process.exit(0)));
});
