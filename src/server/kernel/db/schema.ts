import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrganizationsTable {
  id: Generated<string>;
  name: string;
  security_contact_email: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface LocationsTable {
  id: Generated<string>;
  organization_id: string;
  code: string;
  name: string;
  city: string;
  country: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface ServicesTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  description: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  name: string;
  role: string;
  status: string;
  password_hash: string | null;
  last_login_at: Date | null;
  password_changed_at: Date | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface UserInvitationsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  token_hash: string;
  expires_at: Timestamp;
  accepted_at: Date | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: DefaultedTimestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  scopes: string[];
  expires_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_at: CreatedAt;
}

export interface AuditEventsTable {
  organization_id: string;
  seq: number;
  occurred_at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: ColumnType<Record<string, unknown>, string, string>;
  leaf_hash: Uint8Array;
}

export interface AuditLogHeadsTable {
  organization_id: string;
  size: number;
}

export interface AuditCheckpointsTable {
  id: Generated<string>;
  organization_id: string;
  tree_size: number;
  root_hash: Uint8Array;
  key_name: string;
  key_id: string;
  public_key: string;
  note: string;
  created_at: CreatedAt;
}

export interface Database {
  organizations: OrganizationsTable;
  locations: LocationsTable;
  services: ServicesTable;
  users: UsersTable;
  user_invitations: UserInvitationsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  audit_log_heads: AuditLogHeadsTable;
  audit_checkpoints: AuditCheckpointsTable;
}

export type OrganizationRow = Selectable<OrganizationsTable>;
export type LocationRow = Selectable<LocationsTable>;
export type ServiceRow = Selectable<ServicesTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type AuditCheckpointRow = Selectable<AuditCheckpointsTable>;
