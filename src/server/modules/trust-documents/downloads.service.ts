import type { Page, PageQuery } from '../../../contracts/paging.js';
import type { DocumentDownload, DocumentStats } from '../../../contracts/trust-documents.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import type { FileStore } from '../../kernel/files/index.js';
import { paged } from '../../kernel/http/paging.js';
import { sessionGrant } from './access.service.js';
import { documentColumns, findDocument } from './documents.repository.js';
import { documentFileName, documentPdf } from './documents.service.js';
import type { ClientInfo } from './requests.service.js';
import { type DocumentRow, isoOf } from './trust-documents.presenter.js';

export interface DownloadedFile {
  name: string;
  bytes: Uint8Array;
}

const refused = (message: string) => new AppError('FORBIDDEN', message);

async function record(
  ctx: ServiceContext,
  doc: DocumentRow,
  grantId: string | null,
  client: ClientInfo,
  watermarked: boolean,
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .insertInto('trust_document_downloads')
      .values({
        organization_id: tx.organizationId,
        document_id: doc.id,
        grant_id: grantId,
        ip: client.ip,
        user_agent: client.userAgent,
      })
      .execute();
    await recordAuditEvent(
      tx,
      'trust-document.downloaded',
      { type: 'trust-document', id: doc.id },
      { title: doc.title, grantId, watermarked },
    );
  });
}

async function publishedDocument(ctx: ServiceContext, id: string): Promise<DocumentRow> {
  const doc = await findDocument(ctx, id);
  if (!doc.published) throw refused('This document is not published');
  return doc;
}

/**
 * A download from the public page. Public documents need nothing; any other document needs a live visitor
 * session whose grant covers it (and an accepted NDA for NDA-required ones), and is watermarked with the
 * visitor's name, e-mail and the UTC time. Every download is recorded.
 */
export async function downloadDocument(
  ctx: ServiceContext,
  id: string,
  sessionToken: string | undefined,
  client: ClientInfo,
  files: FileStore,
): Promise<DownloadedFile> {
  const doc = await publishedDocument(ctx, id);
  // The watermark names the second of the download.
  const at = new Date(Math.floor(Date.now() / 1000) * 1000);
  if (doc.access_level === 'public') {
    const bytes = await documentPdf(ctx, doc, files, at);
    await record(ctx, doc, null, client, false);
    return { name: documentFileName(doc), bytes };
  }
  const grant = await sessionGrant(ctx, sessionToken);
  if (!grant) throw refused('Your access has ended or you are not signed in: ask for a new sign-in link');
  const covered = await ctx.db
    .selectFrom('trust_document_request_items')
    .select('document_id')
    .where('organization_id', '=', ctx.organizationId)
    .where('request_id', '=', grant.request_id)
    .where('document_id', '=', doc.id)
    .executeTakeFirst();
  if (!covered) throw refused('Your access does not include this document');
  if (doc.access_level === 'nda' && !grant.nda_accepted_at) {
    throw refused('This document now requires an NDA, which was not accepted for your access');
  }
  const { watermarkPdf } = await import('../../../formats/pdf-watermark.js');
  const bytes = await watermarkPdf(await documentPdf(ctx, doc, files, at), {
    name: grant.name,
    email: grant.email,
    at,
  });
  await record(ctx, doc, grant.id, client, true);
  return { name: documentFileName(doc), bytes };
}

/** What a signed-in visitor may download now; undefined when the session or its grant is no longer live. */
export async function visitorDocuments(ctx: ServiceContext, sessionToken: string | undefined) {
  const grant = await sessionGrant(ctx, sessionToken);
  if (!grant) return undefined;
  const docs = await ctx.db
    .selectFrom('trust_document_request_items as i')
    .innerJoin('trust_documents as d', 'd.id', 'i.document_id')
    .select(documentColumns.map((c) => `d.${c}` as const))
    .where('i.organization_id', '=', ctx.organizationId)
    .where('i.request_id', '=', grant.request_id)
    .where('d.published', '=', true)
    .orderBy('d.title')
    .execute();
  return { name: grant.name, email: grant.email, expiresAt: isoOf(grant.expires_at), documents: docs };
}

/** Per document: how many requests asked for it and how often it was downloaded. */
export function documentStats(ctx: ServiceContext, query: PageQuery): Promise<Page<DocumentStats>> {
  const q = ctx.db
    .selectFrom('trust_documents as d')
    .select((eb) => [
      'd.id',
      'd.title',
      'd.access_level',
      eb
        .selectFrom('trust_document_request_items as i')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('i.document_id', '=', 'd.id')
        .where('i.organization_id', '=', ctx.organizationId)
        .as('requests'),
      eb
        .selectFrom('trust_document_downloads as w')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('w.document_id', '=', 'd.id')
        .where('w.organization_id', '=', ctx.organizationId)
        .as('downloads'),
    ])
    .where('d.organization_id', '=', ctx.organizationId);
  return paged(
    q,
    (x) => x.orderBy('d.title'),
    query,
    (r) => ({
      id: r.id,
      title: r.title,
      accessLevel: r.access_level,
      requests: Number(r.requests ?? 0),
      downloads: Number(r.downloads ?? 0),
    }),
  );
}

export function listDownloads(ctx: ServiceContext, query: PageQuery): Promise<Page<DocumentDownload>> {
  const q = ctx.db
    .selectFrom('trust_document_downloads as w')
    .innerJoin('trust_documents as d', 'd.id', 'w.document_id')
    .leftJoin('trust_access_grants as g', 'g.id', 'w.grant_id')
    .select(['w.id', 'd.title', 'g.email', 'w.downloaded_at', 'w.ip', 'w.user_agent'])
    .where('w.organization_id', '=', ctx.organizationId);
  return paged(
    q,
    (x) => x.orderBy('w.downloaded_at', 'desc').orderBy('w.id'),
    query,
    (r) => ({
      id: r.id,
      documentTitle: r.title,
      email: r.email,
      downloadedAt: isoOf(r.downloaded_at),
      ip: r.ip,
      userAgent: r.user_agent,
    }),
  );
}
