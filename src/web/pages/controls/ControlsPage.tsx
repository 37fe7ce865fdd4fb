import { Anchor, Button, Card, Group, Table, Text } from '@mantine/core';
import { IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ControlSummary } from '../../../contracts/controls.js';
import { useControls } from '../../api/controls.js';
import { useSession } from '../../auth/session.js';
import { count } from '../../ui/format.js';
import { PageControls } from '../../ui/PageControls.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { QueryState } from '../../ui/QueryState.js';
import { CreateControlModal } from './control-create.js';
import { ControlStatusBadge, EvidenceBadge, FailingBadge } from './control-status.js';
import { ControlFilterBar, noControlFilters, useControlFilters } from './controls-filters.js';

const PAGE_SIZE = 50;

function ControlsTable({ controls }: { controls: ControlSummary[] }) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover aria-label="Controls">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ref</Table.Th>
            <Table.Th>Title</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Scope</Table.Th>
            <Table.Th ta="right">Requirements</Table.Th>
            <Table.Th>Evidence</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {controls.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                {c.ref}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/controls/${c.id}`} size="sm">
                  {c.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <ControlStatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>
                {c.ownerName ?? (
                  <Text span size="sm" c="dimmed">
                    Nobody
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{c.serviceName ?? 'Baseline'}</Table.Td>
              <Table.Td ta="right">{c.requirementCount}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <EvidenceBadge state={c.evidenceState} />
                  {c.failing && <FailingBadge />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ControlsPage() {
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const { filters, page, update, setPage } = useControlFilters();
  const controls = useControls({ ...filters, page, pageSize: PAGE_SIZE });
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <PageHeader
        title="Controls"
        description="What the organisation does to meet its requirements: owners, scope, status and evidence."
        actions={
          can('controls.manage') && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New control
            </Button>
          )
        }
      />
      <Card withBorder padding="lg">
        <ControlFilterBar filters={filters} onChange={update} />
        <QueryState loading={controls.isLoading} error={controls.error}>
          <Group justify="space-between" mb="xs">
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="control-count">
              {count(controls.data?.total ?? 0, 'control')}
            </Text>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              disabled={!filtered}
              onClick={() => update(noControlFilters)}
            >
              Clear filters
            </Button>
          </Group>
          <ControlsTable controls={controls.data?.items ?? []} />
          {controls.data?.total === 0 && (
            <Text c="dimmed" ta="center" py="lg">
              {filtered ? 'No controls match these filters.' : 'No controls yet.'}
            </Text>
          )}
          <PageControls total={controls.data?.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} />
        </QueryState>
      </Card>
      {creating && <CreateControlModal onClose={() => setCreating(false)} />}
    </>
  );
}
