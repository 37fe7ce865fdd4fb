import type { z } from 'zod';
import type { Page, PageQuery } from '../../../contracts/paging.js';
import type {
  Certification,
  CertificationInput,
  TrustSettings,
  trustSettingsResponseSchema,
} from '../../../contracts/trust-center.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { addChangelogEntry } from './changelog.service.js';
import { presentCertification } from './trust-center.presenter.js';

type SettingsResponse = z.infer<typeof trustSettingsResponseSchema>;

export async function getSettings(ctx: ServiceContext): Promise<SettingsResponse> {
  const [row, org] = await Promise.all([
    ctx.db
      .selectFrom('trust_center_settings')
      .selectAll()
      .where('organization_id', '=', ctx.organizationId)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', ctx.organizationId)
      .executeTakeFirstOrThrow(),
  ]);
  if (!row) {
    return {
      title: `${org.name} trust center`,
      intro: '',
      accentColor: '#1f5f8b',
      logoText: org.name,
      slaText: '',
      drText: '',
      customDomain: null,
      published: false,
      faqFourEyes: false,
      siteUrl: null,
      updatedAt: new Date(0).toISOString(),
    };
  }
  return {
    title: row.title,
    intro: row.intro,
    accentColor: row.accent_color,
    logoText: row.logo_text,
    slaText: row.sla_text,
    drText: row.dr_text,
    customDomain: row.custom_domain,
    published: row.published,
    faqFourEyes: row.faq_four_eyes,
    siteUrl: row.site_url,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function putSettings(ctx: ServiceContext, input: TrustSettings): Promise<SettingsResponse> {
  return inTransaction(ctx, async (tx) => {
    const before = await getSettings(tx);
    const values = {
      title: input.title,
      intro: input.intro,
      accent_color: input.accentColor,
      logo_text: input.logoText,
      sla_text: input.slaText,
      dr_text: input.drText,
      custom_domain: input.customDomain,
      published: input.published,
      faq_four_eyes: input.faqFourEyes,
      site_url: input.siteUrl?.replace(/\/+$/, '') ?? null,
      updated_at: new Date(),
    };
    await tx.db
      .insertInto('trust_center_settings')
      .values({ organization_id: tx.organizationId, ...values })
      .onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
      .execute()
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw conflict(`The domain ${input.customDomain} is used by another organisation`);
        throw error;
      });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(input) as (keyof TrustSettings)[]) {
      if (before[key] !== input[key]) changes[key] = { from: before[key], to: input[key] };
    }
    await recordAuditEvent(
      tx,
      'trust-center.settings-updated',
      { type: 'trust-center', id: null },
      { changes },
    );
    return getSettings(tx);
  });
}

function certificationQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('trust_certifications as c')
    .leftJoin('frameworks as f', 'f.id', 'c.framework_id')
    .leftJoin('trust_documents as d', 'd.id', 'c.certificate_document_id')
    .where('c.organization_id', '=', ctx.organizationId)
    .select([
      'c.id',
      'c.name',
      'c.framework_id',
      'f.name as framework_name',
      'c.status',
      'c.target_quarter',
      'c.issuer',
      'c.issued_on',
      'c.expires_on',
      'c.position',
      'c.certificate_document_id',
      'd.title as certificate_title',
      'd.published as certificate_published',
      'd.file_sha256 as certificate_sha256',
      'c.updated_at',
    ]);
}

/** Every certification, for the public page and exports; there are a handful per organisation. */
export async function allCertifications(ctx: ServiceContext): Promise<Certification[]> {
  const rows = await certificationQuery(ctx).orderBy('c.position').orderBy('c.name').limit(200).execute();
  return rows.map(presentCertification);
}

export function listCertifications(ctx: ServiceContext, query: PageQuery): Promise<Page<Certification>> {
  return paged(
    certificationQuery(ctx),
    (q) => q.orderBy('c.position').orderBy('c.name').orderBy('c.id'),
    query,
    presentCertification,
  );
}

async function assertFramework(ctx: ServiceContext, frameworkId: string | null): Promise<void> {
  if (frameworkId === null) return;
  const found = await ctx.db
    .selectFrom('frameworks')
    .select('id')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', frameworkId)
    .executeTakeFirst();
  if (!found) throw new AppError('VALIDATION_FAILED', `Framework ${frameworkId} is not installed`);
}

