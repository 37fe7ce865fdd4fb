import type { Page, PageQuery } from '../../../contracts/paging.js';
import type {
  DocumentFields,
  DocumentUpdate,
  GeneratedDocumentInput,
  TrustDocument,
} from '../../../contracts/trust-documents.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { conflict } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/index.js';
import { paged } from '../../kernel/http/paging.js';
import { controlsForList, documentColumns, findDocument } from './documents.repository.js';
import type { UploadedPdf } from './documents.upload.js';
import { type DocumentRow, presentDocument } from './trust-documents.presenter.js';

export function listDocuments(ctx: ServiceContext, query: PageQuery): Promise<Page<TrustDocument>> {
  const q = ctx.db
    .selectFrom('trust_documents')
    .select(documentColumns)
    .where('organization_id', '=', ctx.organizationId);
  return paged(q, (x) => x.orderBy('title').orderBy('id'), query, presentDocument);
}

const duplicate = (title: string) => conflict(`A document titled ${title} already exists`);

function fieldValues(f: DocumentFields) {
  return {
    title: f.title,
    description: f.description,
    kind: f.kind,
    access_level: f.accessLevel,
    version_label: f.versionLabel,
    published: f.published,
  };
}

async function insertDocument(
  ctx: ServiceContext,
  values: ReturnType<typeof fieldValues> & {
    source: string;
    file_sha256: string | null;
    file_size: number | null;
    file_name: string | null;
  },
): Promise<TrustDocument> {
  const row = await ctx.db
    .insertInto('trust_documents')
    .values({ organization_id: ctx.organizationId, ...values })
    .returning(documentColumns)
    .executeTakeFirstOrThrow()
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw duplicate(values.title);
      throw error;
    });
  await recordAuditEvent(
    ctx,
    'trust-document.created',
    { type: 'trust-document', id: row.id },
    {
      title: row.title,
      kind: row.kind,
      accessLevel: row.access_level,
      source: row.source,
      sha256: row.file_sha256,
    },
  );
  return presentDocument(row);
}

/** Keeps an uploaded PDF (already checked to be one) under its SHA-256 and lists it as a document. */
export function createUploadedDocument(
  ctx: ServiceContext,
  fields: DocumentFields,
  file: UploadedPdf,
): Promise<TrustDocument> {
  return inTransaction(ctx, async (tx) => {
    const doc = await insertDocument(tx, {
      ...fieldValues(fields),
      source: 'upload',
      file_sha256: file.staged.sha256,
      file_size: file.staged.size,
      file_name: file.name,
    });
    await file.staged.commit();
    return doc;
  });
}

/** The cloud-controls list: no file is kept, the PDF is rendered from the controls at each download. */
export function createGeneratedDocument(
  ctx: ServiceContext,
  input: GeneratedDocumentInput,
): Promise<TrustDocument> {
  return inTransaction(ctx, (tx) =>
    insertDocument(tx, {
      ...fieldValues(input),
      source: 'generated-controls',
      file_sha256: null,
      file_size: null,
      file_name: null,
    }),
  );
}

export function updateDocument(
  ctx: ServiceContext,
  id: string,
  input: DocumentUpdate,
): Promise<TrustDocument> {
  return inTransaction(ctx, async (tx) => {
    const before = await findDocument(tx, id);
    const row = await tx.db
      .updateTable('trust_documents')
      .set({
        title: input.title ?? before.title,
        description: input.description ?? before.description,
        access_level: input.accessLevel ?? before.access_level,
        version_label: input.versionLabel ?? before.version_label,
        published: input.published ?? before.published,
        updated_at: new Date(),
      })
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .returning(documentColumns)
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw duplicate(input.title ?? before.title);
        throw error;
      });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['title', 'description', 'access_level', 'version_label', 'published'] as const) {
      if (before[key] !== row[key]) changes[key] = { from: before[key], to: row[key] };
    }
    await recordAuditEvent(
      tx,
      'trust-document.updated',
      { type: 'trust-document', id },
      { title: row.title, changes },
    );
    return presentDocument(row);
  });
}

async function streamBytes(files: FileStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await files.open(sha256)) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The PDF of a document: the stored upload, or the controls list rendered now from the controls. */
export async function documentPdf(
  ctx: ServiceContext,
  doc: DocumentRow,
  files: FileStore,
  at: Date,
): Promise<Buffer> {
  if (doc.file_sha256) return streamBytes(files, doc.file_sha256);
  const [org, controls] = await Promise.all([
    ctx.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', ctx.organizationId)
      .executeTakeFirstOrThrow(),
    controlsForList(ctx),
  ]);
  const { renderControlsListPdf } = await import('../../../formats/controls-list-pdf.js');
  return renderControlsListPdf({
    title: doc.title,
    organizationName: org.name,
    versionLabel: doc.version_label,
    generatedAt: at.toISOString(),
    controls,
  });
}

export function documentFileName(doc: DocumentRow): string {
  return doc.file_name ?? `${doc.title}.pdf`;
}

/** A staff member's copy of a document, as stored or generated, without a watermark. */
export async function staffDocumentFile(ctx: ServiceContext, id: string, files: FileStore) {
  const doc = await findDocument(ctx, id);
  return { name: documentFileName(doc), bytes: await documentPdf(ctx, doc, files, new Date()) };
}
