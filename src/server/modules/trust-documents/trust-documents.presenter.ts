import type { Selectable } from 'kysely';
import type { AutoApprovalRule, NdaVersion, TrustDocument } from '../../../contracts/trust-documents.js';
import type {
  TrustAutoApprovalRulesTable,
  TrustDocumentsTable,
  TrustNdaVersionsTable,
} from '../../kernel/db/schema.js';

export const iso = (d: Date | string | null): string | null =>
  d === null ? null : new Date(d).toISOString();
export const isoOf = (d: Date | string): string => new Date(d).toISOString();

export type DocumentRow = Selectable<TrustDocumentsTable>;

export function presentDocument(row: DocumentRow): TrustDocument {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    kind: row.kind,
    accessLevel: row.access_level,
    versionLabel: row.version_label,
    published: row.published,
    source: row.source === 'upload' ? 'upload' : 'generated-controls',
    fileName: row.file_name,
    fileSize: row.file_size,
    sha256: row.file_sha256,
    updatedAt: isoOf(row.updated_at),
  };
}

export function presentNda(row: Selectable<TrustNdaVersionsTable>): NdaVersion {
  return { id: row.id, version: row.version, text: row.text, createdAt: isoOf(row.created_at) };
}

export function presentRule(row: Selectable<TrustAutoApprovalRulesTable>): AutoApprovalRule {
  return {
    id: row.id,
    domain: row.domain,
    approvesOnRequest: row.approves_on_request,
    approvesNda: row.approves_nda,
    expiresInDays: row.expires_in_days,
    createdAt: isoOf(row.created_at),
  };
}

export function grantState(g: { revoked_at: Date | null; expires_at: Date }, now = new Date()) {
  if (g.revoked_at) return 'revoked' as const;
  return new Date(g.expires_at) <= now ? ('expired' as const) : ('active' as const);
}
