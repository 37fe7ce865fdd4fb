import { Badge } from '@mantine/core';
import type { NcSeverity, NcSource, NcStatus } from '../../../contracts/nonconformities.js';

export const ncStatusLabels: Record<NcStatus, string> = {
  open: 'Open',
  correction: 'Correction',
  'corrective-action': 'Corrective action',
  verification: 'Verification',
  closed: 'Closed',
};

const ncStatusColors: Record<NcStatus, string> = {
  open: 'red',
  correction: 'orange',
  'corrective-action': 'yellow',
  verification: 'blue',
  closed: 'teal',
};

export const ncSourceLabels: Record<NcSource, string> = {
  audit: 'Audit',
  incident: 'Incident',
  'failing-check': 'Failing check',
  complaint: 'Complaint',
  other: 'Other',
};

export const severityLabels: Record<NcSeverity, string> = { major: 'Major', minor: 'Minor' };

export function NcStatusBadge({ status }: { status: NcStatus }) {
  return (
    <Badge variant="dot" color={ncStatusColors[status]} tt="none" radius="sm" miw="max-content">
      {ncStatusLabels[status]}
    </Badge>
  );
}

export function SeverityBadge({ severity }: { severity: NcSeverity }) {
  return (
    <Badge
      variant="dot"
      color={severity === 'major' ? 'red' : 'orange'}
      tt="none"
      radius="sm"
      miw="max-content"
    >
      {severityLabels[severity]}
    </Badge>
  );
}

export function OverdueBadge({ n }: { n: number }) {
  return (
    <Badge variant="dot" color="red" tt="none" radius="sm" miw="max-content">
      {n === 1 ? '1 action overdue' : `${n} actions overdue`}
    </Badge>
  );
}
