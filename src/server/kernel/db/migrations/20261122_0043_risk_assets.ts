import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE risk_assets (
      organization_id uuid NOT NULL REFERENCES organizations(id),
      risk_id uuid NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
      asset_id uuid NOT NULL REFERENCES assets(id),
      PRIMARY KEY (risk_id, asset_id)
    )`.execute(db);
  await sql`CREATE INDEX risk_assets_asset_idx ON risk_assets (asset_id)`.execute(db);
}
