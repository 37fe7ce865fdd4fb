import { type Kysely, sql } from 'kysely';
import {
  BackupFormatError,
  type BackupHeader,
  BackupWriter,
  readBackup,
} from '../../../formats/backup-archive.js';
import { latestMigrationName } from '../db/migrate.js';
import type { Database } from '../db/schema.js';

/** Tables a backup holds, parents before children, each with the columns that order its rows. */
export const backedUpTables: readonly { name: string; orderBy: string }[] = [
  { name: 'organizations', orderBy: 'id' },
  { name: 'users', orderBy: 'id' },
  { name: 'locations', orderBy: 'id' },
  { name: 'services', orderBy: 'id' },
  { name: 'user_invitations', orderBy: 'id' },
  { name: 'api_tokens', orderBy: 'id' },
  { name: 'audit_log_heads', orderBy: 'organization_id' },
  { name: 'audit_events', orderBy: 'organization_id, seq' },
  { name: 'audit_checkpoints', orderBy: 'id' },
  { name: 'frameworks', orderBy: 'id' },
  // Parents come before their children in catalogue order, which the self-reference needs on restore.
  { name: 'requirements', orderBy: 'framework_id, position' },
  { name: 'requirement_mappings', orderBy: 'id' },
  { name: 'controls', orderBy: 'id' },
  { name: 'control_requirements', orderBy: 'control_id, requirement_id' },
  { name: 'applicability', orderBy: 'requirement_id' },
  { name: 'evidence', orderBy: 'id' },
  { name: 'evidence_controls', orderBy: 'evidence_id, control_id' },
  { name: 'checks', orderBy: 'id' },
  { name: 'check_controls', orderBy: 'check_id, control_id' },
  { name: 'metric_samples', orderBy: 'id' },
  { name: 'tasks', orderBy: 'id' },
  { name: 'notifications', orderBy: 'id' },
  { name: 'mail_outbox', orderBy: 'id' },
  { name: 'auditor_framework_scopes', orderBy: 'user_id, framework_id' },
  { name: 'assets', orderBy: 'id' },
  { name: 'risk_matrices', orderBy: 'organization_id' },
  { name: 'risks', orderBy: 'id' },
  { name: 'risk_assets', orderBy: 'risk_id, asset_id' },
  { name: 'risk_controls', orderBy: 'risk_id, control_id' },
  { name: 'audit_programmes', orderBy: 'id' },
  { name: 'audits', orderBy: 'id' },
  { name: 'audit_frameworks', orderBy: 'audit_id, framework_id' },
  { name: 'audit_services', orderBy: 'audit_id, service_id' },
  { name: 'audit_checklist_items', orderBy: 'audit_id, position' },
  { name: 'audit_findings', orderBy: 'id' },
  { name: 'nonconformities', orderBy: 'id' },
  { name: 'corrective_actions', orderBy: 'id' },
  { name: 'nonconformity_verifications', orderBy: 'id' },
  { name: 'policy_documents', orderBy: 'id' },
  { name: 'policy_versions', orderBy: 'id' },
  { name: 'policy_campaigns', orderBy: 'id' },
  { name: 'policy_campaign_targets', orderBy: 'campaign_id, user_id' },
  { name: 'policy_acknowledgements', orderBy: 'id' },
  { name: 'objectives', orderBy: 'id' },
  { name: 'objective_kpis', orderBy: 'id' },
  { name: 'kpi_measurements', orderBy: 'id' },
  { name: 'management_reviews', orderBy: 'id' },
  { name: 'management_review_actions', orderBy: 'id' },
  { name: 'trust_center_settings', orderBy: 'organization_id' },
  { name: 'trust_certifications', orderBy: 'id' },
  { name: 'faq_sections', orderBy: 'id' },
  { name: 'faq_entries', orderBy: 'id' },
  { name: 'faq_hugo_pages', orderBy: 'language' },
  { name: 'faq_entry_controls', orderBy: 'entry_id, control_id' },
  { name: 'faq_entry_evidence', orderBy: 'entry_id, evidence_id' },
  { name: 'subprocessors', orderBy: 'id' },
  { name: 'subprocessor_subscribers', orderBy: 'id' },
  { name: 'subprocessor_notifications', orderBy: 'id' },
  { name: 'recurring_activities', orderBy: 'id' },
  { name: 'recurring_activity_controls', orderBy: 'activity_id, control_id' },
  { name: 'activity_occurrences', orderBy: 'id' },
  { name: 'notification_settings', orderBy: 'user_id' },
  { name: 'trust_documents', orderBy: 'id' },
  { name: 'trust_nda_versions', orderBy: 'id' },
  { name: 'trust_auto_approval_rules', orderBy: 'id' },
  { name: 'trust_document_requests', orderBy: 'id' },
  { name: 'trust_document_request_items', orderBy: 'request_id, document_id' },
  { name: 'trust_access_grants', orderBy: 'id' },
  { name: 'trust_document_downloads', orderBy: 'id' },
  { name: 'questionnaires', orderBy: 'id' },
  { name: 'questionnaire_items', orderBy: 'id' },
];

