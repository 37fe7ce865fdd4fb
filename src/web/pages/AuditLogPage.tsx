import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Collapse,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { AuditEvent, AuditVerification } from '../../contracts/audit.js';
import { auditActions } from '../../contracts/audit-actions.js';
import type { Page } from '../../contracts/paging.js';
import type { User } from '../../contracts/users.js';
import { api, query } from '../api/client.js';
import { useSession } from '../auth/session.js';
import { notifyError, notifySuccess } from '../ui/notify.js';
import { PageControls } from '../ui/PageControls.js';
import { PageHeader } from '../ui/PageHeader.js';
import { QueryState } from '../ui/QueryState.js';

const PAGE_SIZE = 50;

interface Filters {
  action: string;
  entityType: string;
  actorId: string;
  from: string;
  to: string;
}
const noFilters: Filters = { action: '', entityType: '', actorId: '', from: '', to: '' };

function toIso(local: string): string | undefined {
  return local ? new Date(local).toISOString() : undefined;
}

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

function IntegrityPanel() {
  const { can } = useSession();
  const client = useQueryClient();
  const v = useQuery({
    queryKey: ['audit-verification'],
    queryFn: () => api.get<AuditVerification>('/api/audit-log/verification'),
  });
  const checkpoint = useMutation({
    mutationFn: () => api.post<{ treeSize: number; note: string }>('/api/audit-log/checkpoints'),
    onSuccess: (cp) => {
      download(`tillit-checkpoint-${cp.treeSize}.txt`, cp.note);
      notifySuccess(`Signed checkpoint of ${cp.treeSize} events downloaded; keep it outside Tillit`);
      void client.invalidateQueries({ queryKey: ['audit-verification'] });
      void client.invalidateQueries({ queryKey: ['audit-events'] });
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
            leftSection={<IconDownload size={14} />}
            loading={checkpoint.isPending}
            onClick={() => checkpoint.mutate()}
          >
            Create signed checkpoint
          </Button>
        )}
      </Group>
      <QueryState loading={v.isLoading} error={v.error}>
        {v.data && (
          <Stack gap="xs" aria-live="polite">
            <Group gap="xs">
              <IconShieldCheck
                color={v.data.ok ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-red-6)'}
                aria-hidden
              />
              <Text fw={600} c={v.data.ok ? 'teal.9' : 'red.9'} data-testid="integrity-status">
                {v.data.ok ? 'The log is intact' : 'The log failed verification'}
              </Text>
              <Badge variant="light">{v.data.treeSize} events</Badge>
              <Badge variant="light">{v.data.checkpointsVerified} checkpoints verified</Badge>
            </Group>
            <Text size="xs" c="dimmed">
              Merkle root (RFC 6962, SHA-256)
            </Text>
            <Code>{v.data.rootHash}</Code>
            {v.data.problems.map((p) => (
              <Alert key={p} color="red">
                {p}
              </Alert>
            ))}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

function EventRow({ event }: { event: AuditEvent }) {
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} data of event ${event.seq}`}
            onClick={() => setOpen(!open)}
          >
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        </Table.Td>
        <Table.Td>{event.seq}</Table.Td>
        <Table.Td>{new Date(event.occurredAt).toLocaleString()}</Table.Td>
        <Table.Td>
          {event.actor ? (
            event.actor.email
          ) : (
            <Text span c="dimmed">
              {event.actorType}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Badge variant="light" tt="none">
            {event.action}
          </Badge>
        </Table.Td>
        <Table.Td>
          {event.entityType}
          {event.entityId && (
            <Text span size="xs" c="dimmed">
              {' '}
              {event.entityId.slice(0, 8)}
            </Text>
          )}
        </Table.Td>
      </Table.Tr>
      <Table.Tr>
        <Table.Td colSpan={6} p={0} style={{ borderBottom: open ? undefined : 'none' }}>
          <Collapse expanded={open}>
            <Code block className="wrap-anywhere" m="xs">
              {JSON.stringify(event.data, null, 2)}
            </Code>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </Fragment>
  );
}

function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const { can } = useSession();
  const users = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => api.get<Page<User>>('/api/users?pageSize=200'),
    enabled: can('users.read'),
  });
  const set = (k: keyof Filters) => (value: string | null) => onChange({ ...filters, [k]: value ?? '' });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} mb="md">
      <Select
        label="Action"
        placeholder="Any action"
        clearable
        searchable
        data={auditActions}
        value={filters.action || null}
        onChange={set('action')}
      />
      <TextInput
        label="Entity type"
        placeholder="e.g. location"
        value={filters.entityType}
        onChange={(e) => set('entityType')(e.currentTarget.value)}
      />
      {can('users.read') ? (
        <Select
          label="Actor"
          placeholder="Anyone"
          clearable
          searchable
          data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.email }))}
          value={filters.actorId || null}
          onChange={set('actorId')}
        />
      ) : (
        <div />
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

export function AuditLogPage() {
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [page, setPage] = useState(1);
  const params = query({
    page,
    pageSize: PAGE_SIZE,
    action: filters.action,
    entityType: filters.entityType.trim(),
    actorId: filters.actorId,
    from: toIso(filters.from),
    to: toIso(filters.to),
  });
  const events = useQuery({
    queryKey: ['audit-events', params],
    queryFn: () => api.get<Page<AuditEvent>>(`/api/audit-events${params}`),
  });
  const changeFilters = (f: Filters) => {
    setFilters(f);
    setPage(1);
  };
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change in Tillit, in a tamper-evident, append-only log."
      />
      <Stack>
        <IntegrityPanel />
        <Card withBorder padding="lg">
          <FilterBar filters={filters} onChange={changeFilters} />
          <QueryState loading={events.isLoading} error={events.error}>
            <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
              {events.data?.total === 1 ? '1 event' : `${events.data?.total ?? 0} events`}
            </Text>
            <Table highlightOnHover aria-label="Audit events">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th aria-label="Details" />
                  <Table.Th>#</Table.Th>
                  <Table.Th>Time</Table.Th>
                  <Table.Th>Actor</Table.Th>
                  <Table.Th>Action</Table.Th>
                  <Table.Th>Entity</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {events.data?.items.map((e) => (
                  <EventRow key={e.seq} event={e} />
                ))}
              </Table.Tbody>
            </Table>
            <PageControls total={events.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
          </QueryState>
        </Card>
      </Stack>
    </>
  );
}
