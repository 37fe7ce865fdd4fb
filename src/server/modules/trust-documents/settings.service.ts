import type { Page, PageQuery } from '../../../contracts/paging.js';
import type {
  AutoApprovalRule,
  AutoApprovalRuleInput,
  NdaVersion,
} from '../../../contracts/trust-documents.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { isUniqueViolation } from '../../kernel/db/db-errors.js';
import { lockOrganization } from '../../kernel/db/organization-references.js';
import { conflict, notFound } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';
import { presentNda, presentRule } from './trust-documents.presenter.js';

export function listNdaVersions(ctx: ServiceContext, query: PageQuery): Promise<Page<NdaVersion>> {
  const q = ctx.db
    .selectFrom('trust_nda_versions')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId);
  return paged(q, (x) => x.orderBy('version', 'desc'), query, presentNda);
}

/** The NDA visitors accept now: the newest version, or none when staff have written none yet. */
export function currentNda(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('trust_nda_versions')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A new NDA text is the next version; acceptances keep pointing at the version that was shown. */
export function createNdaVersion(ctx: ServiceContext, text: string): Promise<NdaVersion> {
  return inTransaction(ctx, async (tx) => {
    await lockOrganization(tx);
    const latest = await currentNda(tx);
    const row = await tx.db
      .insertInto('trust_nda_versions')
      .values({
        organization_id: tx.organizationId,
        version: (latest?.version ?? 0) + 1,
        text,
        created_by: tx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAuditEvent(
      tx,
      'trust-nda.version-created',
      { type: 'trust-nda', id: row.id },
      { version: row.version },
    );
    return presentNda(row);
  });
}

export function listRules(ctx: ServiceContext, query: PageQuery): Promise<Page<AutoApprovalRule>> {
  const q = ctx.db
    .selectFrom('trust_auto_approval_rules')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId);
  return paged(q, (x) => x.orderBy('domain'), query, presentRule);
}

export function createRule(ctx: ServiceContext, input: AutoApprovalRuleInput): Promise<AutoApprovalRule> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .insertInto('trust_auto_approval_rules')
      .values({
        organization_id: tx.organizationId,
        domain: input.domain,
        approves_on_request: input.approvesOnRequest,
        approves_nda: input.approvesNda,
        expires_in_days: input.expiresInDays,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw conflict(`A rule for ${input.domain} already exists`);
        throw error;
      });
    await recordAuditEvent(
      tx,
      'trust-auto-approval-rule.created',
      { type: 'trust-auto-approval-rule', id: row.id },
      {
        domain: row.domain,
        approvesOnRequest: row.approves_on_request,
        approvesNda: row.approves_nda,
        expiresInDays: row.expires_in_days,
      },
    );
    return presentRule(row);
  });
}

export function deleteRule(ctx: ServiceContext, id: string): Promise<void> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .deleteFrom('trust_auto_approval_rules')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .returning('domain')
      .executeTakeFirst();
    if (!row) throw notFound(`Auto-approval rule ${id}`);
    await recordAuditEvent(
      tx,
      'trust-auto-approval-rule.deleted',
      { type: 'trust-auto-approval-rule', id },
      row,
    );
  });
}

/** The rule for an address's domain (exact match, lower case), if any. */
export function ruleForEmail(ctx: ServiceContext, email: string) {
  const domain = email.split('@').pop()?.toLowerCase() ?? '';
  return ctx.db
    .selectFrom('trust_auto_approval_rules')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('domain', '=', domain)
    .executeTakeFirst();
}
