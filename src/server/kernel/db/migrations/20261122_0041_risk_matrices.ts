import { type Kysely, sql } from 'kysely';

/** One matrix per organisation; an organisation without a row uses the default 5×5 matrix. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE risk_matrices (
      organization_id uuid PRIMARY KEY REFERENCES organizations(id),
      likelihood_labels jsonb NOT NULL,
      impact_labels jsonb NOT NULL,
      band_medium int NOT NULL,
      band_high int NOT NULL,
      band_critical int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (1 < band_medium AND band_medium < band_high AND band_high < band_critical AND band_critical <= 25)
    )`.execute(db);
}