/**
 * Left out on purpose: sessions, visitor sessions and one-time sign-in links (a restore signs everybody out;
 * visitors with a grant ask for a new link), rate-limit counters (they expire within the hour), the
 * audit verification cache, control evidence summaries and the questionnaire knowledge index (all rebuilt) and the migration bookkeeping.
 */
export const tablesNotBackedUp = [
  'sessions',
  'trust_visitor_sessions',
  'trust_sign_in_links',
  'rate_limit_counters',
  'audit_verifications',
  'control_evidence_summaries',
  'questionnaire_knowledge_index',
  'tillit_migrations',
  'tillit_migrations_lock',
];

const BATCH = 2000;

/**
 * Writes every backed-up table from one consistent snapshot. Rows are serialised by PostgreSQL itself
 * (row_to_json), so values round-trip exactly through json_populate_recordset on restore.
 */
export async function writeBackup(
  db: Kysely<Database>,
  auditPublicKey: string,
  emit: (line: string) => void | Promise<void>,
): Promise<{ rows: number }> {
  const pending: string[] = [];
  const writer = new BackupWriter((line) => pending.push(line));
  const flush = async () => {
    for (const line of pending.splice(0)) await emit(line);
  };
  let rows = 0;
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      writer.header({
        format: 'tillit-backup',
        version: 1,
        createdAt: new Date().toISOString(),
        migration: await latestMigrationName(),
        tables: backedUpTables.map((t) => t.name),
        auditPublicKey,
      });
      for (const table of backedUpTables) {
        for (let offset = 0; ; offset += BATCH) {
          const result = await sql<{ j: string }>`
          SELECT row_to_json(t)::text AS j FROM ${sql.table(table.name)} t
          ORDER BY ${sql.raw(table.orderBy)} LIMIT ${BATCH} OFFSET ${offset}`.execute(trx);
          for (const r of result.rows) writer.row(table.name, r.j);
          rows += result.rows.length;
          await flush();
          if (result.rows.length < BATCH) break;
        }
      }
    });
  writer.end();
  await flush();
  return { rows };
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

async function assertEmpty(db: Kysely<Database>): Promise<void> {
  const org = await db.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
  if (org)
    throw new RestoreError(
      'The target database already holds data; restore only into an empty, migrated database',
    );
}

async function insertBatch(
  db: Kysely<Database>,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (!rows.length) return;
  await sql`INSERT INTO ${sql.table(table)}
            SELECT * FROM json_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(rows)}::json)`.execute(
    db,
  );
}

/**
 * Restores a backup into an empty database in one transaction: any problem leaves the database untouched.
 * The archive is opened only once the transaction runs, so a streaming reader loses no lines meanwhile.
 */
export async function restoreBackup(
  db: Kysely<Database>,
  openLines: () => AsyncIterable<string>,
): Promise<{ header: BackupHeader; rows: number }> {
  await assertEmpty(db);
  const latest = await latestMigrationName();
  return db.transaction().execute(async (trx) => {
    let header: BackupHeader | undefined;
    let batch: Record<string, unknown>[] = [];
    let batchTable = '';
    let rows = 0;
    for await (const record of readBackup(openLines())) {
      if (record.kind === 'header') {
        header = record.header;
        if (header.migration !== latest) {
          throw new RestoreError(
            `The backup was made at schema ${header.migration}; this Tillit is at ${latest}`,
          );
        }
        const known = new Set(backedUpTables.map((t) => t.name));
        const unknown = header.tables.filter((t) => !known.has(t));
        if (unknown.length)
          throw new RestoreError(`The backup holds tables this Tillit does not know: ${unknown.join(', ')}`);
        continue;
      }
      if (record.table !== batchTable || batch.length >= 500) {
        await insertBatch(trx, batchTable, batch);
        batch = [];
        batchTable = record.table;
      }
      batch.push(record.row);
      rows++;
    }
    await insertBatch(trx, batchTable, batch);
    if (!header) throw new BackupFormatError('The archive has no header');
    return { header, rows };
  });
}
