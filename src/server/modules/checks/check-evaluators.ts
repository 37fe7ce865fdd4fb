import { sql } from 'kysely';
import type { CiPushConfig, FreshnessConfig, MetricThresholdConfig } from '../../../contracts/checks.js';
import type { CheckOutcome } from '../../../contracts/evidence.js';
import type { ServiceContext } from '../../kernel/context.js';
import { latestCheckResult, newestControlEvidence } from '../evidence/index.js';
import { type CheckVerdict, fixByVerdict, scanAgeVerdict } from '../vulnerabilities/index.js';
import type { TypedConfig } from './check-config.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MAX_LISTED_SAMPLES = 20;

export interface Evaluation {
  outcome: CheckOutcome;
  summary: string;
  /** JSON kept with the result, e.g. the samples that broke a threshold. */
  details: unknown;
}

export interface EvaluationTarget {
  checkId: string;
  controlIds: string[];
  now: Date;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);
const day = (d: Date) => d.toISOString().slice(0, 10);

function rangeText(c: MetricThresholdConfig): string {
  if (c.min !== undefined && c.max !== undefined) return `${fmt(c.min)}–${fmt(c.max)}`;
  return c.min !== undefined ? `at least ${fmt(c.min)}` : `at most ${fmt(c.max ?? 0)}`;
}

async function evaluateMetricThreshold(
  ctx: ServiceContext,
  c: MetricThresholdConfig,
  { now }: EvaluationTarget,
): Promise<Evaluation> {
  const from = new Date(now.getTime() - c.windowHours * HOUR_MS);
  let window = ctx.db
    .selectFrom('metric_samples')
    .where('organization_id', '=', ctx.organizationId)
    .where('metric', '=', c.metric)
    .where('observed_at', '>', from)
    .where('observed_at', '<=', now);
  if (c.subject !== undefined) window = window.where('subject', '=', c.subject);
  const bounds = [
    ...(c.min !== undefined ? [sql`value < ${c.min}`] : []),
    ...(c.max !== undefined ? [sql`value > ${c.max}`] : []),
  ];
  const outside = sql<boolean>`(${sql.join(bounds, sql` OR `)})`;
  const [stats, violations] = await Promise.all([
    window
      .select((eb) => [
        eb.fn.countAll<number>().as('samples'),
        eb.fn.min('value').as('lowest'),
        eb.fn.max('value').as('highest'),
        eb.fn.count<number>(sql`CASE WHEN ${outside} THEN 1 END`).as('outside'),
      ])
      .executeTakeFirstOrThrow(),
    window
      .select(['subject', 'value', 'observed_at'])
      .where(outside)
      .orderBy('observed_at', 'desc')
      .limit(MAX_LISTED_SAMPLES)
      .execute(),
  ]);
  const samples = Number(stats.samples);
  const outsideCount = Number(stats.outside);
  const what = `${c.metric}${c.subject ? ` (${c.subject})` : ''}`;
  const details = {
    metric: c.metric,
    subject: c.subject ?? null,
    range: { min: c.min ?? null, max: c.max ?? null },
    window: { from: from.toISOString(), to: now.toISOString() },
    samples,
    lowest: stats.lowest === null ? null : Number(stats.lowest),
    highest: stats.highest === null ? null : Number(stats.highest),
    outside: outsideCount,
    outsideSamples: violations.map((v) => ({
      subject: v.subject,
      value: v.value,
      observedAt: v.observed_at.toISOString(),
    })),
  };
  if (samples < c.minSamples) {
    return {
      outcome: 'fail',
      summary: `Only ${samples} sample(s) of ${what} in the last ${c.windowHours} h; at least ${c.minSamples} needed`,
      details,
    };
  }
  if (outsideCount > 0) {
    const worst = violations[0];
    return {
      outcome: 'fail',
      summary: `${outsideCount} of ${samples} samples of ${what} outside ${rangeText(c)} in the last ${c.windowHours} h${
        worst ? `; latest ${fmt(worst.value)} at ${worst.observed_at.toISOString()}` : ''
      }`,
      details,
    };
  }
  return {
    outcome: 'pass',
    summary: `All ${samples} samples of ${what} within ${rangeText(c)} in the last ${c.windowHours} h (${fmt(
      Number(stats.lowest),
    )}–${fmt(Number(stats.highest))})`,
    details,
  };
}

async function evaluateFreshness(
  ctx: ServiceContext,
  c: FreshnessConfig,
  target: EvaluationTarget,
): Promise<Evaluation> {
  if (target.controlIds.length === 0) {
    return {
      outcome: 'fail',
      summary: 'The check is linked to no controls, so no evidence can be fresh',
      details: {},
    };
  }
  const newest = await newestControlEvidence(ctx, target.controlIds, target.now);
  const oldestAllowed = new Date(target.now.getTime() - c.maxAgeDays * DAY_MS);
  if (!newest) {
    return {
      outcome: 'fail',
      summary: 'No file or link evidence for the linked controls yet',
      details: { maxAgeDays: c.maxAgeDays },
    };
  }
  const details = {
    maxAgeDays: c.maxAgeDays,
    newest: { evidenceId: newest.id, title: newest.title, validFrom: newest.validFrom.toISOString() },
  };
  const ageDays = Math.floor((target.now.getTime() - newest.validFrom.getTime()) / DAY_MS);
  return newest.validFrom >= oldestAllowed
    ? {
        outcome: 'pass',
        summary: `Newest evidence “${newest.title}” proves ${day(newest.validFrom)}, ${ageDays} day(s) ago`,
        details,
      }
    : {
        outcome: 'fail',
        summary: `Newest evidence “${newest.title}” proves ${day(newest.validFrom)}, ${ageDays} days ago; at most ${c.maxAgeDays} allowed`,
        details,
      };
}

/** null while a recent push stands as the result; a failure when pushes stopped arriving. */
async function evaluateCiPush(
  ctx: ServiceContext,
  c: CiPushConfig,
  target: EvaluationTarget,
): Promise<Evaluation | null> {
  const last = await latestCheckResult(ctx, target.checkId, 'push');
  const oldestAllowed = new Date(target.now.getTime() - c.maxAgeHours * HOUR_MS);
  if (last && new Date(last.observedAt) >= oldestAllowed) return null;
  return {
    outcome: 'fail',
    summary: `No result pushed in the last ${c.maxAgeHours} h${last ? ` (last push observed ${last.observedAt})` : ''}`,
    details: { maxAgeHours: c.maxAgeHours, lastPushObservedAt: last?.observedAt ?? null },
  };
}

const fromVerdict = (v: CheckVerdict): Evaluation => ({
  outcome: v.ok ? 'pass' : 'fail',
  summary: v.summary,
  details: v.details,
});

export function evaluate(
  ctx: ServiceContext,
  typed: TypedConfig,
  target: EvaluationTarget,
): Promise<Evaluation | null> {
  switch (typed.kind) {
    case 'metric-threshold':
      return evaluateMetricThreshold(ctx, typed.config, target);
    case 'freshness':
      return evaluateFreshness(ctx, typed.config, target);
    case 'ci-push':
      return evaluateCiPush(ctx, typed.config, target);
    case 'vulnerability-fix-by':
      return fixByVerdict(ctx, typed.config.severity, target.now).then(fromVerdict);
    case 'vulnerability-scan-age':
      return scanAgeVerdict(ctx, typed.config.maxAgeDays, target.now).then(fromVerdict);
  }
}
