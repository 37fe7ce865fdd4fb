import type { Claim } from '../../../contracts/claims.js';
import type { ServiceContext } from '../../kernel/context.js';
import { getClaims } from './claims.service.js';

/** The claims as evaluated now, by key: what FAQ answers that rest on claims are judged against. */
export type ClaimGate = Map<string, Claim>;

export async function claimGate(ctx: ServiceContext): Promise<ClaimGate> {
  return new Map((await getClaims(ctx)).map((c) => [c.key, c]));
}

/**
 * Why the claims an answer rests on keep it from the public: a claim that fails, or one the organisation no
 * longer states. Unlike a control's problem, a failing claim cannot be confirmed away: the record must change.
 */
export function claimProblems(keys: readonly string[], gate: ClaimGate): string[] {
  return keys.flatMap((key) => {
    const claim = gate.get(key);
    if (!claim) return [`claim ${key} is not stated`];
    return claim.holds ? [] : [`claim ${key} does not hold: ${claim.problems.join('; ')}`];
  });
}

/** Ids of the organisation's FAQ entries held back by their claims. */
export async function entriesHeldByClaims(ctx: ServiceContext, gate?: ClaimGate): Promise<string[]> {
  const links = await ctx.db
    .selectFrom('faq_entry_claims')
    .select(['entry_id', 'claim_key'])
    .where('organization_id', '=', ctx.organizationId)
    .execute();
  if (links.length === 0) return [];
  const claims = gate ?? (await claimGate(ctx));
  return [
    ...new Set(links.filter((l) => claimProblems([l.claim_key], claims).length > 0).map((l) => l.entry_id)),
  ];
}
