import { Select } from '@mantine/core';
import type { ControlStatus } from '../../../contracts/soa.js';
import { useServices } from '../../ui/use-directory.js';
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
