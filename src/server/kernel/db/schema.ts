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

type Json<T> = ColumnType<T, string, string>;

export interface FrameworksTable {
  id: Generated<string>;
  organization_id: string;
  key: string;
  name: string;
  version: string;
  publisher: string;
  description: string;
  attribution: string;
  source: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface RequirementsTable {
  id: Generated<string>;
  organization_id: string;
  framework_id: string;
  parent_id: string | null;
  key: string;
  ref: string;
  kind: string;
  title: string;
  statement: string;
  guidance: string;
  params: Json<unknown>;
  labels: Json<Record<string, string>>;
  position: number;
  depth: ColumnType<number, number | undefined, number>;
}

export interface RequirementMappingsTable {
  id: Generated<string>;
  organization_id: string;
  source_framework: string;
  source_ref: string;
  target_framework: string;
  target_ref: string;
  relationship: string;
  note: string;
  origin: string;
  created_at: CreatedAt;
}

export interface ControlsTable {
  id: Generated<string>;
  organization_id: string;
  ref: string;
  title: string;
  implementation: string;
  status: string;
  owner_id: string | null;
  service_id: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface ControlRequirementsTable {
  organization_id: string;
  control_id: string;
  requirement_id: string;
  created_at: CreatedAt;
}

export interface ApplicabilityTable {
  requirement_id: string;
  organization_id: string;
  applicable: boolean;
  justification: string;
  decided_by: string | null;
  decided_at: DefaultedTimestamp;
}

export interface EvidenceTable {
  id: Generated<string>;
  organization_id: string;
  kind: string;
  title: string;
  description: string;
  url: string | null;
  file_sha256: string | null;
  file_name: string | null;
  file_size: number | null;
  file_content_type: string | null;
  check_id: string | null;
  check_outcome: string | null;
  check_trigger: string | null;
  check_details: ColumnType<unknown, string | null | undefined, string | null>;
  valid_from: Timestamp;
  expires_at: Timestamp | null;
  reviewer_id: string | null;
  reviewed_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface EvidenceControlsTable {
  organization_id: string;
  evidence_id: string;
  control_id: string;
}

export interface ChecksTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  description: string;
  kind: string;
  config: Json<unknown>;
  schedule: string | null;
  evidence_validity_days: number;
  owner_id: string | null;
  status: ColumnType<string, string | undefined, string>;
  last_run_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface CheckControlsTable {
  organization_id: string;
  check_id: string;
  control_id: string;
}

export interface MetricSamplesTable {
  id: Generated<string>;
  organization_id: string;
  metric: string;
  subject: string;
  value: number;
  observed_at: Timestamp;
  created_at: CreatedAt;
}

export interface TasksTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  description: string;
  status: ColumnType<string, string | undefined, string>;
  assignee_id: string | null;
  due_at: Timestamp | null;
  source_type: string | null;
  source_id: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  completed_at: Timestamp | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupe_key: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

export interface PolicyDocumentsTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  kind: string;
  owner_id: string;
  classification: string;
  review_interval_months: number;
  next_review_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface PolicyVersionsTable {
  id: Generated<string>;
  organization_id: string;
  document_id: string;
  number: number;
  body: string;
  change_summary: ColumnType<string, string | undefined, string>;
  status: string;
  author_id: string | null;
  submitted_at: Timestamp | null;
  approver_id: string | null;
  approved_at: Timestamp | null;
  published_by: string | null;
  published_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface PolicyCampaignsTable {
  id: Generated<string>;
  organization_id: string;
  document_id: string;
  version_id: string;
  /** JSON, validated by policyAudienceSchema when read. */
  audience: ColumnType<unknown, string, string>;
  due_at: Timestamp;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PolicyCampaignTargetsTable {
  organization_id: string;
  campaign_id: string;
  user_id: string;
}

export interface PolicyAcknowledgementsTable {
  id: Generated<string>;
  organization_id: string;
  version_id: string;
  user_id: string;
  acknowledged_at: DefaultedTimestamp;
}

export interface AuditProgrammesTable {
  id: Generated<string>;
  organization_id: string;
  year: number;
  objectives: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface AuditsTable {
  id: Generated<string>;
  organization_id: string;
  programme_id: string | null;
  title: string;
  type: string;
  planned_start: string;
  planned_end: string;
  lead_auditor_id: string | null;
  external_auditor: string;
  status: ColumnType<string, string | undefined, string>;
  conclusion: ColumnType<string, string | undefined, string>;
  started_at: Timestamp | null;
  completed_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface AuditFrameworksTable {
  organization_id: string;
  audit_id: string;
  framework_id: string;
}

export interface AuditServicesTable {
  organization_id: string;
  audit_id: string;
  service_id: string;
}

export interface AuditChecklistItemsTable {
  id: Generated<string>;
  organization_id: string;
  audit_id: string;
  requirement_id: string | null;
  framework_name: string;
  requirement_ref: string;
  requirement_title: string;
  position: number;
  result: ColumnType<string, string | undefined, string>;
  notes: ColumnType<string, string | undefined, string>;
  checked_by: string | null;
  checked_at: Timestamp | null;
}

export interface AuditFindingsTable {
  id: Generated<string>;
  organization_id: string;
  audit_id: string;
  checklist_item_id: string | null;
  type: string;
  description: string;
  raised_by: string | null;
  raised_at: DefaultedTimestamp;
}

export interface NonconformitiesTable {
  id: Generated<string>;
  organization_id: string;
  ref: string;
  source: string;
  source_ref: string;
  finding_id: string | null;
  severity: string;
  description: string;
  owner_id: string | null;
  status: ColumnType<string, string | undefined, string>;
  raised_on: string;
  root_cause: ColumnType<string, string | undefined, string>;
  correction: ColumnType<string, string | undefined, string>;
  closed_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface CorrectiveActionsTable {
  id: Generated<string>;
  organization_id: string;
  nonconformity_id: string;
  description: string;
  owner_id: string;
  due_date: string;
  done_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface NonconformityVerificationsTable {
  id: Generated<string>;
  organization_id: string;
  nonconformity_id: string;
  result: string;
  notes: string;
  verified_by: string;
  verified_at: DefaultedTimestamp;
}

export interface AssetsTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  description: string;
  type: string;
  classification: string;
  owner_id: string | null;
  location_id: string | null;
  service_id: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface RiskMatricesTable {
  organization_id: string;
  likelihood_labels: ColumnType<unknown, string, string>;
  impact_labels: ColumnType<unknown, string, string>;
  band_medium: number;
  band_high: number;
  band_critical: number;
  updated_at: DefaultedTimestamp;
}

/** A SQL `date`; drivers differ in how they return one, so it is read through to_char. */
type SqlDate = ColumnType<unknown, string | null, string | null>;

export interface RisksTable {
  id: Generated<string>;
  organization_id: string;
  ref: string;
  title: string;
  description: string;
  threat: string;
  vulnerability: string;
  owner_id: string | null;
  inherent_likelihood: number;
  inherent_impact: number;
  residual_likelihood: number;
  residual_impact: number;
  treatment: string | null;
  acceptance_approver_id: string | null;
  acceptance_expires_on: SqlDate;
  transfer_to: string | null;
  status: string;
  review_date: SqlDate;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface RiskAssetsTable {
  organization_id: string;
  risk_id: string;
  asset_id: string;
}

export interface RiskControlsTable {
  organization_id: string;
  risk_id: string;
  control_id: string;
}

export interface ObjectivesTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  description: string;
  owner_id: string;
  area: string;
  due_date: string;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface ObjectiveKpisTable {
  id: Generated<string>;
  organization_id: string;
  objective_id: string;
  name: string;
  unit: string;
  direction: string;
  target: number;
  threshold: number | null;
  position: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
}

export interface KpiMeasurementsTable {
  id: Generated<string>;
  organization_id: string;
  kpi_id: string;
  value: number;
  measured_at: Timestamp;
  note: string;
  recorded_by: string | null;
  created_at: CreatedAt;
}

export interface ManagementReviewsTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  period_from: string;
  period_to: string;
  meeting_date: string;
  attendee_ids: ColumnType<unknown, string, string>;
  status: ColumnType<string, string | undefined, string>;
  report: ColumnType<unknown, string | null | undefined, string | null>;
  assembled_at: Timestamp | null;
  closed_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface ManagementReviewActionsTable {
  id: Generated<string>;
  organization_id: string;
  review_id: string;
  text: string;
  owner_id: string | null;
  due_date: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface TrustCenterSettingsTable {
  organization_id: string;
  title: string;
  intro: Generated<string>;
  accent_color: Generated<string>;
  logo_text: Generated<string>;
  sla_text: Generated<string>;
  dr_text: Generated<string>;
  custom_domain: string | null;
  published: Generated<boolean>;
  faq_four_eyes: Generated<boolean>;
  site_url: string | null;
  updated_at: DefaultedTimestamp;
}

export interface TrustCertificationsTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  framework_id: string | null;
  status: string;
  target_quarter: string | null;
  issuer: Generated<string>;
  issued_on: string | null;
  expires_on: string | null;
  position: Generated<number>;
  updated_at: DefaultedTimestamp;
}

export interface FaqSectionsTable {
  id: Generated<string>;
  organization_id: string;
  language: string;
  title: string;
  position: Generated<number>;
  updated_at: DefaultedTimestamp;
}

export interface FaqEntriesTable {
  id: Generated<string>;
  organization_id: string;
  section_id: string;
  question: string;
  answer: string;
  position: Generated<number>;
  published: Generated<boolean>;
  confirmed_reason: string | null;
  confirmed_by: string | null;
  confirmed_at: Timestamp | null;
  confirmed_note: string | null;
  last_edited_by: string | null;
  published_by: string | null;
  published_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface FaqHugoPagesTable {
  organization_id: string;
  language: string;
  front_matter: string;
  preamble: Generated<string>;
  epilogue: Generated<string>;
  updated_at: DefaultedTimestamp;
}

export interface FaqEntryControlsTable {
  organization_id: string;
  entry_id: string;
  control_id: string;
}

export interface FaqEntryEvidenceTable {
  organization_id: string;
  entry_id: string;
  evidence_id: string;
}

export interface SubprocessorsTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  purpose: string;
  country: string;
  transfer_mechanism: string;
  status: string;
  effective_on: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface SubprocessorSubscribersTable {
  id: Generated<string>;
  organization_id: string;
  email: string;
  token_hash: string;
  verified_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface SubprocessorNotificationsTable {
  id: Generated<string>;
  organization_id: string;
  subprocessor_id: string;
  subscriber_id: string;
  to_email: string;
  change: string;
  effective_on: string;
  subject: string;
  body: string;
  notified_at: CreatedAt;
  sent_at: Timestamp | null;
  objection_token_hash: string;
  objected_at: Timestamp | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  organization_id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  dedupe_key: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  next_attempt_at: DefaultedTimestamp;
  sent_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AuditorFrameworkScopesTable {
  organization_id: string;
  user_id: string;
  framework_id: string;
  created_at: CreatedAt;
}

export interface RecurringActivitiesTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  description: string;
  kind: string;
  schedule_type: string;
  schedule: string;
  starts_at: Timestamp;
  assignee_id: string;
  evidence_required: boolean;
  lead_days: number;
  escalation_days: number | null;
  escalation_user_id: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface RecurringActivityControlsTable {
  organization_id: string;
  activity_id: string;
  control_id: string;
}

export interface ActivityOccurrencesTable {
  id: Generated<string>;
  organization_id: string;
  activity_id: string;
  occurs_at: Timestamp;
  task_id: string | null;
  evidence_id: string | null;
  created_at: CreatedAt;
}

export interface NotificationSettingsTable {
  user_id: string;
  organization_id: string;
  email: ColumnType<string, string | undefined, string>;
  last_digest_at: Timestamp | null;
  updated_at: DefaultedTimestamp;
}

export interface QuestionnairesTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  file_name: string;
  file_sha256: string;
  file_size: number;
  format: string;
  status: Generated<string>;
  sheet: string | null;
  question_column: string | null;
  answer_column: string | null;
  first_row: number | null;
  skipped_rows: ColumnType<unknown, string | undefined, string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface QuestionnaireItemsTable {
  id: Generated<string>;
  organization_id: string;
  questionnaire_id: string;
  row_number: number;
  question: string;
  status: Generated<string>;
  answer: string | null;
  proposed_answer: string | null;
  confidence: string | null;
  score: number | null;
  sources: ColumnType<unknown, string | undefined, string>;
  approved_by: string | null;
  approved_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface TrustDocumentsTable {
  id: Generated<string>;
  organization_id: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  kind: string;
  access_level: string;
  version_label: ColumnType<string, string | undefined, string>;
  published: ColumnType<boolean, boolean | undefined, boolean>;
  source: string;
  file_sha256: string | null;
  file_size: number | null;
  file_name: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface TrustNdaVersionsTable {
  id: Generated<string>;
  organization_id: string;
  version: number;
  text: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface TrustAutoApprovalRulesTable {
  id: Generated<string>;
  organization_id: string;
  domain: string;
  approves_on_request: boolean;
  approves_nda: boolean;
  expires_in_days: ColumnType<number, number | undefined, number>;
  created_at: CreatedAt;
}

export interface TrustDocumentRequestsTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  email: string;
  company: string;
  reason: string;
  status: string;
  verify_token_hash: string;
  verify_expires_at: Timestamp;
  verified_at: Timestamp | null;
  nda_version_id: string | null;
  nda_signed_name: string | null;
  nda_accepted_at: Timestamp | null;
  nda_ip: string | null;
  nda_user_agent: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  auto_rule_domain: string | null;
  rejection_reason: string | null;
  created_at: CreatedAt;
}

export interface TrustDocumentRequestItemsTable {
  organization_id: string;
  request_id: string;
  document_id: string;
}

export interface TrustAccessGrantsTable {
  id: Generated<string>;
  organization_id: string;
  request_id: string;
  email: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface TrustSignInLinksTable {
  id: Generated<string>;
  organization_id: string;
  grant_id: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface TrustVisitorSessionsTable {
  id: Generated<string>;
  organization_id: string;
  grant_id: string;
  token_hash: string;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface TrustDocumentDownloadsTable {
  id: Generated<string>;
  organization_id: string;
  document_id: string;
  grant_id: string | null;
  downloaded_at: CreatedAt;
  ip: string | null;
  user_agent: string | null;
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
  frameworks: FrameworksTable;
  requirements: RequirementsTable;
  requirement_mappings: RequirementMappingsTable;
  controls: ControlsTable;
  control_requirements: ControlRequirementsTable;
  applicability: ApplicabilityTable;
  evidence: EvidenceTable;
  evidence_controls: EvidenceControlsTable;
  checks: ChecksTable;
  check_controls: CheckControlsTable;
  metric_samples: MetricSamplesTable;
  tasks: TasksTable;
  notifications: NotificationsTable;
  mail_outbox: MailOutboxTable;
  auditor_framework_scopes: AuditorFrameworkScopesTable;
  assets: AssetsTable;
  risk_matrices: RiskMatricesTable;
  risks: RisksTable;
  risk_assets: RiskAssetsTable;
  risk_controls: RiskControlsTable;
  audit_programmes: AuditProgrammesTable;
  audits: AuditsTable;
  audit_frameworks: AuditFrameworksTable;
  audit_services: AuditServicesTable;
  audit_checklist_items: AuditChecklistItemsTable;
  audit_findings: AuditFindingsTable;
  nonconformities: NonconformitiesTable;
  corrective_actions: CorrectiveActionsTable;
  nonconformity_verifications: NonconformityVerificationsTable;
  policy_documents: PolicyDocumentsTable;
  policy_versions: PolicyVersionsTable;
  policy_campaigns: PolicyCampaignsTable;
  policy_campaign_targets: PolicyCampaignTargetsTable;
  policy_acknowledgements: PolicyAcknowledgementsTable;
  objectives: ObjectivesTable;
  objective_kpis: ObjectiveKpisTable;
  kpi_measurements: KpiMeasurementsTable;
  management_reviews: ManagementReviewsTable;
  management_review_actions: ManagementReviewActionsTable;
  trust_center_settings: TrustCenterSettingsTable;
  trust_certifications: TrustCertificationsTable;
  faq_sections: FaqSectionsTable;
  faq_entries: FaqEntriesTable;
  faq_entry_controls: FaqEntryControlsTable;
  faq_hugo_pages: FaqHugoPagesTable;
  faq_entry_evidence: FaqEntryEvidenceTable;
  subprocessors: SubprocessorsTable;
  subprocessor_subscribers: SubprocessorSubscribersTable;
  subprocessor_notifications: SubprocessorNotificationsTable;
  recurring_activities: RecurringActivitiesTable;
  recurring_activity_controls: RecurringActivityControlsTable;
  activity_occurrences: ActivityOccurrencesTable;
  notification_settings: NotificationSettingsTable;
  questionnaires: QuestionnairesTable;
  questionnaire_items: QuestionnaireItemsTable;
  trust_documents: TrustDocumentsTable;
  trust_nda_versions: TrustNdaVersionsTable;
  trust_auto_approval_rules: TrustAutoApprovalRulesTable;
  trust_document_requests: TrustDocumentRequestsTable;
  trust_document_request_items: TrustDocumentRequestItemsTable;
  trust_access_grants: TrustAccessGrantsTable;
  trust_sign_in_links: TrustSignInLinksTable;
  trust_visitor_sessions: TrustVisitorSessionsTable;
  trust_document_downloads: TrustDocumentDownloadsTable;
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
export type FrameworkRow = Selectable<FrameworksTable>;
export type RequirementRow = Selectable<RequirementsTable>;
export type ControlRow = Selectable<ControlsTable>;
export type EvidenceRow = Selectable<EvidenceTable>;
export type CheckRow = Selectable<ChecksTable>;
export type TaskRow = Selectable<TasksTable>;
export type NotificationRow = Selectable<NotificationsTable>;
