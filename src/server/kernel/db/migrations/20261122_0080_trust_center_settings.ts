import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trust_center_settings (
      organization_id uuid PRIMARY KEY REFERENCES organizations(id),
      title text NOT NULL,
      intro text NOT NULL DEFAULT '',
      accent_color text NOT NULL DEFAULT '#1f5f8b',
      logo_text text NOT NULL DEFAULT '',
      sla_text text NOT NULL DEFAULT '',
      dr_text text NOT NULL DEFAULT '',
      custom_domain text UNIQUE,
      published boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}
