import { Checkbox, Select, SimpleGrid } from '@mantine/core';
import { SearchInput } from '../../ui/SearchInput.js';
import { ownerOptions, useOwners, useServices } from '../../ui/use-directory.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { controlStatusOptions, evidenceOptions } from './control-status.js';

const controlFilterShape = {
  q: listParam.text(),
  status: listParam.text(),
  scope: listParam.text(),
  ownerId: listParam.text(),
  evidenceState: listParam.text(),
  failing: listParam.text(),
};
export type ControlFilters = { [K in keyof typeof controlFilterShape]: string };
export const noControlFilters: ControlFilters = {
  q: '',
  status: '',
  scope: '',
  ownerId: '',
  evidenceState: '',
  failing: '',
};

/** Filters and page live in the address, so a filtered view can be shared and survives a reload. */
export function useControlFilters() {
  const {
    values: { page, ...filters },
    update,
    setPage,
  } = useListParams({ ...controlFilterShape, page: listParam.page() });
  return { filters, page, update, setPage };
}

export function ControlFilterBar({
  filters,
  onChange,
}: {
  filters: ControlFilters;
  onChange: (f: Partial<ControlFilters>) => void;
}) {
  const services = useServices();
  const owners = useOwners();
  const set = (k: keyof ControlFilters) => (v: string | null) => onChange({ [k]: v ?? '' });
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
