import type { z } from 'zod';
import type {
  MetricSample,
  metricSampleListQuerySchema,
  metricSamplesRequestSchema,
} from '../../../contracts/checks.js';
import type { Page } from '../../../contracts/paging.js';
import { recordAuditEvent } from '../../kernel/audit/audit-writer.js';
import { inTransaction, type ServiceContext } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { paged } from '../../kernel/http/paging.js';

type SamplesRequest = z.output<typeof metricSamplesRequestSchema>;
type SampleQuery = z.output<typeof metricSampleListQuerySchema>;

const CLOCK_SKEW_MS = 5 * 60_000;
const BATCH = 1000;
const LISTED_METRICS = 50;

/** Records a batch of samples all or nothing: one bad sample refuses the whole request. */
export async function recordMetricSamples(
  ctx: ServiceContext,
  request: SamplesRequest,
): Promise<{ recorded: number }> {
  const latest = Date.now() + CLOCK_SKEW_MS;
  const rows = request.samples.map((s, i) => {
    const observedAt = new Date(s.observedAt);
    if (observedAt.getTime() > latest) {
      throw new AppError('VALIDATION_FAILED', `Sample ${i} is observed in the future`, [
        { path: `samples.${i}.observedAt`, message: `${s.observedAt} is later than now` },
      ]);
    }
    return {
      organization_id: ctx.organizationId,
      metric: s.metric,
      subject: s.subject,
      value: s.value,
      observed_at: observedAt,
    };
  });
  await inTransaction(ctx, async (tx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await tx.db
        .insertInto('metric_samples')
        .values(rows.slice(i, i + BATCH))
        .execute();
    }
    const metrics = [...new Set(rows.map((r) => r.metric))].sort();
    await recordAuditEvent(
      tx,
      'metric-samples.recorded',
      { type: 'metric', id: null },
      { count: rows.length, metrics: metrics.slice(0, LISTED_METRICS) },
    );
  });
  return { recorded: rows.length };
}

export function listMetricSamples(ctx: ServiceContext, query: SampleQuery): Promise<Page<MetricSample>> {
  let q = ctx.db
    .selectFrom('metric_samples')
    .select(['id', 'metric', 'subject', 'value', 'observed_at'])
    .where('organization_id', '=', ctx.organizationId)
    .where('metric', '=', query.metric);
  if (query.subject !== undefined) q = q.where('subject', '=', query.subject);
  return paged(
    q,
    (o) => o.orderBy('observed_at', 'desc').orderBy('id'),
    query,
    (r) => ({
      id: r.id,
      metric: r.metric,
      subject: r.subject,
      value: r.value,
      observedAt: r.observed_at.toISOString(),
    }),
  );
}
