import { Checkbox, Select, SimpleGrid } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { SearchInput } from '../../ui/SearchInput.js';
import { ownerOptions, useOwners, useServices } from '../../ui/use-directory.js';
import { controlStatusOptions, evidenceOptions } from './control-status.js';

export const controlFilterKeys = ['q', 'status', 'scope', 'ownerId', 'evidenceState', 'failing'] as const;
export type ControlFilters = Record<(typeof controlFilterKeys)[number], string>;

/** Filters and page live in the address, so a filtered view can be shared and survives a reload. */
export function useControlFilters() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(
    controlFilterKeys.map((k) => [k, params.get(k) ?? '']),
  ) as ControlFilters;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (f: ControlFilters, p = 1) => {
    const next = new URLSearchParams();
    for (const k of controlFilterKeys) if (f[k]) next.set(k, f[k]);
    if (p > 1) next.set('page', String(p));
    setParams(next, { replace: true });
  };
  return { filters, page, update };
}

export function ControlFilterBar({
  filters,
  onChange,
}: {
  filters: ControlFilters;
  onChange: (f: ControlFilters) => void;
}) {
  const services = useServices();
  const owners = useOwners();
  const set = (k: keyof ControlFilters) => (v: string | null) => onChange({ ...filters, [k]: v ?? '' });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: owners ? 6 : 5 }} mb="md" verticalSpacing="sm">
      <SearchInput label="Search controls" placeholder="Ref or title" value={filters.q} onChange={set('q')} />
      <Select
        label="Status"
        placeholder="Any status"
        clearable
        data={controlStatusOptions}
        value={filters.status || null}
        onChange={set('status')}
      />
      <Select
        label="Scope"
        placeholder="All controls"
        clearable
        data={[
          { value: 'baseline', label: 'Baseline only' },
          ...services.map((s) => ({ value: s.id, label: `${s.name} only` })),
        ]}
        value={filters.scope || null}
        onChange={set('scope')}
      />
      {owners && (
        <Select
          label="Owner"
          placeholder="Anyone"
          clearable
          searchable
          data={ownerOptions(owners)}
          value={filters.ownerId || null}
          onChange={set('ownerId')}
        />
      )}
      <Select
        label="Evidence"
        placeholder="Any evidence"
        clearable
        data={evidenceOptions}
        value={filters.evidenceState || null}
        onChange={set('evidenceState')}
      />
      <Checkbox
        label="Failing checks only"
        checked={filters.failing === 'true'}
        onChange={(e) => set('failing')(e.currentTarget.checked ? 'true' : '')}
        style={{ alignSelf: 'end' }}
        mb={8}
      />
    </SimpleGrid>
  );
}
