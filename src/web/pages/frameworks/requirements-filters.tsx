import { Group, Select } from '@mantine/core';
import { SearchInput } from '../../ui/SearchInput.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { implementationOptions } from './requirement-status.js';

export interface RequirementFilters {
  q: string;
  status: string;
}

/** Search, status and page live in the address, so a filtered view can be shared and survives a reload. */
export function useRequirementFilters() {
  const {
    values: { page, ...filters },
    update,
    setPage,
  } = useListParams({ q: listParam.text(), status: listParam.text(), page: listParam.page() });
  return { filters, page, update, setPage };
}

export function RequirementFilterBar({
  filters,
  onChange,
}: {
  filters: RequirementFilters;
  onChange: (f: Partial<RequirementFilters>) => void;
}) {
  return (
    <Group align="flex-end" mb="md">
      <SearchInput
        label="Search requirements"
        placeholder="Ref or title, e.g. A.5.1"
        value={filters.q}
        onChange={(q) => onChange({ q })}
      />
      <Select
        label="Status"
        placeholder="Any status"
        clearable
        w={220}
        data={implementationOptions}
        value={filters.status || null}
        onChange={(status) => onChange({ status: status ?? '' })}
      />
    </Group>
  );
}
