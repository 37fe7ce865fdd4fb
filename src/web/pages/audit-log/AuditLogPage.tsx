import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFilterOff } from '@tabler/icons-react';
import { useAuditEvents, useCheckpoint } from '../../api/audit-log.js';
import { useSession } from '../../auth/session.js';
import { count } from '../../ui/format.js';
import { notifyError, notifySuccess } from '../../ui/notify.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { EventsTable } from './audit-events-table.js';
import { FilterBar, type Filters, filterKeys, noFilters, toIso } from './audit-filters.js';
import { IntegritySummary } from './audit-integrity.js';

const PAGE_SIZE = 50;

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function IntegrityPanel() {
  const { can } = useSession();
  const checkpoint = useCheckpoint({
    onSuccess: (cp) => {
      download(`tillit-checkpoint-${cp.treeSize}.txt`, cp.note);
      notifySuccess(`Signed checkpoint of ${count(cp.treeSize, 'event')} downloaded; keep it outside Tillit`);
    },
    onError: notifyError,
  });
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Integrity
        </Title>
        {can('audit.checkpoint') && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} aria-hidden />}
            loading={checkpoint.isPending}
            onClick={() => checkpoint.mutate()}
          >
            Create signed checkpoint
          </Button>
        )}
      </Group>
      <IntegritySummary />
    </Card>
  );
}

/** Filters and page live in the address, so a filtered view can be shared and survives a reload. */
function useFilterParams() {
  const {
    values: { page, ...filters },
    update,
    setPage,
  } = useListParams({
    action: listParam.text(),
    entityType: listParam.text(),
    actorId: listParam.text(),
    from: listParam.text(),
    to: listParam.text(),
    page: listParam.page(),
  });
  const typed: Filters = filters;
  return { filters: typed, page, update, setPage };
}

export function AuditLogPage() {
  const { filters, page, update, setPage } = useFilterParams();
  const events = useAuditEvents({
    page,
    pageSize: PAGE_SIZE,
    action: filters.action,
    entityType: filters.entityType,
    actorId: filters.actorId,
    from: toIso(filters.from),
    to: toIso(filters.to),
  });
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change in Tillit, in a tamper-evident, append-only log."
      />
      <Stack>
        <IntegrityPanel />
        <Card withBorder padding="lg">
          <FilterBar filters={filters} onChange={update} />
          <QueryState loading={events.isLoading} error={events.error}>
            <Group justify="space-between" mb="xs">
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="event-count">
                {count(events.data?.total ?? 0, 'event')}
              </Text>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconFilterOff size={14} aria-hidden />}
                disabled={!filterKeys.some((k) => filters[k])}
                onClick={() => update(noFilters)}
              >
                Clear filters
              </Button>
            </Group>
            <EventsTable events={events.data?.items ?? []} />
            {events.data?.total === 0 && (
              <Text c="dimmed" ta="center" py="lg">
                No events match these filters.
              </Text>
            )}
            <PageControls total={events.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
          </QueryState>
        </Card>
      </Stack>
    </>
  );
}