function columns(input: CertificationInput) {
  return {
    name: input.name,
    framework_id: input.frameworkId,
    status: input.status,
    target_quarter: input.status === 'in-progress' ? input.targetQuarter : null,
    issuer: input.issuer,
    issued_on: input.issuedOn,
    expires_on: input.expiresOn,
    position: input.position,
    certificate_document_id: input.certificateDocumentId,
  };
}

/** The certificate must be an uploaded trust document of this organisation (a generated list is no certificate). */
async function assertCertificateDocument(ctx: ServiceContext, documentId: string | null): Promise<void> {
  if (documentId === null) return;
  const found = await ctx.db
    .selectFrom('trust_documents')
    .select('source')
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!found)
    throw new AppError('VALIDATION_FAILED', `certificateDocumentId: no trust document ${documentId}`);
  if (found.source !== 'upload')
    throw new AppError(
      'VALIDATION_FAILED',
      'certificateDocumentId: the certificate must be an uploaded file',
    );
}

/** How a certification's state reads in the changelog. */
function certificationState(c: { status: string; targetQuarter: string | null; expiresOn: string | null }) {
  if (c.status === 'certified') return c.expiresOn ? `certified, valid until ${c.expiresOn}` : 'certified';
  if (c.status === 'in-progress')
    return `in progress${c.targetQuarter ? `, expected ${c.targetQuarter}` : ''}`;
  return `planned${c.targetQuarter ? ` for ${c.targetQuarter}` : ''}`;
}

const duplicateName = (name: string) => conflict(`A certification named ${name} already exists`);

export function createCertification(ctx: ServiceContext, input: CertificationInput): Promise<Certification> {
  return inTransaction(ctx, async (tx) => {
    await assertFramework(tx, input.frameworkId);
    await assertCertificateDocument(tx, input.certificateDocumentId);
    const row = await tx.db
      .insertInto('trust_certifications')
      .values({ organization_id: tx.organizationId, ...columns(input) })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateName(input.name);
        throw error;
      });
    await addChangelogEntry(
      tx,
      'certification',
      `Certification listed: ${input.name}, ${certificationState(input)}`,
    );
    await recordAuditEvent(
      tx,
      'trust-certification.created',
      { type: 'trust-certification', id: row.id },
      {
        name: input.name,
        status: input.status,
      },
    );
    return presentCertification(
      await certificationQuery(tx).where('c.id', '=', row.id).executeTakeFirstOrThrow(),
    );
  });
}

export function updateCertification(
  ctx: ServiceContext,
  id: string,
  input: CertificationInput,
): Promise<Certification> {
  return inTransaction(ctx, async (tx) => {
    const before = await certificationQuery(tx).where('c.id', '=', id).executeTakeFirst();
    if (!before) throw notFound(`Certification ${id}`);
    await assertFramework(tx, input.frameworkId);
    await assertCertificateDocument(tx, input.certificateDocumentId);
    await tx.db
      .updateTable('trust_certifications')
      .set({ ...columns(input), updated_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .execute()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicateName(input.name);
        throw error;
      });
    const after = await certificationQuery(tx).where('c.id', '=', id).executeTakeFirstOrThrow();
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['name', 'status', 'target_quarter', 'issuer', 'issued_on', 'expires_on'] as const) {
      if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
    }
    if (changes.status || changes.expires_on || changes.target_quarter)
      await addChangelogEntry(
        tx,
        'certification',
        `Certification ${after.name}: ${certificationState({ status: after.status, targetQuarter: after.target_quarter, expiresOn: after.expires_on })}`,
      );
    await recordAuditEvent(
      tx,
      'trust-certification.updated',
      { type: 'trust-certification', id },
      {
        name: after.name,
        changes,
      },
    );
    return presentCertification(after);
  });
}

export async function deleteCertification(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .deleteFrom('trust_certifications')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .returning('name')
      .executeTakeFirst();
    if (!row) throw notFound(`Certification ${id}`);
    await addChangelogEntry(tx, 'certification', `Certification no longer listed: ${row.name}`);
    await recordAuditEvent(tx, 'trust-certification.deleted', { type: 'trust-certification', id }, row);
  });
}
