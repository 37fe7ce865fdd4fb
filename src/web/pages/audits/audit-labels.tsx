import type { AuditStatus, AuditType, ChecklistResult, FindingType } from '../../../contracts/audits.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';

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

const auditStatusColors: Record<AuditStatus, StatusColor> = {
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

const resultColors: Record<ChecklistResult, StatusColor> = {
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

const findingColors: Record<FindingType, StatusColor> = {
  'major-nc': 'red',
  'minor-nc': 'orange',
  observation: 'blue',
  'opportunity-for-improvement': 'teal',
};

export const optionsOf = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));

export const AuditStatusBadge = ({ status }: { status: AuditStatus }) => (
  <StatusBadge status={status} labels={auditStatusLabels} colors={auditStatusColors} />
);
export const ResultBadge = ({ result }: { result: ChecklistResult }) => (
  <StatusBadge status={result} labels={resultLabels} colors={resultColors} />
);
export const FindingBadge = ({ type }: { type: FindingType }) => (
  <StatusBadge status={type} labels={findingTypeLabels} colors={findingColors} />
);
