import { sql } from 'kysely';
import { controlVisible, evidenceVisible } from '../../kernel/auth/framework-scope.js';
import { type Actor, type ServiceContext, systemActor } from '../../kernel/context.js';
import { evidenceState, isFailing } from '../controls/index.js';

/**
 * Why an entry's claim may no longer hold, computed per entry in the same query: a linked control whose
 * check fails or whose evidence is stale or missing, or linked evidence that has expired. Links a scoped
 * auditor may not see are left out of the links and of the reason alike.
 */
const reviewReason = (actor: Actor) => sql<string | null>`(
  SELECT string_agg(r.reason, '; ' ORDER BY r.reason) FROM (
    SELECT 'control ' || c.ref || ' has a failing check' AS reason
      FROM faq_entry_controls l JOIN controls c ON c.id = l.control_id
      WHERE l.entry_id = e.id AND ${isFailing('c')} AND ${controlVisible(actor, 'c.id')}
    UNION ALL
    SELECT 'control ' || c.ref || ' has ' || ${evidenceState('c')} || ' evidence'
      FROM faq_entry_controls l JOIN controls c ON c.id = l.control_id
      WHERE l.entry_id = e.id AND ${evidenceState('c')} <> 'fresh' AND ${controlVisible(actor, 'c.id')}
    UNION ALL
    SELECT 'evidence "' || ev.title || '" is not valid today'
      FROM faq_entry_evidence l JOIN evidence ev ON ev.id = l.evidence_id
      WHERE l.entry_id = e.id AND (ev.valid_from > now() OR ev.expires_at <= now())
        AND ${evidenceVisible(actor, 'ev.id')}
  ) r)`;

const linkedControls = (actor: Actor) => sql<{ id: string; ref: string; title: string }[]>`COALESCE((
  SELECT json_agg(json_build_object('id', c.id, 'ref', c.ref, 'title', c.title) ORDER BY c.ref)
  FROM faq_entry_controls l JOIN controls c ON c.id = l.control_id
  WHERE l.entry_id = e.id AND ${controlVisible(actor, 'c.id')}), '[]'::json)`;

const linkedEvidence = (actor: Actor) => sql<{ id: string; title: string }[]>`COALESCE((
  SELECT json_agg(json_build_object('id', ev.id, 'title', ev.title) ORDER BY ev.title)
  FROM faq_entry_evidence l JOIN evidence ev ON ev.id = l.evidence_id
  WHERE l.entry_id = e.id AND ${evidenceVisible(actor, 'ev.id')}), '[]'::json)`;

/** The SQL form of needsReview, for filtering lists and the public page; judged over every link. */
export const needsReviewSql = sql<boolean>`(${reviewReason(systemActor)} IS NOT NULL AND ${reviewReason(systemActor)} IS DISTINCT FROM e.confirmed_reason)`;

/** Entries with their section, links and review state; one query however many entries. */
export function faqEntryQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('faq_entries as e')
    .innerJoin('faq_sections as s', 's.id', 'e.section_id')
    .leftJoin('users as editor', 'editor.id', 'e.last_edited_by')
    .leftJoin('users as publisher', 'publisher.id', 'e.published_by')
    .where('e.organization_id', '=', ctx.organizationId)
    .select([
      'e.id',
      'e.section_id',
      's.title as section_title',
      's.language',
      's.position as section_position',
      'e.question',
      'e.answer',
      'e.position',
      'e.published',
      'e.confirmed_reason',
      'e.confirmed_at',
      'e.confirmed_note',
      'e.last_edited_by',
      'editor.name as last_edited_by_name',
      'publisher.name as published_by_name',
      'e.published_at',
      'e.updated_at',
      reviewReason(ctx.actor).as('review_reason'),
      linkedControls(ctx.actor).as('controls'),
      linkedEvidence(ctx.actor).as('evidence'),
      sql<string[]>`COALESCE((SELECT json_agg(l.claim_key ORDER BY l.claim_key) FROM faq_entry_claims l
        WHERE l.entry_id = e.id), '[]'::json)`.as('claim_keys'),
    ]);
}

export type FaqEntryRow = Awaited<ReturnType<ReturnType<typeof faqEntryQuery>['executeTakeFirstOrThrow']>>;

/** Held back from the public page: a current problem that nobody has confirmed as it stands now. */
export function needsReview(row: Pick<FaqEntryRow, 'review_reason' | 'confirmed_reason'>): boolean {
  return row.review_reason !== null && row.review_reason !== row.confirmed_reason;
}

export function entryOrder<Q extends ReturnType<typeof faqEntryQuery>>(q: Q): Q {
  return q
    .orderBy('s.language')
    .orderBy('s.position')
    .orderBy('s.title')
    .orderBy('e.position')
    .orderBy('e.question') as Q;
}
