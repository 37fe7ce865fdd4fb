import { ActionIcon, Group, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useControlSearch } from '../../api/controls.js';

export interface PickedControl {
  id: string;
  ref: string;
  title: string;
}

/** Searches the controls by reference or title and keeps the picked ones in a list. */
export function ControlPicker({
  picked,
  onChange,
  error,
  label = 'Add a mitigating control',
}: {
  picked: PickedControl[];
  onChange: (next: PickedControl[]) => void;
  error?: string | undefined;
  label?: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const found = useControlSearch(debounced);
  const options = (found.data?.items ?? [])
    .filter((c) => !picked.some((p) => p.id === c.id))
    .map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` }));
  return (
    <Stack gap="xs">
      <Select
        label={label}
        placeholder="Search by reference or title"
        searchable
        data={options}
        value={null}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options: all }) => all}
        nothingFoundMessage={found.isFetching ? 'Searching…' : 'No control matches'}
        onChange={(id) => {
          const control = found.data?.items.find((c) => c.id === id);
          if (control) onChange([...picked, { id: control.id, ref: control.ref, title: control.title }]);
          setSearch('');
        }}
        error={error}
      />
      {picked.length === 0 ? (
        <Text size="sm" c="dimmed">
          No controls picked yet.
        </Text>
      ) : (
        <ul aria-label="Picked controls" style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
          {picked.map((c) => (
            <li key={c.id}>
              <Group gap="xs" wrap="nowrap">
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove ${c.ref}`}
                  onClick={() => onChange(picked.filter((p) => p.id !== c.id))}
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
                <Text size="sm">
                  <b>{c.ref}</b> {c.title}
                </Text>
              </Group>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
