import { Select } from '@mantine/core';
import { ownerOptions, useOwners } from './use-directory.js';

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
