import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { enqueueMail } from '../../kernel/mail/index.js';
import { getClaims } from './claims.service.js';
import { activeSubscribers, unsubscribeFooter } from './subscriptions.service.js';

export type ChangelogKind = 'certification' | 'subprocessor' | 'claim';

export interface ChangelogEntry {
  id: string;
  kind: ChangelogKind;
  title: string;
  happenedAt: Date;
}

/**
 * Adds one entry inside the caller's transaction, so the change and its public record commit together.
 * `mailed`: the change already told the subscribers itself (a sub-processor announcement).
 */
export async function addChangelogEntry(
  tx: ServiceContext,
  kind: ChangelogKind,
  title: string,
  { mailed = false } = {},
): Promise<void> {
  await tx.db
    .insertInto('trust_changelog')
    .values({ organization_id: tx.organizationId, kind, title, mailed_at: mailed ? new Date() : null })
    .execute();
}

/** The newest entries first. */
export async function listChangelog(ctx: ServiceContext, limit = 100): Promise<ChangelogEntry[]> {
  const rows = await ctx.db
    .selectFrom('trust_changelog')
    .select(['id', 'kind', 'title', 'happened_at'])
    .where('organization_id', '=', ctx.organizationId)
    .orderBy('happened_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ChangelogKind,
    title: r.title,
    happenedAt: new Date(r.happened_at),
  }));
}

/**
 * Compares every claim with the state recorded at the last run: a claim that starts or stops holding becomes
 * one entry. A claim seen for the first time is recorded without an entry (nothing changed for readers).
 * A claim that stops holding is named by its true state, or only by its key when it has none, so the
 * changelog never repeats a statement that is no longer true as if it were.
 */
export function recordClaimChanges(ctx: ServiceContext, now = new Date()): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const [claims, states] = await Promise.all([
      getClaims(tx, now),
      tx.db
        .selectFrom('trust_claim_states')
        .select(['claim_key', 'holds'])
        .where('organization_id', '=', tx.organizationId)
        .execute(),
    ]);
    const known = new Map(states.map((s) => [s.claim_key, s.holds]));
    const changed: string[] = [];
    for (const c of claims) {
      const before = known.get(c.key);
      known.delete(c.key);
      if (before === c.holds) continue;
      await tx.db
        .insertInto('trust_claim_states')
        .values({ organization_id: tx.organizationId, claim_key: c.key, holds: c.holds, changed_at: now })
        .onConflict((oc) =>
          oc.columns(['organization_id', 'claim_key']).doUpdateSet({ holds: c.holds, changed_at: now }),
        )
        .execute();
      if (before === undefined) continue;
      const title = c.holds
        ? `Verified again: ${c.statement}`
        : c.trueState
          ? `Updated: ${c.trueState}`
          : `Withdrawn while it cannot be verified: our statement on ${c.key}`;
      await addChangelogEntry(tx, 'claim', title);
      changed.push(c.key);
    }
    if (known.size > 0)
      await tx.db
        .deleteFrom('trust_claim_states')
        .where('organization_id', '=', tx.organizationId)
        .where('claim_key', 'in', [...known.keys()])
        .execute();
    if (changed.length > 0)
      await recordAuditEvent(
        tx,
        'trust-changelog.claims-changed',
        { type: 'trust-changelog', id: null },
        { keys: changed },
      );
    return changed.length;
  });
}

/**
 * Sends the entries not yet mailed to every verified subscriber, one message each, and marks them mailed in the
 * same transaction as the outbox rows. Entries made while the trust center is unpublished are marked without
 * being sent: subscribers hear about what they could read.
 */
export function mailChangelog(ctx: ServiceContext, publicUrl: string, published: boolean): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const entries = await tx.db
      .selectFrom('trust_changelog')
      .select(['id', 'title', 'happened_at'])
      .where('organization_id', '=', tx.organizationId)
      .where('mailed_at', 'is', null)
      .orderBy('happened_at')
      .orderBy('id')
      .forUpdate()
      .execute();
    if (entries.length === 0) return 0;
    const subscribers = published ? await activeSubscribers(tx) : [];
    const org = await tx.db
      .selectFrom('organizations')
      .select('name')
      .where('id', '=', tx.organizationId)
      .executeTakeFirstOrThrow();
    const last = entries.at(-1)?.id ?? '';
    const text = [
      `What changed on the ${org.name} trust center:`,
      '',
      ...entries.map((e) => `- ${new Date(e.happened_at).toISOString().slice(0, 10)}: ${e.title}`),
      '',
      `All changes: ${publicUrl}/trust/changes (Atom feed: ${publicUrl}/trust/changes.atom)`,
    ].join('\n');
    for (const s of subscribers) {
      await enqueueMail(tx, {
        to: s.email,
        subject: `${org.name} trust center: ${entries.length} change(s)`,
        text: text + (await unsubscribeFooter(tx, s.id, publicUrl)),
        dedupeKey: `trust-changelog:${last}:${s.id}`,
      });
    }
    await tx.db
      .updateTable('trust_changelog')
      .set({ mailed_at: new Date() })
      .where('organization_id', '=', tx.organizationId)
      .where(
        'id',
        'in',
        entries.map((e) => e.id),
      )
      .execute();
    await recordAuditEvent(
      tx,
      'trust-changelog.mailed',
      { type: 'trust-changelog', id: null },
      { entries: entries.length, recipients: subscribers.length },
    );
    return subscribers.length;
  });
}
