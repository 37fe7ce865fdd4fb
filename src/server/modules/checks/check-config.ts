import {
  type CheckKind,
  type CiPushConfig,
  checkConfigSchemas,
  checkKindSchema,
  type FreshnessConfig,
  type MetricThresholdConfig,
  type VulnerabilityFixByConfig,
  type VulnerabilityScanAgeConfig,
} from '../../../contracts/checks.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { validationFailed } from '../../kernel/errors/zod-errors.js';

export type TypedConfig =
  | { kind: 'metric-threshold'; config: MetricThresholdConfig }
  | { kind: 'freshness'; config: FreshnessConfig }
  | { kind: 'ci-push'; config: CiPushConfig }
  | { kind: 'vulnerability-fix-by'; config: VulnerabilityFixByConfig }
  | { kind: 'vulnerability-scan-age'; config: VulnerabilityScanAgeConfig };

/** A configuration given in a request, checked against the check's kind: a 400 naming the field. */
export function parseConfig(kind: CheckKind, config: unknown): TypedConfig {
  const result = checkConfigSchemas[kind].safeParse(config);
  if (!result.success) throw validationFailed(result.error, `The ${kind} configuration`, 'config');
  return { kind, config: result.data } as TypedConfig;
}

/** Stored JSON is checked again when read; a row that no longer fits is an internal error, not a guess. */
export function storedConfig(row: { id: string; kind: string; config: unknown }): TypedConfig {
  const kind = checkKindSchema.safeParse(row.kind);
  const result = kind.success ? checkConfigSchemas[kind.data].safeParse(row.config) : undefined;
  if (!kind.success || !result?.success) {
    throw new AppError(
      'INTERNAL',
      `The stored configuration of check ${row.id} is not valid for kind ${row.kind}`,
    );
  }
  return { kind: kind.data, config: result.data } as TypedConfig;
}
