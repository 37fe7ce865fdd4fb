import { type SqlBool, sql } from 'kysely';
import type { ItemFilter } from '../../../contracts/questionnaires.js';
import { answerSourcesVisible } from '../../kernel/auth/framework-scope.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { notFound } from '../../kernel/errors/app-error.js';

const countOf = (status: string) =>
  sql<number>`(SELECT count(*) FROM questionnaire_items i WHERE i.questionnaire_id = q.id AND i.status = ${status})`;

/** Questionnaires with their uploader and progress counts, one query however many. */
export function questionnaireQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('questionnaires as q')
    .leftJoin('users as u', 'u.id', 'q.created_by')
    .selectAll('q')
    .select([
      'u.name as created_by_name',
      sql<number>`(SELECT count(*) FROM questionnaire_items i WHERE i.questionnaire_id = q.id)`.as('total'),
      countOf('unanswered').as('unanswered'),
      countOf('proposed').as('proposed'),
      countOf('edited').as('edited'),
      countOf('approved').as('approved'),
      countOf('not-applicable').as('not_applicable'),
    ])
    .where('q.organization_id', '=', ctx.organizationId);
}
export type QuestionnaireRow = Awaited<
  ReturnType<ReturnType<typeof questionnaireQuery>['executeTakeFirstOrThrow']>
>;

export async function findQuestionnaire(ctx: ServiceContext, id: string, lock = false) {
  let q = ctx.db
    .selectFrom('questionnaires')
    .selectAll()
    .where('organization_id', '=', ctx.organizationId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(`Questionnaire ${id}`);
  return row;
}

export function itemQuery(ctx: ServiceContext, questionnaireId: string) {
  return ctx.db
    .selectFrom('questionnaire_items as i')
    .leftJoin('users as a', 'a.id', 'i.approved_by')
    .selectAll('i')
    .select('a.name as approved_by_name')
    .where('i.organization_id', '=', ctx.organizationId)
    .where('i.questionnaire_id', '=', questionnaireId)
    .where(answerSourcesVisible(ctx.actor, 'i.sources'));
}
/** Narrows an item query to a status, a confidence tier ("none": no proposal) and a text in question or answer. */
export function filterItems<Q extends ReturnType<typeof itemQuery>>(query: Q, filter: ItemFilter): Q {
  let q = query;
  if (filter.status) q = q.where('i.status', '=', filter.status) as Q;
  if (filter.confidence === 'none') q = q.where('i.confidence', 'is', null) as Q;
  else if (filter.confidence) q = q.where('i.confidence', '=', filter.confidence) as Q;
  if (filter.q) {
    const pattern = containsPattern(filter.q);
    q = q.where(
      sql<SqlBool>`(i.question ILIKE ${pattern} OR coalesce(i.answer, i.proposed_answer, '') ILIKE ${pattern})`,
    ) as Q;
  }
  return q;
}

export type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>['executeTakeFirstOrThrow']>>;

export async function findItem(ctx: ServiceContext, questionnaireId: string, itemId: string) {
  const row = await itemQuery(ctx, questionnaireId).where('i.id', '=', itemId).executeTakeFirst();
  if (!row) throw notFound(`Questionnaire item ${itemId}`);
  return row;
}
