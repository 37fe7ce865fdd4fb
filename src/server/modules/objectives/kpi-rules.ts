import type { z } from 'zod';
import type { kpiInputSchema } from '../../../contracts/objectives.js';
import { AppError } from '../../kernel/errors/app-error.js';

type KpiInput = z.output<typeof kpiInputSchema>;

/** A threshold marks "at risk", so it must lie on the worse side of the target. */
export function assertKpi(kpi: KpiInput, path: string): void {
  if (kpi.threshold === null) return;
  const higher = kpi.direction === 'higher-is-better';
  const worse = higher ? kpi.threshold < kpi.target : kpi.threshold > kpi.target;
  if (!worse) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The threshold of "${kpi.name}" (${kpi.threshold}) must be ${higher ? 'below' : 'above'} its target (${kpi.target}) when ${kpi.direction}`,
      [{ path: `${path}.threshold`, message: `Must be ${higher ? 'below' : 'above'} ${kpi.target}` }],
    );
  }
}

/** A measurement may not be dated in the future; a minute's leeway absorbs clock skew. */
export function assertNotFuture(measuredAt: string, now = new Date()): void {
  if (Date.parse(measuredAt) > now.getTime() + 60_000) {
    throw new AppError('VALIDATION_FAILED', `measuredAt ${measuredAt} is in the future`, [
      { path: 'measuredAt', message: 'A measurement must be dated now or earlier' },
    ]);
  }
}
