// The committed database types must be exactly what the migrations produce (npm run db:types regenerates them).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { generateDatabaseTypes, generatedSchemaFile } from '../scripts/db-types.js';
import { createTestDatabase, testDatabaseKind } from './support/test-database.js';

test(`schema.generated.ts matches the migrated ${testDatabaseKind} database`, async () => {
  const handle = await createTestDatabase();
  try {
    const generated = await generateDatabaseTypes(handle.db as unknown as Kysely<unknown>);
    const committed = readFileSync(generatedSchemaFile, 'utf8');
    assert.ok(generated.includes('export interface DB {'), 'the generator produced the database interface');
    assert.equal(
      committed,
      generated,
      'run `npm run db:types` and commit src/server/kernel/db/schema.generated.ts',
    );
  } finally {
    await handle.close();
  }
});
