import type { Classification, PolicyKind, VersionStatus } from '../../../contracts/policies.js';
import { classifications, policyKinds } from '../../../contracts/policies.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';

export const kindLabels: Record<PolicyKind, string> = {
  policy: 'Policy',
  procedure: 'Procedure',
  plan: 'Plan',
  guideline: 'Guideline',
  other: 'Other',
};

export const classificationLabels: Record<Classification, string> = {
  internal: 'Internal',
  'customer-on-request': 'Customers on request',
  public: 'Public',
};

export const statusLabels: Record<VersionStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  approved: 'Approved',
  published: 'Published',
  superseded: 'Superseded',
};

const statusColors: Record<VersionStatus, StatusColor> = {
  draft: 'gray',
  'in-review': 'yellow',
  approved: 'blue',
  published: 'teal',
  superseded: 'gray',
};

export const kindOptions = policyKinds.map((k) => ({ value: k, label: kindLabels[k] }));
export const classificationOptions = classifications.map((c) => ({
  value: c,
  label: classificationLabels[c],
}));

export function VersionStatusBadge({ status, number }: { status: VersionStatus; number?: number }) {
  return (
    <StatusBadge status={status} labels={statusLabels} colors={statusColors}>
      {number === undefined ? undefined : `v${number} ${statusLabels[status].toLowerCase()}`}
    </StatusBadge>
  );
}

export function OverdueBadge({ label = 'Review overdue' }: { label?: string }) {
  return <StatusBadge color="red">{label}</StatusBadge>;
}
