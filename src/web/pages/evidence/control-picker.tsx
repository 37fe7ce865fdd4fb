import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useRef, useState } from 'react';
import { useControlPicker } from '../../api/controls.js';

/** Picks controls by reference or title, searching the server as one types. */
export function ControlPicker({
  value,
  onChange,
  error,
  label = 'Controls',
  description = 'The controls this evidence proves',
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string | undefined;
  label?: string;
  description?: string;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const seen = useRef(new Map<string, string>());
  const controls = useControlPicker({ q, pageSize: 50 });
  for (const c of controls.data?.items ?? []) seen.current.set(c.id, `${c.ref} ${c.title}`);
  const ids = new Set([...(controls.data?.items ?? []).map((c) => c.id), ...value]);
  const data = [...ids].map((id) => ({ value: id, label: seen.current.get(id) ?? id }));
  return (
    <MultiSelect
      label={label}
      description={description}
      placeholder={value.length ? undefined : 'Search by reference or title'}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={controls.isFetching ? 'Searching…' : 'No control matches'}
      error={error}
      clearable
      hidePickedOptions
    />
  );
}
