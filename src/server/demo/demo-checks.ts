import { checkInputSchema } from '../../contracts/checks.js';
import type { ServiceContext } from '../kernel/context.js';
import { createCheck, pushCheckResult, runCheck } from '../modules/checks/index.js';
import { controlIds } from './demo-trust-center.js';

/**
 * Checks that watch a few of the controls the trust center shows: the vulnerability programme from the demo's own
 * scans and findings, and disk encryption from a compliance job in CI. Run once here so the controls show what the
 * checks found; afterwards the schedule (and CI's pushes, in a real installation) keep them current.
 */
const checks = [
  {
    name: 'Production assets scanned within 8 days',
    kind: 'vulnerability-scan-age' as const,
    config: { maxAgeDays: 8 },
    control: 'Vulnerability management',
  },
  {
    name: 'No critical vulnerability past its fix-by date',
    kind: 'vulnerability-fix-by' as const,
    config: { severity: 'critical' as const },
    control: 'Vulnerability management',
  },
  {
    name: 'Disk encryption compliance job (CI)',
    kind: 'ci-push' as const,
    config: { maxAgeHours: 26 },
    control: 'Encryption of data at rest',
  },
];

export async function seedDemoChecks(ctx: ServiceContext): Promise<void> {
  for (const c of checks) {
    const [controlId] = await controlIds(ctx, [c.control]);
    const check = await createCheck(
      ctx,
      checkInputSchema.parse({
        name: c.name,
        kind: c.kind,
        config: c.config,
        schedule: c.kind === 'ci-push' ? '0 * * * *' : '15 * * * *',
        evidenceValidityDays: 8,
        controlIds: controlId ? [controlId] : [],
      }),
    );
    if (c.kind === 'ci-push')
      await pushCheckResult(ctx, check.id, {
        outcome: 'pass',
        summary: 'All 412 volumes report encryption at rest (LUKS2, AES-256-XTS)',
      });
    else await runCheck(ctx, check.id);
  }
}
