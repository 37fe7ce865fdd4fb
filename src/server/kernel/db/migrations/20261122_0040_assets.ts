import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE assets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations(id),
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      type text NOT NULL
        CHECK (type IN ('information', 'service', 'hardware', 'software', 'site', 'people', 'supplier')),
      classification text NOT NULL CHECK (classification IN ('public', 'internal', 'confidential', 'restricted')),
      owner_id uuid REFERENCES users(id),
      location_id uuid REFERENCES locations(id) ON DELETE SET NULL,
      service_id uuid REFERENCES services(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organization_id, name)
    )`.execute(db);
}
