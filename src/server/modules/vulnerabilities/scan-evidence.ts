import type { ScanImport } from '../../../contracts/vulnerabilities.js';
import type { ServiceContext } from '../../kernel/context.js';
import { addLinkEvidence } from '../evidence/index.js';

/** ISO/IEC 27001:2022 A.8.8 (technical vulnerabilities) and NIS2 Art. 21(2)(e) (vulnerability handling). */
const REQUIREMENT_REFS = ['A.8.8', '21(2)(e)'];

/** References of the organisation's controls that implement A.8.8 or NIS2 21(2)(e). */
async function vulnerabilityControls(ctx: ServiceContext): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('control_requirements as cr')
    .innerJoin('requirements as r', 'r.id', 'cr.requirement_id')
    .innerJoin('controls as c', 'c.id', 'cr.control_id')
    .select('c.ref')
    .distinct()
    .where('cr.organization_id', '=', ctx.organizationId)
    .where('r.ref', 'in', REQUIREMENT_REFS)
    .orderBy('c.ref')
    .limit(100)
    .execute();
  return rows.map((r) => r.ref);
}

/** Records the import as evidence, dated when the scan ran, of the controls for A.8.8 / NIS2 21(2)(e). */
export async function recordScanEvidence(
  ctx: ServiceContext,
  scan: ScanImport,
  fileName: string,
  url: string,
): Promise<void> {
  const controlRefs = await vulnerabilityControls(ctx);
  if (controlRefs.length === 0) return;
  await addLinkEvidence(ctx, {
    title: `Vulnerability scan: ${fileName} (${scan.scanner})`.slice(0, 300),
    description:
      `${scan.findings} findings on ${scan.targets} target(s): ${scan.new} new, ${scan.reopened} reopened, ` +
      `${scan.fixed} fixed by this scan.`,
    url,
    validFrom: scan.scannedAt,
    expiresAt: null,
    controlIds: [],
    controlRefs,
  });
}
