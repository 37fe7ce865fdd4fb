import { Badge } from '@mantine/core';
import type { EvidenceState } from '../../../contracts/controls.js';
import { type ControlStatus, controlStatuses } from '../../../contracts/soa.js';

export const controlStatusLabels: Record<ControlStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  implemented: 'Implemented',
};

const controlStatusColors: Record<ControlStatus, string> = {
  'not-started': 'gray',
  'in-progress': 'yellow',
  implemented: 'teal',
};

export const controlStatusOptions = controlStatuses.map((s) => ({ value: s, label: controlStatusLabels[s] }));

export function ControlStatusBadge({ status }: { status: ControlStatus }) {
  return (
    <Badge variant="dot" color={controlStatusColors[status]} tt="none" radius="sm" miw="max-content">
      {controlStatusLabels[status]}
    </Badge>
  );
}

export const evidenceLabels: Record<EvidenceState, string> = {
  fresh: 'Evidence fresh',
  stale: 'Evidence stale',
  missing: 'No evidence',
};

const evidenceColors: Record<EvidenceState, string> = { fresh: 'teal', stale: 'orange', missing: 'gray' };

export const evidenceOptions = Object.entries(evidenceLabels).map(([value, label]) => ({ value, label }));

export function EvidenceBadge({ state }: { state: EvidenceState }) {
  return (
    <Badge variant="dot" color={evidenceColors[state]} tt="none" radius="sm" miw="max-content">
      {evidenceLabels[state]}
    </Badge>
  );
}

export function FailingBadge() {
  return (
    <Badge variant="dot" color="red" tt="none" radius="sm" miw="max-content">
      Check failing
    </Badge>
  );
}
