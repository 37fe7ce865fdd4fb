import type { Page } from '../../../contracts/paging.js';
import type { User } from '../../../contracts/users.js';
import type { ServiceContext } from '../../kernel/context.js';
import { containsPattern } from '../../kernel/db/like-pattern.js';
import { paged } from '../../kernel/http/paging.js';
import { presentUser } from './users.presenter.js';

/** People of the organisation whose name or e-mail contains `q`; for global search. */
export function searchPeople(ctx: ServiceContext, q: string, limit: number): Promise<Page<User>> {
  const pattern = containsPattern(q);
  return paged(
    ctx.db
      .selectFrom('users')
      .selectAll()
      .where('organization_id', '=', ctx.organizationId)
      .where((eb) => eb.or([eb('name', 'ilike', pattern), eb('email', 'ilike', pattern)])),
    (x) => x.orderBy('name').orderBy('id'),
    { page: 1, pageSize: limit },
    presentUser,
  );
}
