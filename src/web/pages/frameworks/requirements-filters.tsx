import { Group, Select } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { SearchInput } from '../../ui/SearchInput.js';
import { implementationOptions } from './requirement-status.js';

export interface RequirementFilters {
  q: string;
  status: string;
  page: number;
}

/** Search, status and page live in the address, so a filtered view can be shared and survives a reload. */
export function useRequirementFilters() {
  const [params, setParams] = useSearchParams();
  const filters: RequirementFilters = {
    q: params.get('q') ?? '',
    status: params.get('status') ?? '',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const update = (next: Partial<RequirementFilters>) => {
    const merged = { ...filters, page: 1, ...next };
    const p = new URLSearchParams();
    if (merged.q) p.set('q', merged.q);
    if (merged.status) p.set('status', merged.status);
    if (merged.page > 1) p.set('page', String(merged.page));
    setParams(p, { replace: true });
  };
  return { filters, update };
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
