import type { NcSeverity, NcSource, NcStatus } from '../../../contracts/nonconformities.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';

export const ncStatusLabels: Record<NcStatus, string> = {
  open: 'Open',
  correction: 'Correction',
  'corrective-action': 'Corrective action',
  verification: 'Verification',
  closed: 'Closed',
};

const ncStatusColors: Record<NcStatus, StatusColor> = {
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
const severityColors: Record<NcSeverity, StatusColor> = { major: 'red', minor: 'orange' };

export function NcStatusBadge({ status }: { status: NcStatus }) {
  return <StatusBadge status={status} labels={ncStatusLabels} colors={ncStatusColors} />;
}

export function SeverityBadge({ severity }: { severity: NcSeverity }) {
  return <StatusBadge status={severity} labels={severityLabels} colors={severityColors} />;
}

export function OverdueBadge({ n }: { n: number }) {
  return <StatusBadge color="red">{n === 1 ? '1 action overdue' : `${n} actions overdue`}</StatusBadge>;
}
