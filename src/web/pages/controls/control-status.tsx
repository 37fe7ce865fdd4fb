import type { EvidenceState } from '../../../contracts/controls.js';
import { type ControlStatus, controlStatuses } from '../../../contracts/soa.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';

export const controlStatusLabels: Record<ControlStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  implemented: 'Implemented',
};

const controlStatusColors: Record<ControlStatus, StatusColor> = {
  'not-started': 'gray',
  'in-progress': 'yellow',
  implemented: 'teal',
};

export const controlStatusOptions = controlStatuses.map((s) => ({ value: s, label: controlStatusLabels[s] }));

export function ControlStatusBadge({ status }: { status: ControlStatus }) {
  return <StatusBadge status={status} labels={controlStatusLabels} colors={controlStatusColors} />;
}

export const evidenceLabels: Record<EvidenceState, string> = {
  fresh: 'Evidence fresh',
  stale: 'Evidence stale',
  missing: 'No evidence',
};

const evidenceColors: Record<EvidenceState, StatusColor> = {
  fresh: 'teal',
  stale: 'orange',
  missing: 'gray',
};

export const evidenceOptions = Object.entries(evidenceLabels).map(([value, label]) => ({ value, label }));

export function EvidenceBadge({ state }: { state: EvidenceState }) {
  return <StatusBadge status={state} labels={evidenceLabels} colors={evidenceColors} />;
}

export function FailingBadge() {
  return <StatusBadge color="red">Check failing</StatusBadge>;
}
