import { Select } from '@mantine/core';
import type { ControlStatus } from '../../../contracts/soa.js';
import { ownerOptions, useOwners, useServices } from '../../ui/use-directory.js';
import { controlStatusOptions } from './control-status.js';

const BASELINE = 'baseline';

/** Organisation-wide baseline or one service. */
export function ScopeSelect({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string | null;
  onChange: (serviceId: string | null) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const services = useServices();
  return (
    <Select
      label="Scope"
      data={[
        { value: BASELINE, label: 'Baseline (organisation-wide)' },
        ...services.map((s) => ({ value: s.id, label: s.name })),
      ]}
      value={value ?? BASELINE}
      allowDeselect={false}
      onChange={(v) => onChange(!v || v === BASELINE ? null : v)}
      error={error}
      disabled={disabled}
    />
  );
}

/** The owner picker, or nothing for roles that may not list people. */
export function OwnerSelect({
  value,
  onChange,
  error,
  disabled,
  currentName,
}: {
  value: string | null;
  onChange: (ownerId: string | null) => void;
  error?: string | undefined;
  disabled?: boolean;
  /** The saved owner's name, shown even when that person can no longer own controls. */
  currentName?: string | null;
}) {
  const owners = useOwners();
  if (owners === null) return null;
  const options = ownerOptions(owners);
  if (value && currentName && !options.some((o) => o.value === value)) {
    options.push({ value, label: `${currentName} (inactive)` });
  }
  return (
    <Select
      label="Owner"
      placeholder="Nobody yet"
      searchable
      clearable
      data={options}
      value={value}
      onChange={onChange}
      error={error}
      disabled={disabled}
    />
  );
}

export function StatusSelect({
  value,
  onChange,
  error,
}: {
  value: ControlStatus;
  onChange: (status: ControlStatus) => void;
  error?: string | undefined;
}) {
  return (
    <Select
      label="Status"
      data={controlStatusOptions}
      value={value}
      allowDeselect={false}
      onChange={(v) => v && onChange(v as ControlStatus)}
      error={error}
    />
  );
}
