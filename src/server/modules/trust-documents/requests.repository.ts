import type { Page } from '../../../contracts/paging.js';
import type { DocumentRequest, RequestStatus } from '../../../contracts/trust-documents.js';
import type { ServiceContext } from '../../kernel/context.js';
import { paged } from '../../kernel/http/paging.js';
import { iso, isoOf } from './trust-documents.presenter.js';

type RequestDocs = DocumentRequest['documents'];

async function documentsOf(ctx: ServiceContext, ids: string[]): Promise<Map<string, RequestDocs>> {
  const map = new Map<string, RequestDocs>();
  if (ids.length === 0) return map;
  const rows = await ctx.db
    .selectFrom('trust_document_request_items as i')
    .innerJoin('trust_documents as d', 'd.id', 'i.document_id')
    .select(['i.request_id', 'd.id', 'd.title', 'd.access_level'])
    .where('i.organization_id', '=', ctx.organizationId)
    .where('i.request_id', 'in', ids)
    .orderBy('d.title')
    .execute();
  for (const r of rows) {
    const entry = { id: r.id, title: r.title, accessLevel: r.access_level };
    map.set(r.request_id, [...(map.get(r.request_id) ?? []), entry]);
  }
  return map;
}

/** The requests queue, newest first, with the documents asked for and the NDA acceptance when there is one. */
export async function listRequests(
  ctx: ServiceContext,
  query: { status?: RequestStatus | undefined; page: number; pageSize: number },
): Promise<Page<DocumentRequest>> {
  let q = ctx.db
    .selectFrom('trust_document_requests as r')
    .leftJoin('trust_nda_versions as n', 'n.id', 'r.nda_version_id')
    .select([
      'r.id',
      'r.name',
      'r.email',
      'r.company',
      'r.reason',
      'r.status',
      'r.verified_at',
      'r.nda_signed_name',
      'r.nda_accepted_at',
      'r.nda_ip',
      'r.nda_user_agent',
      'n.version as nda_version',
      'r.decided_at',
      'r.auto_rule_domain',
      'r.rejection_reason',
      'r.created_at',
    ])
    .where('r.organization_id', '=', ctx.organizationId);
  if (query.status) q = q.where('r.status', '=', query.status);
  const page = await paged(
    q,
    (x) => x.orderBy('r.created_at', 'desc').orderBy('r.id'),
    query,
    (r) => r,
  );
  const docs = await documentsOf(
    ctx,
    page.items.map((r) => r.id),
  );
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      company: r.company,
      reason: r.reason,
      status: r.status,
      documents: docs.get(r.id) ?? [],
      verifiedAt: iso(r.verified_at),
      nda:
        r.nda_accepted_at && r.nda_version !== null
          ? {
              version: r.nda_version,
              signedName: r.nda_signed_name ?? '',
              acceptedAt: isoOf(r.nda_accepted_at),
              ip: r.nda_ip,
              userAgent: r.nda_user_agent,
            }
          : null,
      decidedAt: iso(r.decided_at),
      autoApprovedBy: r.auto_rule_domain,
      rejectionReason: r.rejection_reason,
      createdAt: isoOf(r.created_at),
    })),
  };
}
