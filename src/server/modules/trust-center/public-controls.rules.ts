import type { CheckStatus } from '../../../contracts/checks.js';
import type { PublicControlState } from '../../../contracts/public-controls.js';

/** One chosen control with what its public state is computed from. */
export interface PublicControlRecord {
  status: string;
  /** `fresh`, `stale` or `missing`, as `evidenceState` computes it. */
  evidence: string;
  newestEvidence: Date | null;
  checks: { name: string; status: CheckStatus; lastRunAt: Date | null }[];
}

export interface PublicControlHealth {
  state: PublicControlState;
  evidenceDate: Date | null;
  checkedAt: Date | null;
  problems: string[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The health the public may read of a control. Anything short of implemented, current evidence and no failing
 * check is `under-review`: the page then states nothing about the control's health (a claim that does not
 * hold is not published), and staff see each reason. A check that never ran proves nothing either way.
 */
export function publicControlHealth(r: PublicControlRecord): PublicControlHealth {
  const problems: string[] = [];
  if (r.status !== 'implemented')
    problems.push(`the control is ${r.status.replace('-', ' ')}, not implemented`);
  for (const c of r.checks.filter((x) => x.status === 'failing'))
    problems.push(`check "${c.name}" is failing`);
  if (r.evidence === 'missing') problems.push('no evidence is linked to it');
  if (r.evidence === 'stale')
    problems.push(
      `none of its evidence is current${r.newestEvidence ? ` (newest proves ${day(r.newestEvidence)})` : ''}`,
    );
  const passing = r.checks.filter((c) => c.status === 'passing' && c.lastRunAt !== null);
  const lastRun = passing.reduce<Date | null>(
    (max, c) => (c.lastRunAt && (!max || c.lastRunAt > max) ? c.lastRunAt : max),
    null,
  );
  if (problems.length > 0) return { state: 'under-review', evidenceDate: null, checkedAt: null, problems };
  return {
    state: passing.length > 0 ? 'monitored' : 'evidenced',
    evidenceDate: r.newestEvidence,
    checkedAt: lastRun,
    problems,
  };
}
