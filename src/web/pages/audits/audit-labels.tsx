import { Badge } from '@mantine/core';
import type { AuditStatus, AuditType, ChecklistResult, FindingType } from '../../../contracts/audits.js';

export const auditTypeLabels: Record<AuditType, string> = {
  internal: 'Internal',
  'stage-1': 'Certification stage 1',
  'stage-2': 'Certification stage 2',
  surveillance: 'Surveillance',
  recertification: 'Recertification',
};

export const auditStatusLabels: Record<AuditStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  completed: 'Completed',
};

const auditStatusColors: Record<AuditStatus, string> = {
  planned: 'gray',
  'in-progress': 'yellow',
  completed: 'teal',
};

export const resultLabels: Record<ChecklistResult, string> = {
  'not-checked': 'Not checked',
  conform: 'Conform',
  nonconform: 'Nonconform',
  observation: 'Observation',
};

const resultColors: Record<ChecklistResult, string> = {
  'not-checked': 'gray',
  conform: 'teal',
  nonconform: 'red',
  observation: 'orange',
};

export const findingTypeLabels: Record<FindingType, string> = {
  'major-nc': 'Major nonconformity',
  'minor-nc': 'Minor nonconformity',
  observation: 'Observation',
  'opportunity-for-improvement': 'Opportunity for improvement',
};

const findingColors: Record<FindingType, string> = {
  'major-nc': 'red',
  'minor-nc': 'orange',
  observation: 'blue',
  'opportunity-for-improvement': 'teal',
};

export const optionsOf = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));

function DotBadge({ color, label }: { color: string; label: string }) {
  return (
    <Badge variant="dot" color={color} tt="none" radius="sm" miw="max-content">
      {label}
    </Badge>
  );
}

export const AuditStatusBadge = ({ status }: { status: AuditStatus }) => (
  <DotBadge color={auditStatusColors[status]} label={auditStatusLabels[status]} />
);
export const ResultBadge = ({ result }: { result: ChecklistResult }) => (
  <DotBadge color={resultColors[result]} label={resultLabels[result]} />
);
export const FindingBadge = ({ type }: { type: FindingType }) => (
  <DotBadge color={findingColors[type]} label={findingTypeLabels[type]} />
);
