// The database's types: generated from the migrations into schema.generated.ts (`npm run db:types`), with the
// row aliases the code uses. Never edit the generated file by hand; change a migration and regenerate.
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB } from './schema.generated.js';

export type Database = DB;

export type OrganizationRow = Selectable<DB['organizations']>;
export type LocationRow = Selectable<DB['locations']>;
export type ServiceRow = Selectable<DB['services']>;
export type UserRow = Selectable<DB['users']>;
export type NewUser = Insertable<DB['users']>;
export type UserUpdate = Updateable<DB['users']>;
export type SessionRow = Selectable<DB['sessions']>;
export type ApiTokenRow = Selectable<DB['api_tokens']>;
export type AuditEventRow = Selectable<DB['audit_events']>;
export type AuditCheckpointRow = Selectable<DB['audit_checkpoints']>;
export type FrameworkRow = Selectable<DB['frameworks']>;
export type RequirementRow = Selectable<DB['requirements']>;
export type ControlRow = Selectable<DB['controls']>;
export type EvidenceRow = Selectable<DB['evidence']>;
export type CheckRow = Selectable<DB['checks']>;
export type TaskRow = Selectable<DB['tasks']>;
export type NotificationRow = Selectable<DB['notifications']>;
export type TrustDocumentRequestsTable = DB['trust_document_requests'];
export type TrustAutoApprovalRulesTable = DB['trust_auto_approval_rules'];
export type TrustDocumentsTable = DB['trust_documents'];
export type TrustNdaVersionsTable = DB['trust_nda_versions'];
