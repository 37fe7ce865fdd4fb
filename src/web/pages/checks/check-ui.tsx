import { Badge } from '@mantine/core';
import type { Check, CheckKind, CheckStatus } from '../../../contracts/checks.js';
import type { CheckOutcome } from '../../../contracts/evidence.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';

export const checkKindLabels: Record<CheckKind, string> = {
  'metric-threshold': 'Metric threshold',
  freshness: 'Freshness of evidence',
  'ci-push': 'Pushed from CI',
  'vulnerability-fix-by': 'Vulnerabilities fixed in time',
  'vulnerability-scan-age': 'Production assets scanned',
};

const statusLabels: Record<CheckStatus, string> = {
  unknown: 'Not run yet',
  passing: 'Passing',
  failing: 'Failing',
};
const statusColors: Record<CheckStatus, StatusColor> = { unknown: 'gray', passing: 'teal', failing: 'red' };

export function CheckStatusBadge({ status }: { status: CheckStatus }) {
  return <StatusBadge status={status} labels={statusLabels} colors={statusColors} />;
}

export function OutcomeBadge({ outcome }: { outcome: CheckOutcome }) {
  return (
    <Badge variant="light" color={outcome === 'pass' ? 'teal' : 'red'} tt="none" radius="sm">
      {outcome === 'pass' ? 'Pass' : 'Fail'}
    </Badge>
  );
}

/** One line saying what the check tests. */
export function describeConfig(check: Check): string {
  switch (check.kind) {
    case 'metric-threshold': {
      const c = check.config;
      const range =
        c.min !== undefined && c.max !== undefined
          ? `within ${c.min}–${c.max}`
          : c.min !== undefined
            ? `at least ${c.min}`
            : `at most ${c.max}`;
      return `${c.metric}${c.subject ? ` (${c.subject})` : ''} ${range} over ${c.windowHours} h, at least ${c.minSamples} sample(s)`;
    }
    case 'freshness':
      return `Newest file or link evidence of its controls at most ${check.config.maxAgeDays} days old`;
    case 'ci-push':
      return `A result pushed at least every ${check.config.maxAgeHours} h`;
    case 'vulnerability-fix-by':
      return `No ${check.config.severity === 'critical' ? 'critical' : 'critical or high'} vulnerability finding open past its fix-by date`;
    case 'vulnerability-scan-age':
      return `Every production asset scanned in the last ${check.config.maxAgeDays} days`;
  }
}
