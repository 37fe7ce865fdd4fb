import { Anchor, Button, Card, Group, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Check } from '../../../contracts/checks.js';
import { useChecks } from '../../api/checks.js';
import { useSession } from '../../auth/session.js';
import { dateTime } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { listParam, useListParams } from '../../ui/use-list-params.js';
import { CheckFormModal } from './check-form.js';
import { CheckStatusBadge, checkKindLabels, describeConfig } from './check-ui.js';

const PAGE_SIZE = 50;
const statusOptions = [
  { value: 'failing', label: 'Failing' },
  { value: 'passing', label: 'Passing' },
  { value: 'unknown', label: 'Not run yet' },
];

function ChecksTable({ checks }: { checks: Check[] }) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover aria-label="Checks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Check</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Schedule</Table.Th>
            <Table.Th>Last run</Table.Th>
            <Table.Th>Controls</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checks.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/checks/${c.id}`} size="sm" fw={500}>
                  {c.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {describeConfig(c)}
                </Text>
              </Table.Td>
              <Table.Td>
                <CheckStatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>{checkKindLabels[c.kind]}</Table.Td>
              <Table.Td ff="monospace">{c.schedule ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{dateTime(c.lastRunAt, 'never')}</Table.Td>
              <Table.Td>{c.controls.map((k) => k.ref).join(', ') || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ChecksPage() {
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const {
    values: { status, page },
    update,
    setPage,
  } = useListParams({ status: listParam.text(), page: listParam.page() });
  const checks = useChecks({ status, page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Checks"
        description="Automated tests that produce evidence: metric thresholds, freshness of recurring work, results from CI."
        actions={
          can('checks.manage') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New check
            </Button>
          )
        }
      />
      <Card withBorder padding="lg">
        <Group mb="md">
          <Select
            label="Status"
            placeholder="Any status"
            data={statusOptions}
            value={status || null}
            onChange={(v) => update({ status: v ?? '' })}
            clearable
            w={220}
          />
        </Group>
        <QueryState loading={checks.isLoading} error={checks.error}>
          {checks.data?.total ? (
            <ChecksTable checks={checks.data.items} />
          ) : (
            <Text c="dimmed" size="sm">
              No checks yet.
            </Text>
          )}
          <PageControls total={checks.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {creating && <CheckFormModal onClose={() => setCreating(false)} />}
    </>
  );
}
