import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { auditActions } from '../../../contracts/audit-actions.js';
import { useAllUsers } from '../../api/users.js';
import { useSession } from '../../auth/session.js';

export const filterKeys = ['action', 'entityType', 'actorId', 'from', 'to'] as const;
export type Filters = Record<(typeof filterKeys)[number], string>;
export const noFilters: Filters = { action: '', entityType: '', actorId: '', from: '', to: '' };

/** A datetime-local value (local time, no zone) as the ISO instant the API expects. */
export function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function EntityTypeInput({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback(onChange, 400);
  useEffect(() => setText(value), [value]);
  return (
    <TextInput
      label="Entity type"
      placeholder="e.g. location"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value.trim());
      }}
    />
  );
}

export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const { can } = useSession();
  const users = useAllUsers(can('users.read'));
  const set = (k: keyof Filters) => (value: string | null) => onChange({ ...filters, [k]: value ?? '' });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: can('users.read') ? 5 : 4 }} mb="md" verticalSpacing="sm">
      <Select
        label="Action"
        placeholder="Any action"
        clearable
        searchable
        data={auditActions}
        value={filters.action || null}
        onChange={set('action')}
      />
      <EntityTypeInput value={filters.entityType} onChange={set('entityType')} />
      {can('users.read') && (
        <Select
          label="Actor"
          placeholder="Anyone"
          clearable
          searchable
          data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
          value={filters.actorId || null}
          onChange={set('actorId')}
        />
      )}
      <TextInput
        label="From"
        type="datetime-local"
        value={filters.from}
        onChange={(e) => set('from')(e.currentTarget.value)}
      />
      <TextInput
        label="To"
        type="datetime-local"
        value={filters.to}
        onChange={(e) => set('to')(e.currentTarget.value)}
      />
    </SimpleGrid>
  );
}
