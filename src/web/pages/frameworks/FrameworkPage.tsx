import { Card, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { query } from '../../api/client.js';
import { useFramework, useRequirements } from '../../api/frameworks.js';
import { useSession } from '../../auth/session.js';
import { count } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { Crumbs } from './crumbs.js';
import { BulkApplicability } from './requirements-bulk.js';
import { RequirementFilterBar, useRequirementFilters } from './requirements-filters.js';
import { RequirementsTable } from './requirements-table.js';
import { SoaExport } from './soa-export.js';

const PAGE_SIZE = 500;

function useSelection(resetKey: string) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [selectedUnder, setSelectedUnder] = useState(resetKey);
  // A selection made under other filters would act on rows nobody can see any more.
  if (selectedUnder !== resetKey) {
    setSelectedUnder(resetKey);
    setSelected(new Set());
  }
  const toggle = useCallback(
    (id: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const toggleAll = useCallback(
    (ids: string[], select: boolean) =>
      setSelected((s) => {
        const next = new Set(s);
        for (const id of ids)
          if (select) next.add(id);
          else next.delete(id);
        return next;
      }),
    [],
  );
  return { selected, toggle, toggleAll, clear: () => setSelected(new Set()) };
}

function Requirements({ frameworkId, name }: { frameworkId: string; name: string }) {
  const { can } = useSession();
  const manage = can('frameworks.manage');
  const { filters, page, update, setPage } = useRequirementFilters();
  const request = { page, pageSize: PAGE_SIZE, q: filters.q, status: filters.status };
  const params = query(request);
  const requirements = useRequirements(frameworkId, request);
  const selection = useSelection(params);
  const total = requirements.data?.total;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="requirements-heading">
      <Title order={2} size="h4" id="requirements-heading" mb="sm">
        Requirements
      </Title>
      <RequirementFilterBar filters={filters} onChange={update} />
      <QueryState loading={requirements.isLoading} error={requirements.error}>
        <Text size="sm" c="dimmed" mb="xs" aria-live="polite" data-testid="requirement-count">
          {count(total ?? 0, 'row')} {filters.q || filters.status ? 'match' : 'in catalogue order'}
        </Text>
        {manage && (
          <BulkApplicability
            frameworkId={frameworkId}
            selected={selection.selected}
            onClear={selection.clear}
          />
        )}
        <RequirementsTable
          items={requirements.data?.items ?? []}
          selectable={manage}
          selected={selection.selected}
          onToggle={selection.toggle}
          onToggleAll={selection.toggleAll}
          caption={`Requirements of ${name}`}
        />
        {total === 0 && (
          <Text c="dimmed" ta="center" py="lg">
            No requirements match.
          </Text>
        )}
        <PageControls total={total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
      </QueryState>
    </Card>
  );
}

export function FrameworkPage() {
  const { id = '' } = useParams();
  const framework = useFramework(id);
  const f = framework.data;
  return (
    <>
      <Crumbs trail={[['/frameworks', 'Frameworks']]} current={f?.name ?? '…'} />
      <PageHeader
        title={f?.name ?? 'Framework'}
        description={f ? [f.version, f.publisher, f.description].filter(Boolean).join(' · ') : undefined}
      />
      <QueryState loading={framework.isLoading} error={framework.error}>
        {f && (
          <Stack>
            {f.attribution && (
              <Text size="xs" c="dimmed" className="wrap-anywhere" data-testid="attribution">
                {f.attribution}
              </Text>
            )}
            <SoaExport frameworkId={f.id} />
            <Requirements frameworkId={f.id} name={f.name} />
          </Stack>
        )}
      </QueryState>
    </>
  );
}
