import { Text, VisuallyHidden } from '@mantine/core';
import type { RequirementImplementationStatus } from '../../../contracts/soa.js';
import { StatusBadge, type StatusColor } from '../../ui/StatusBadge.js';

export function applicabilityLabel(applicable: boolean | null): string {
  if (applicable === null) return 'Not yet decided';
  return applicable ? 'Applicable' : 'Not applicable';
}

/** The decision as a badge whose text carries the meaning; the colour only repeats it. */
export function ApplicabilityBadge({ applicable }: { applicable: boolean | null }) {
  return (
    <StatusBadge color={applicable === null ? 'yellow' : applicable ? 'blue' : 'gray'}>
      {applicabilityLabel(applicable)}
    </StatusBadge>
  );
}

export const implementationLabels: Record<RequirementImplementationStatus, string> = {
  undecided: 'Not yet decided',
  'not-applicable': 'Not applicable',
  'not-addressed': 'No control mapped',
  'not-started': 'Not started',
  'in-progress': 'In progress',
  implemented: 'Implemented',
};

const implementationColors: Record<RequirementImplementationStatus, StatusColor> = {
  undecided: 'gray',
  'not-applicable': 'gray',
  'not-addressed': 'red',
  'not-started': 'orange',
  'in-progress': 'yellow',
  implemented: 'teal',
};

export const implementationOptions = Object.entries(implementationLabels).map(([value, label]) => ({
  value,
  label,
}));

/** Implementation only means something once a requirement is applicable; otherwise a dash. */
export function ImplementationBadge({ status }: { status: RequirementImplementationStatus }) {
  if (status === 'undecided' || status === 'not-applicable') {
    return (
      <Text span size="sm" c="dimmed">
        <span aria-hidden>—</span>
        <VisuallyHidden>Not relevant until applicable</VisuallyHidden>
      </Text>
    );
  }
  return <StatusBadge status={status} labels={implementationLabels} colors={implementationColors} />;
}
